public import Configuration
import Foundation
public import Logging
public import Storage

/// Everything `serve` and the other commands read from outside: command-line options first, then
/// `SESSIONDESK_*` environment variables, then these defaults.
public struct AppConfiguration: Sendable {
    public var hostname: String
    public var port: Int
    public var database: DatabaseLocation
    /// Where people reach the app, for links in emails.
    public var publicBaseURL: String
    public var logLevel: Logger.Level
    /// bcrypt cost; lower only in tests.
    public var passwordCost: UInt8
    /// How notifications leave: an SMTP server, or `.eml` files in a folder when none is configured.
    public var delivery: DeliveryConfiguration
    /// The bearer token Prometheus sends for `/metrics`; without one, `/metrics` is off.
    public var metricsToken: String?

    /// Reads `sessiondesk.http.hostname` (env `SESSIONDESK_HTTP_HOSTNAME`), `sessiondesk.http.port`,
    /// `sessiondesk.database.url`, `sessiondesk.public.base.url`, `sessiondesk.log.level` and
    /// `sessiondesk.password.cost`.
    public init(reader: ConfigReader) throws {
        let config = reader.scoped(to: "sessiondesk")
        hostname = config.string(forKey: "http.hostname", default: "127.0.0.1")
        port = config.int(forKey: "http.port", default: 8080)
        guard (0...65535).contains(port) else {
            throw ConfigurationError("The port \(port) does not exist: give --port (or SESSIONDESK_HTTP_PORT) a number from 1 to 65535.")
        }
        database = try DatabaseLocation(url: config.string(forKey: "database.url", default: DatabaseLocation.defaultSQLitePath))
        publicBaseURL = config.string(forKey: "public.base.url", default: "http://\(hostname):\(port)")
        let level = config.string(forKey: "log.level", default: "info")
        guard let parsed = Logger.Level(rawValue: level) else {
            throw ConfigurationError("SESSIONDESK_LOG_LEVEL \"\(level)\" is not one of trace, debug, info, notice, warning, error, critical.")
        }
        logLevel = parsed
        let cost = config.int(forKey: "password.cost", default: 12)
        guard (4...16).contains(cost) else { throw ConfigurationError("SESSIONDESK_PASSWORD_COST must be between 4 and 16, not \(cost).") }
        passwordCost = UInt8(cost)
        delivery = try DeliveryConfiguration(config: config, publicBaseURL: publicBaseURL)
        metricsToken = config.string(forKey: "metrics.token", isSecret: true).flatMap { $0.isEmpty ? nil : $0 }
        if let metricsToken, metricsToken.count < 16 {
            throw ConfigurationError("SESSIONDESK_METRICS_TOKEN must have at least 16 characters (it guards /metrics), not \(metricsToken.count).")
        }
    }

    /// Options given on the command line, as configuration keys that outrank the environment.
    public static func reader(commandLine values: [String: ConfigContent]) -> ConfigReader {
        ConfigReader(providers: [
            InMemoryProvider(
                name: "command line",
                values: Dictionary(
                    uniqueKeysWithValues: values.map {
                        (
                            AbsoluteConfigKey(stringLiteral: "sessiondesk.\($0.key)"),
                            ConfigValue($0.value, isSecret: ["database.url", "smtp.url", "sms.url", "metrics.token"].contains($0.key))
                        )
                    })),
            EnvironmentVariablesProvider(
                secretsSpecifier: .specific(["SESSIONDESK_DATABASE_URL", "SESSIONDESK_SMTP_URL", "SESSIONDESK_SMS_URL", "SESSIONDESK_METRICS_TOKEN"])),
        ])
    }
}

public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
