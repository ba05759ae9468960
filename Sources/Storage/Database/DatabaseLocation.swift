import Foundation
import NIOSSL
public import PostgresNIO

/// Where the data lives, read from a database URL:
/// `postgres://user:password@host:5432/name?sslmode=disable`, or for the embedded database
/// `sqlite:sessiondesk.sqlite`, `sqlite:///var/lib/sessiondesk/data.sqlite` or a plain file path.
public enum DatabaseLocation: Sendable {
    case sqlite(path: String)
    case postgres(PostgresClient.Configuration)

    public static let defaultSQLitePath = "sessiondesk.sqlite"

    public init(url text: String) throws {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try Self.postgresConfiguration(text))
        } else if text.hasPrefix("sqlite://") {
            self = .sqlite(path: String(text.dropFirst("sqlite://".count)))
        } else if text.hasPrefix("sqlite:") {
            self = .sqlite(path: String(text.dropFirst("sqlite:".count)))
        } else if text.contains("://") {
            throw DatabaseLocationError(message: "Unsupported database URL \"\(Self.redacted(text))\": use postgres://… or sqlite:PATH.")
        } else {
            self = .sqlite(path: text)
        }
        if case .sqlite(let path) = self, path.isEmpty {
            throw DatabaseLocationError(message: "The SQLite database URL names no file.")
        }
    }

    /// The URL with its password hidden, for logs and error messages.
    public static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }

    public var description: String {
        switch self {
        case .sqlite(let path): "SQLite file \(path)"
        case .postgres(let configuration):
            "PostgreSQL \(configuration.username)@\(configuration.host ?? "localhost"):\(configuration.port ?? 5432)/\(configuration.database ?? "")"
        }
    }

    private static func postgresConfiguration(_ text: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw DatabaseLocationError(message: "Could not read the PostgreSQL URL \"\(redacted(text))\".")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let tls: PostgresClient.Configuration.TLS
        switch query["sslmode"] ?? "prefer" {
        case "disable": tls = .disable
        case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
        case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        case let other: throw DatabaseLocationError(message: "Unknown sslmode \"\(other)\": use disable, prefer or require.")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
            password: components.password, database: database.isEmpty ? nil : database, tls: tls)
        if let size = query["pool_size"].flatMap(Int.init), size > 0 {
            configuration.options.maximumConnections = size
        }
        return configuration
    }
}

public struct DatabaseLocationError: Error, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
