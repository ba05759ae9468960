import ArgumentParser
import Foundation
import Storage

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply database migrations and exit.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let configuration = try AppConfiguration(reader: AppConfiguration.reader(commandLine: database.commandLineValues))
        let logger = Runtime.logger(configuration)
        let applied = try await Runtime.withStore(configuration, logger: logger) { store in
            let migrator = Migrator(store: store)
            let applied = try await migrator.migrate(now: Date())
            return (applied, try await migrator.currentVersion())
        }
        print(applied.0.isEmpty ? "Database is up to date." : "Applied migrations \(applied.0.map(String.init).joined(separator: ", ")).")
        print("Schema version: \(applied.1.map(String.init) ?? "none")")
    }
}
