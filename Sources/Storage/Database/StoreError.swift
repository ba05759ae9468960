import PostgresNIO
import SQLiteNIO

/// Database failures that the layers above must tell apart from bugs.
public enum StoreError: Error, Sendable, Equatable {
    /// A unique index refused a duplicate; names the constraint where the driver reports it.
    case uniqueViolation(String)
    /// A PostgreSQL exclusion constraint refused an overlapping row (two sessions at one time).
    case exclusionViolation(String)
    /// A row points at one that does not exist.
    case foreignKeyViolation(String)
    /// The store was closed; nothing more can be read or written through it.
    case closed

    /// The refusal a driver's error stands for, or the error itself when it is not one.
    static func translate(_ error: any Error) -> any Error {
        if error is StoreError { return error }
        if let error = error as? SQLiteError {
            switch error.reason {
            case .constraintUniqueFailed, .constraintPrimaryKeyFailed: return StoreError.uniqueViolation(error.message)
            case .constraintForeignKeyFailed: return StoreError.foreignKeyViolation(error.message)
            default: return error
            }
        }
        if let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] {
            let detail = error.serverInfo?[.constraintName] ?? error.serverInfo?[.message] ?? state
            switch state {
            case "23505": return StoreError.uniqueViolation(detail)
            case "23P01": return StoreError.exclusionViolation(detail)
            case "23503": return StoreError.foreignKeyViolation(detail)
            default: return error
            }
        }
        return error
    }
}

/// The database cannot be reached or opened; the message says which setting to check.
public struct StoreUnavailable: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
