import Foundation
public import Logging
import PostgresNIO
import SQLKit
public import Storage

/// The databases a storage test runs against: always a real SQLite file, and a real PostgreSQL
/// cluster when `SESSIONDESK_TEST_POSTGRES_URL` names one (`scripts/with-postgres.sh` starts one).
public enum TestDatabase: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    static let postgresURL = ProcessInfo.processInfo.environment["SESSIONDESK_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// SQLite always; PostgreSQL when a cluster was given. CI refuses to skip it (see `PostgresRequiredTests`).
    public static var available: [TestDatabase] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    public static var postgresAvailable: Bool { postgresURL != nil }

    public static let logger: Logger = {
        var logger = Logger(label: "sessiondesk.tests")
        logger.logLevel = .warning
        return logger
    }()

    /// A fresh, empty database of this kind (migrated unless told otherwise), dropped afterwards.
    public func withStore<T: Sendable>(migrated: Bool = true, _ body: @Sendable (any Store) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("sessiondesk-test-\(UUID().uuidString).sqlite").path
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            let store = try await SQLiteStore.open(path: path, logger: Self.logger)
            do {
                if migrated { try await Migrator(store: store).migrate(now: Date()) }
                let result = try await body(store)
                try await store.close()
                return result
            } catch {
                try? await store.close()
                throw error
            }
        case .postgres:
            guard let url = Self.postgresURL, case .postgres(var configuration, _) = try DatabaseLocation(url: url) else {
                throw DatabaseLocationError(message: "SESSIONDESK_TEST_POSTGRES_URL is not set")
            }
            let name = "sd_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))"
            try await Self.administer(configuration, "CREATE DATABASE \(name)")
            configuration.database = name
            configuration.options.maximumConnections = 40
            let store = PostgresStore(configuration: configuration, logger: Self.logger)
            let runner = Task { try await store.run() }
            do {
                if migrated { try await Migrator(store: store).migrate(now: Date()) }
                let result = try await body(store)
                runner.cancel()
                _ = await runner.result
                try await Self.administer(configuration, "DROP DATABASE \(name) WITH (FORCE)")
                return result
            } catch {
                runner.cancel()
                _ = await runner.result
                try? await Self.administer(configuration, "DROP DATABASE \(name) WITH (FORCE)")
                throw error
            }
        }
    }

    /// Runs a statement on the cluster's `postgres` database (outside any transaction, as CREATE DATABASE needs).
    private static func administer(_ configuration: PostgresClient.Configuration, _ statement: String) async throws {
        var admin = configuration
        admin.database = "postgres"
        let connection = try await PostgresConnection.connect(
            configuration: .init(
                host: admin.host ?? "127.0.0.1", port: admin.port ?? 5432, username: admin.username, password: admin.password,
                database: "postgres", tls: .disable),
            id: 1, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
