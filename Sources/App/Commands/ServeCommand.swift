import ArgumentParser
import Foundation
import Hummingbird
import Notifications
import Storage
import Workflows

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the server (migrating the database first).")

    @Option(help: "Address to listen on (default 127.0.0.1; env SESSIONDESK_HTTP_HOSTNAME).")
    var hostname: String?

    @Option(help: "Port to listen on (default 8080; env SESSIONDESK_HTTP_PORT).")
    var port: Int?

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Seed the demo organization first if the database is empty.")
    var demo = false

    @Flag(help: "Leave background jobs (notifications, expiring requests) to `sessiondesk worker` processes.")
    var noWorker = false

    func run() async throws {
        var values = database.commandLineValues
        if let hostname { values["http.hostname"] = .string(hostname) }
        if let port { values["http.port"] = .int(port) }
        let configuration = try AppConfiguration(reader: AppConfiguration.reader(commandLine: values))
        let logger = Runtime.logger(configuration)
        logger.info("using \(configuration.database.description)")
        let store = try await configuration.database.open(logger: logger)
        let dependencies = Runtime.dependencies(configuration, store: store, logger: logger)
        let startup = StartupGate()
        let app = try await buildApplication(
            configuration: configuration, store: store, dependencies: dependencies, metrics: Runtime.metrics, seedDemo: demo,
            services: [store] + (noWorker ? [] : try Runtime.workerServices(configuration, dependencies: dependencies, startup: startup)),
            startup: startup, logger: logger)
        do {
            try await app.runService()
        } catch {
            throw ListenFailure.explain(error, hostname: configuration.hostname, port: configuration.port)
        }
    }
}
