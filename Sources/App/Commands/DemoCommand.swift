import ArgumentParser
import Foundation
import Storage

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Seed the demo organization (a tutoring business in Europe/London) and print its logins.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let configuration = try AppConfiguration(reader: AppConfiguration.reader(commandLine: database.commandLineValues))
        let logger = Runtime.logger(configuration)
        let demo = try await Runtime.withStore(configuration, logger: logger) { store in
            try await Migrator(store: store).migrate(now: Date())
            return try await DemoOrganization.seed(Runtime.dependencies(configuration, store: store, logger: logger))
        }
        print(demo.summary)
    }
}
