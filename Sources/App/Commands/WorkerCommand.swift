import ArgumentParser
import Foundation
import Notifications
import ServiceLifecycle
import Storage

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run background jobs only (notifications, expiring requests), beside servers started with `serve --no-worker`.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let configuration = try AppConfiguration(reader: AppConfiguration.reader(commandLine: database.commandLineValues))
        let logger = Runtime.logger(configuration, label: "sessiondesk.worker")
        logger.info("using \(configuration.database.description)")
        let store = try await configuration.database.open(logger: logger)
        let dependencies = Runtime.dependencies(configuration, store: store, logger: logger)
        let startup = StartupGate()
        let services = try Runtime.workerServices(configuration, dependencies: dependencies, startup: startup)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: store)] + services.map { .init(service: $0) } + [
                    .init(service: MigrateFirst(store: store, startup: startup), successTerminationBehavior: .ignore)
                ],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// Brings the schema up to date, then lets the other services start.
private struct MigrateFirst: Service {
    let store: any Store
    let startup: StartupGate

    func run() async throws {
        _ = try await Migrator(store: store).migrate(now: Date())
        await startup.open()
    }
}
