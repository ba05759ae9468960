import Foundation

/// Where and how to hand mail over, from one URL: `smtp://user:pass@host:port` (STARTTLS when the
/// server offers it, and required before a password is sent anywhere but loopback) or `smtps://…`
/// (TLS from the first byte). `?ca=/path/to/ca.pem` trusts an extra certificate authority, for a
/// relay with a private certificate.
public struct SMTPServer: Sendable, Hashable, CustomStringConvertible {
    public enum Security: String, Sendable {
        /// STARTTLS if the server offers it.
        case startTLSWhenOffered
        /// TLS from the first byte (`smtps`, usually port 465).
        case implicitTLS
    }

    public let host: String
    public let port: Int
    public let security: Security
    public let username: String?
    public let password: String?
    public let extraCAFile: String?

    public init(host: String, port: Int, security: Security, username: String? = nil, password: String? = nil, extraCAFile: String? = nil) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.extraCAFile = extraCAFile
    }

    public init(url: String) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else { throw SMTPError.configuration("\(Self.redacted(url)) is not an SMTP URL such as smtp://user:password@mail.example:587") }
        switch scheme {
        case "smtp": security = .startTLSWhenOffered
        case "smtps": security = .implicitTLS
        default: throw SMTPError.configuration("an SMTP URL starts with smtp:// or smtps://, not \(scheme)://")
        }
        self.host = host
        port = components.port ?? (security == .implicitTLS ? 465 : 25)
        username = components.user?.removingPercentEncoding
        password = components.password?.removingPercentEncoding
        let known: Set = ["ca"]
        if let unknown = components.queryItems?.first(where: { !known.contains($0.name) }) {
            throw SMTPError.configuration("the SMTP URL option \(unknown.name) is unknown; the only option is ca=/path/to/ca.pem")
        }
        extraCAFile = components.queryItems?.first { $0.name == "ca" }?.value
    }

    /// The server without its password, for logs.
    public var description: String {
        "\(security == .implicitTLS ? "smtps" : "smtp")://\(username.map { "\($0)@" } ?? "")\(host):\(port)"
    }

    var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host.lowercased()) }

    private static func redacted(_ url: String) -> String {
        url.replacingOccurrences(of: #"://[^@/]*@"#, with: "://…@", options: .regularExpression)
    }
}
