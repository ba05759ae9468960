/// The words of one kind of message, as Mustache: a subject line and a body for email, and a short
/// text for people who chose text messages (none for kinds that only go by email). Values are
/// printed as they are (the email's HTML part escapes the whole text), and never read as template
/// syntax, so nothing a person types can change a message's shape.
public struct MessageTemplate: Hashable, Sendable {
    public var subject: String
    public var body: String
    public var text: String?

    public init(subject: String, body: String, text: String?) {
        self.subject = subject
        self.body = body
        self.text = text
    }
}
