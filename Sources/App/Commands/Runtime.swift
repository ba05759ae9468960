import Foundation
import Logging
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
            publicBaseURL: configuration.publicBaseURL, logger: logger)
    }

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
