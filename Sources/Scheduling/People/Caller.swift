/// The person on whose behalf a request is made, as established by their login.
public struct Caller: Hashable, Sendable {
    public let userID: String
    public let organizationID: String
    public let role: Role
    public let name: String
    /// Parents only; see `User.canRequestSessions`.
    public let canRequestSessions: Bool

    public init(user: User) {
        userID = user.id
        organizationID = user.organizationID
        role = user.role
        name = user.name
        canRequestSessions = user.canRequestSessions
    }

    public var isAdmin: Bool { role == .admin }

    /// Refuses anyone but the office, naming what they tried.
    public func requireAdmin(to action: String) throws(DomainError) {
        guard isAdmin else { throw DomainError.forbidden("Only the office can \(action).") }
    }
}
