import Foundation

/// An HTTP SMS gateway in Twilio's REST shape, from one URL: `https://ACCOUNT:TOKEN@api.twilio.com`
/// (or any gateway speaking the same API). Messages are posted to
/// `/2010-04-01/Accounts/ACCOUNT/Messages.json` with HTTP Basic authentication. `from` is the sending
/// number (`+447700900123`) or a messaging service (`MG…`). Plain `http://` is accepted only on
/// loopback, so the token never crosses a network in clear.
public struct SMSGateway: Sendable, Hashable, CustomStringConvertible {
    /// A gateway URL or sender that cannot be used, said for the person configuring it.
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    let base: URL
    let account: String
    let token: String
    let from: String

    public init(url: String, from: String) throws {
        guard var components = URLComponents(string: url), let scheme = components.scheme?.lowercased(), let host = components.host,
            !host.isEmpty, let account = components.user?.removingPercentEncoding, !account.isEmpty,
            let token = components.password?.removingPercentEncoding, !token.isEmpty
        else {
            throw SMSGateway.Invalid("SESSIONDESK_SMS_URL must look like https://ACCOUNT_SID:AUTH_TOKEN@api.twilio.com")
        }
        let loopback = ["127.0.0.1", "::1", "localhost"].contains(host.lowercased())
        guard scheme == "https" || (scheme == "http" && loopback) else {
            throw SMSGateway.Invalid("SESSIONDESK_SMS_URL must use https:// (plain http:// only to this machine), not \(scheme)://")
        }
        let sender = from.trimmingCharacters(in: .whitespaces)
        let isNumber =
            sender.hasPrefix("+") && (8...16).contains(sender.count) && sender.dropFirst().allSatisfy(\.isASCII)
            && sender.dropFirst().allSatisfy(\.isNumber)
        let isService = sender.hasPrefix("MG") && sender.count == 34
        guard isNumber || isService else {
            throw SMSGateway.Invalid(
                "SESSIONDESK_SMS_FROM \"\(from)\" must be the sending number in international form (+447700900123) or a messaging service SID (MG…).")
        }
        components.user = nil
        components.password = nil
        components.path = ""
        components.query = nil
        guard let base = components.url else { throw SMSGateway.Invalid("SESSIONDESK_SMS_URL \(components) is not a URL") }
        self.base = base
        self.account = account
        self.token = token
        self.from = sender
    }

    /// Where a message is posted.
    var messagesURL: URL {
        base.appending(path: "2010-04-01").appending(path: "Accounts").appending(path: account).appending(path: "Messages.json")
    }

    /// `Authorization: Basic …` of the account and its token.
    var authorization: String { "Basic " + Data("\(account):\(token)".utf8).base64EncodedString() }

    /// The form fields of one message: `To`, `Body`, and `From` or `MessagingServiceSid`.
    func form(to: String, body: String) -> String {
        let sender = from.hasPrefix("MG") ? ("MessagingServiceSid", from) : ("From", from)
        return [("To", to), sender, ("Body", body)].map { "\($0)=\(Self.formEncoded($1))" }.joined(separator: "&")
    }

    /// `application/x-www-form-urlencoded`: unreserved characters as they are, everything else as
    /// UTF-8 percent escapes (a space too, which every form decoder reads).
    static func formEncoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// The gateway without its token, for logs.
    public var description: String { "\(base.absoluteString) (account \(account), from \(from))" }
}
