public import SQLKit
public import ServiceLifecycle

/// The database behind SessionDesk: SQLite embedded in a file, or a PostgreSQL server.
///
/// Everything above Storage talks to a `Store` and never to a driver, so that each query is written
/// once for both. A `Store` is a `Service`: `run()` keeps pools alive until graceful shutdown.
public protocol Store: Service, Sendable {
    var dialect: Dialect { get }

    /// Runs `body` on a connection for reading. Several reads may run at once.
    func read<T: Sendable>(_ body: @Sendable (DB) async throws -> T) async throws -> T

    /// Runs `body` in one transaction that commits when it returns and rolls back when it throws.
    /// It returns only once the commit is on disk; a write that throws left nothing behind.
    ///
    /// On SQLite writes take turns on a single writer connection (several commit together, each in
    /// a savepoint of its own); on PostgreSQL they run concurrently and take row locks where a rule
    /// needs them.
    func write<T: Sendable>(_ body: @escaping @Sendable (DB) async throws -> T) async throws -> T

    /// Stops accepting work and closes connections; for tests and commands that end without a service group.
    func close() async throws
}

public enum Dialect: String, Sendable {
    case sqlite
    case postgres
}

/// One connection (or transaction) handed to a query: the SQLKit database and which dialect it speaks.
public struct DB: Sendable {
    public let sql: any SQLDatabase
    public let dialect: Dialect

    public init(sql: any SQLDatabase, dialect: Dialect) {
        self.sql = sql
        self.dialect = dialect
    }
}
