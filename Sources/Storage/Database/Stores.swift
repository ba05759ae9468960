public import Logging
import PostgresNIO

extension DatabaseLocation {
    /// Opens the store this location names, after making sure it can be reached: a database that
    /// cannot be is refused with a sentence that says why and which setting to check. PostgreSQL
    /// stores need `run()` before they answer queries.
    public func open(logger: Logger) async throws -> any Store {
        switch self {
        case .sqlite(let path, let synchronous):
            return try await SQLiteStore.open(path: path, synchronous: synchronous, logger: logger)
        case .postgres(let configuration, let tls):
            try await PostgresStore.probe(configuration, tls: tls, logger: logger)
            return PostgresStore(configuration: configuration, logger: logger)
        }
    }
}
