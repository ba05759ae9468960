import Foundation
import Logging
import Metrics
import Notifications
import Prometheus
import ServiceLifecycle
import Storage
import Workflows

/// Shared set-up of the commands: logging, the store, and the dependencies workflows need.
enum Runtime {
    static func logger(_ configuration: AppConfiguration, label: String = "sessiondesk") -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = configuration.logLevel
        return logger
    }

    static func dependencies(_ configuration: AppConfiguration, store: any Store, logger: Logger) -> Dependencies {
        Dependencies(
            store: store, now: { Date() }, passwords: PasswordHasher(cost: configuration.passwordCost),
            publicBaseURL: configuration.publicBaseURL, logger: logger, textMessages: configuration.delivery.sms != nil)
    }

    /// The process's metrics, which `/metrics` serves: every `Counter` and timer of swift-metrics
    /// lands here from the first use on.
    static let metrics: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// The background work `serve` runs unless told not to, and `worker` runs alone: delivering
    /// notifications, expiring overdue requests, deleting what has expired.
    static func workerServices(_ configuration: AppConfiguration, dependencies: Dependencies, startup: StartupGate) throws -> [any Service] {
        let logger = dependencies.logger
        let delivery = configuration.delivery
        switch delivery.destination {
        case .smtp(let server): logger.info("delivering mail through \(server)")
        case .folder(let path): logger.notice("no SESSIONDESK_SMTP_URL: mail is written as .eml files to \(path)")
        }
        if let gateway = delivery.sms {
            logger.info("sending text messages through \(gateway)")
        } else {
            logger.info("no SESSIONDESK_SMS_URL: no text messages; everyone is emailed")
        }
        let transport = ChannelRouter(
            email: try EmailTransport(to: delivery.destination, from: delivery.sender, logger: logger),
            sms: delivery.sms.map { SMSTransport(gateway: $0, logger: logger) })
        let runner = JobRunner(
            store: dependencies.store, transport: transport,
            policy: delivery.retry, worker: workerName, lease: delivery.lease, now: dependencies.now,
            handlers: [.remind: SessionReminders(dependencies)], logger: logger)
        return [
            DeliveryService(runner: runner, pollInterval: delivery.pollInterval, startup: startup, logger: logger),
            RequestExpiryService(expiry: RequestExpiry(dependencies), interval: .seconds(30), startup: startup, logger: logger),
            HousekeepingService(store: dependencies.store, now: dependencies.now, startup: startup, logger: logger),
        ]
    }

    /// This process among the workers, in leases and logs: host, process id and a random part.
    static let workerName = "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)/\(UInt32.random(in: 0...UInt32.max))"

    /// Opens the store, keeps it running (PostgreSQL's pool needs that) while `body` works, then closes it.
    static func withStore<T: Sendable>(
        _ configuration: AppConfiguration, logger: Logger, _ body: @Sendable @escaping (any Store) async throws -> T
    ) async throws -> T {
        let store = try await configuration.database.open(logger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await store.run()
                return nil
            }
            group.addTask { try await body(store) }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let result { return result }
            }
            throw CancellationError()
        }
    }
}
