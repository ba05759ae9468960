public import Logging

extension DatabaseLocation {
    /// Opens the store this location names. PostgreSQL stores need `run()` before they answer queries.
    public func open(logger: Logger) async throws -> any Store {
        switch self {
        case .sqlite(let path): try await SQLiteStore.open(path: path, logger: logger)
        case .postgres(let configuration): PostgresStore(configuration: configuration, logger: logger)
        }
    }
}
