/// One message for the SMTP envelope: who it is from, whom it goes to, and its rendered text.
public struct OutgoingMail: Sendable {
    public let sender: String
    public let recipients: [String]
    /// The message as RFC 5322 text with CRLF line endings (see `MailMessage.rendered`).
    public let data: String

    public init(sender: String, recipients: [String], data: String) {
        self.sender = sender
        self.recipients = recipients
        self.data = data
    }
}
