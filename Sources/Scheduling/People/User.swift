/// Someone who can (or will, once invited) log in: office staff, a tutor, or a parent.
public struct User: Hashable, Sendable, Codable {
    public let id: String
    public let organizationID: String
    public var role: Role
    public var name: String
    /// Stored trimmed and lower-cased; unique within the organization.
    public var email: String
    public var phone: String?
    /// How they want notifications: see `contact(textMessages:)`.
    public var notifyBy: NotificationChannel
    /// Parents only: whether the office lets them request, reschedule and cancel sessions.
    public var canRequestSessions: Bool
    /// False until an invitation is accepted and a password set.
    public var hasPassword: Bool

    public init(
        id: String, organizationID: String, role: Role, name: String, email: String, phone: String? = nil,
        notifyBy: NotificationChannel = .email, canRequestSessions: Bool = false, hasPassword: Bool = false
    ) {
        self.id = id
        self.organizationID = organizationID
        self.role = role
        self.name = name
        self.email = email
        self.phone = phone
        self.notifyBy = notifyBy
        self.canRequestSessions = canRequestSessions
        self.hasPassword = hasPassword
    }
}
