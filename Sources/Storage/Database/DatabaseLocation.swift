import Foundation
import NIOSSL
public import PostgresNIO

/// Where the data lives, read from a database URL:
/// `postgres://user:password@host:5432/name?sslmode=disable`, or for the embedded database
/// `sqlite:sessiondesk.sqlite`, `sqlite:///var/lib/sessiondesk/data.sqlite` or a plain file path,
/// optionally with `?synchronous=normal` (see `SQLiteSynchronous`).
public enum DatabaseLocation: Sendable {
    case sqlite(path: String, synchronous: SQLiteSynchronous)
    /// `tls` again for the one connection `open` makes first, which `PostgresClient` cannot tell.
    case postgres(PostgresClient.Configuration, tls: PostgresTLS)

    public static let defaultSQLitePath = "sessiondesk.sqlite"

    public init(url text: String) throws {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            let (configuration, tls) = try Self.postgresConfiguration(text)
            self = .postgres(configuration, tls: tls)
        } else if text.hasPrefix("sqlite://") {
            self = try Self.sqlite(String(text.dropFirst("sqlite://".count)))
        } else if text.hasPrefix("sqlite:") {
            self = try Self.sqlite(String(text.dropFirst("sqlite:".count)))
        } else if text.contains("://") {
            throw DatabaseLocationError(message: "Unsupported database URL \"\(Self.redacted(text))\": use postgres://… or sqlite:PATH.")
        } else {
            self = try Self.sqlite(text)
        }
    }

    /// `PATH` or `PATH?synchronous=full|normal`.
    private static func sqlite(_ text: String) throws -> DatabaseLocation {
        let parts = text.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        guard !path.isEmpty else { throw DatabaseLocationError(message: "The SQLite database URL names no file: use sqlite:PATH.") }
        var synchronous = SQLiteSynchronous.full
        for item in URLComponents(string: "?" + (parts.count > 1 ? parts[1] : ""))?.queryItems ?? [] {
            switch (item.name, item.value?.lowercased()) {
            case ("synchronous", "full"): synchronous = .full
            case ("synchronous", "normal"): synchronous = .normal
            case ("synchronous", let other):
                throw DatabaseLocationError(
                    message: "Unknown SQLite synchronous=\(other ?? "") in the database URL: use full (the default) or normal.")
            default:
                throw DatabaseLocationError(
                    message: "Unknown SQLite option \"\(item.name)\" in the database URL: only synchronous=full|normal is read.")
            }
        }
        return .sqlite(path: path, synchronous: synchronous)
    }

    /// The URL with its password hidden, for logs and error messages.
    public static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }

    public var description: String {
        switch self {
        case .sqlite(let path, let synchronous): "SQLite file \(path)\(synchronous == .normal ? " (synchronous=normal)" : "")"
        case .postgres(let configuration, _):
            "PostgreSQL \(configuration.username)@\(configuration.host ?? "localhost"):\(configuration.port ?? 5432)/\(configuration.database ?? "")"
        }
    }

    private static func postgresConfiguration(_ text: String) throws -> (PostgresClient.Configuration, PostgresTLS) {
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw DatabaseLocationError(message: "Could not read the PostgreSQL URL \"\(redacted(text))\".")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let tls: PostgresTLS
        switch query["sslmode"] ?? "prefer" {
        case "disable": tls = .disable
        case "prefer", "allow": tls = .prefer
        case "require", "verify-ca", "verify-full": tls = .require
        case let other: throw DatabaseLocationError(message: "Unknown sslmode \"\(other)\": use disable, prefer or require.")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
            password: components.password, database: database.isEmpty ? nil : database, tls: tls.client)
        if let size = query["pool_size"].flatMap(Int.init), size > 0 {
            configuration.options.maximumConnections = size
        }
        return (configuration, tls)
    }
}

/// Whether to talk to PostgreSQL over TLS (the URL's `sslmode`).
public enum PostgresTLS: Sendable {
    case disable
    case prefer
    case require

    var client: PostgresClient.Configuration.TLS {
        switch self {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    var connection: PostgresConnection.Configuration.TLS {
        get throws {
            switch self {
            case .disable: .disable
            case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        }
    }
}

public struct DatabaseLocationError: Error, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
