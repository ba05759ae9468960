/// How a notification reaches a person.
public enum NotificationChannel: String, Sendable, Hashable, CaseIterable, Codable {
    case email
    /// A text message to the person's phone.
    case sms
}

extension User {
    /// Where this person's notifications go: a text message when they chose it, have a number
    /// to send it to and the organization's deployment can send texts; otherwise their email (the
    /// one address everybody has, as it is their login). Invitations, password resets and anything
    /// with an attachment always go by email.
    public func contact(textMessages: Bool) -> (channel: NotificationChannel, address: String) {
        if notifyBy == .sms, textMessages, let phone, phone.hasPrefix("+") { return (.sms, phone) }
        return (.email, email)
    }
}
