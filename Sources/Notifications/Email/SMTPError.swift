/// Why a message could not be handed over, and whether trying again later could help.
public enum SMTPError: Error, Sendable, CustomStringConvertible {
    case configuration(String)
    /// The server could not be reached, hung up, or did not answer in time.
    case connection(String)
    /// The server answered a command with a failure code.
    case rejected(command: String, code: Int, text: String)
    /// The server's answer made no sense.
    case protocolViolation(String)
    /// The server would not let us authenticate safely (no TLS, or no mechanism we speak).
    case authentication(String)
    /// An address that cannot go into an envelope (a line break or angle bracket in it).
    case invalidAddress(String)

    /// A 5xx answer to a message (no such mailbox, message refused) will not change on retry;
    /// everything else (a server down, a 4xx "try later", wrong credentials being fixed) may.
    public var isPermanent: Bool {
        switch self {
        case .rejected(let command, let code, _): code >= 500 && command != "AUTH"
        case .invalidAddress: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .configuration(let text): "SMTP configuration: \(text)"
        case .connection(let text): "SMTP connection: \(text)"
        case .rejected(let command, let code, let text): "the SMTP server refused \(command): \(code) \(text)"
        case .protocolViolation(let text): "the SMTP server broke the protocol: \(text)"
        case .authentication(let text): "SMTP authentication: \(text)"
        case .invalidAddress(let address): "\"\(address)\" is not an address mail can be sent to"
        }
    }
}
