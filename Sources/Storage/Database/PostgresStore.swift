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
        do {
            return try await client.withConnection { connection in
                try await body(DB(sql: connection.sql(queryLogLevel: nil, logger: logger), dialect: .postgres))
            }
        } catch {
            throw StoreError.translate(error)
        }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (DB) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in
                let sql = connection.sql(queryLogLevel: nil, logger: logger)
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
        } catch {
            throw StoreError.translate(error)
        }
    }

    /// Keeps the connection pool alive; must run (in the service group, or a task) for queries to proceed.
    public func run() async throws {
        await client.run()
    }

    public func close() async throws {}
}
