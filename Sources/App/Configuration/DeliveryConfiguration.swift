import Configuration
public import Foundation
public import Notifications
import Workflows

/// Where notifications go and how hard delivery tries. Keys under `sessiondesk.`: `smtp.url`
/// (env `SESSIONDESK_SMTP_URL`; without it messages become `.eml` files in `mail.folder`, default
/// `mail`), `mail.from` (`Name <address>`), `sms.url` and `sms.from` (an SMS gateway in Twilio's
/// REST shape, see `SMSGateway`; without one nobody can choose texts), `delivery.attempts` (20: with backoff from
/// `delivery.retry.seconds`, 30, to an hourly cap, 6½ to 13 hours of retries),
/// `delivery.lease.seconds` (300), `delivery.poll.milliseconds` (1000).
public struct DeliveryConfiguration: Sendable {
    public var destination: EmailDestination
    public var sender: MailAddress
    public var sms: SMSGateway?
    public var retry: RetryPolicy
    /// How long a claimed job is a worker's before another may take it (after a crash).
    public var lease: TimeInterval
    /// How long an idle worker waits before looking for due jobs again.
    public var pollInterval: Duration

    init(config: ConfigReader, publicBaseURL: String) throws {
        if let url = config.string(forKey: "smtp.url", isSecret: true), !url.isEmpty {
            destination = .smtp(try SMTPServer(url: url))
        } else {
            destination = .folder(config.string(forKey: "mail.folder", default: "mail"))
        }
        let host = URLComponents(string: publicBaseURL)?.host ?? "localhost"
        let from = config.string(forKey: "mail.from", default: "SessionDesk <sessiondesk@\(host)>")
        guard let sender = MailAddress(parsing: from) else {
            throw ConfigurationError("SESSIONDESK_MAIL_FROM \"\(from)\" is not an address such as \"Northside Tutoring <office@northside.example>\".")
        }
        self.sender = sender
        if let url = config.string(forKey: "sms.url", isSecret: true), !url.isEmpty {
            sms = try SMSGateway(url: url, from: config.string(forKey: "sms.from", default: ""))
        }
        let attempts = config.int(forKey: "delivery.attempts", default: 20)
        let firstDelay = config.double(forKey: "delivery.retry.seconds", default: 30)
        guard attempts >= 1, firstDelay > 0 else {
            throw ConfigurationError("SESSIONDESK_DELIVERY_ATTEMPTS must be at least 1 and SESSIONDESK_DELIVERY_RETRY_SECONDS above 0.")
        }
        retry = RetryPolicy(maxAttempts: attempts, firstDelay: firstDelay, longestDelay: max(firstDelay, 3600))
        lease = config.double(forKey: "delivery.lease.seconds", default: 300)
        pollInterval = .milliseconds(max(10, config.int(forKey: "delivery.poll.milliseconds", default: 1000)))
    }
}
