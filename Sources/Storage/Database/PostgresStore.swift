public import Logging
import PostgresKit
public import PostgresNIO

/// PostgreSQL through a pooled `PostgresClient`, for deployments with several instances.
public final class PostgresStore: Store {
    public let dialect = Dialect.postgres
    private let client: PostgresClient
    private let logger: Logger

    public init(configuration: PostgresClient.Configuration, logger: Logger) {
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
    }

    public func read<T: Sendable>(_ body: @Sendable (DB) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await body(DB(sql: StoreErrorMapping(connection.sql(queryLogLevel: nil, logger: logger)), dialect: .postgres))
        }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (DB) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            let sql = StoreErrorMapping(connection.sql(queryLogLevel: nil, logger: logger))
            try await sql.raw("BEGIN").run()
            do {
                let result = try await body(DB(sql: sql, dialect: .postgres))
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                do { try await sql.raw("ROLLBACK").run() } catch { logger.error("rollback failed: \(error)") }
                throw error
            }
        }
    }

    /// Keeps the connection pool alive; must run (in the service group, or a task) for queries to proceed.
    public func run() async throws {
        await client.run()
    }

    public func close() async throws {}
}

extension PostgresStore {
    /// Connects once and says plainly why that failed, naming the setting to fix: the pool alone
    /// would retry for a while and then report only that it gave up.
    static func probe(_ configuration: PostgresClient.Configuration, tls: PostgresTLS, logger: Logger) async throws {
        let host = configuration.host ?? "localhost"
        let port = configuration.port ?? 5432
        let database = configuration.database ?? configuration.username
        let fix = "Check SESSIONDESK_DATABASE_URL (or --database)"
        do {
            let connection = try await PostgresConnection.connect(
                configuration: .init(
                    host: host, port: port, username: configuration.username, password: configuration.password, database: database,
                    tls: try tls.connection),
                id: 0, logger: logger)
            try await connection.close()
        } catch let error as PSQLError {
            switch error.serverInfo?[.sqlState] {
            case "28P01", "28000":
                throw StoreUnavailable(
                    "PostgreSQL at \(host):\(port) refused the login of \(configuration.username). \(fix): its user name and password.")
            case "3D000":
                throw StoreUnavailable(
                    "PostgreSQL at \(host):\(port) has no database \"\(database)\". Create it (createdb \(database)), or name another in SESSIONDESK_DATABASE_URL (or --database)."
                )
            case let state?:
                throw StoreUnavailable("PostgreSQL at \(host):\(port) refused the connection (\(error.serverInfo?[.message] ?? state)). \(fix).")
            case nil:
                let reason = error.underlying.map { "\($0)" } ?? "\(error.code)"
                throw StoreUnavailable(
                    "Could not reach PostgreSQL at \(host):\(port) (\(reason)). Is it running and accepting connections there? \(fix).")
            }
        } catch {
            throw StoreUnavailable("Could not reach PostgreSQL at \(host):\(port) (\(error)). Is it running and accepting connections there? \(fix).")
        }
    }
}
