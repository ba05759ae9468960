public import Foundation
public import Scheduling
public import Storage

/// The office invites tutors and parents by email; a one-time link lets them set a password.
/// Nobody signs up into an organization unasked.
public struct Invitations: Sendable {
    let dependencies: Dependencies

    /// How long a link stays valid.
    public static let lifetime: TimeInterval = 7 * 24 * 3600

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public struct Draft: Sendable {
        public var email: String
        public var name: String
        public var role: Role
        public var phone: String?
        /// Parents only.
        public var canRequestSessions: Bool

        public init(email: String, name: String, role: Role, phone: String? = nil, canRequestSessions: Bool = false) {
            self.email = email
            self.name = name
            self.role = role
            self.phone = phone
            self.canRequestSessions = canRequestSessions
        }
    }

    public struct Sent: Sendable, Codable {
        public let user: User
        public let expiresAt: Date
        /// The link in the email. Returned to the office too, so they can pass it on another way;
        /// nil when this repeats an earlier call's answer (`IdempotencyKey`): links are secrets and
        /// are never stored.
        public let link: String?

        private enum CodingKeys: String, CodingKey { case user, expiresAt }

        init(user: User, expiresAt: Date, link: String?) {
            self.user = user
            self.expiresAt = expiresAt
            self.link = link
        }

        public init(from decoder: any Decoder) throws {
            let values = try decoder.container(keyedBy: CodingKeys.self)
            self.init(user: try values.decode(User.self, forKey: .user), expiresAt: try values.decode(Date.self, forKey: .expiresAt), link: nil)
        }
    }

    /// Creates the person if they are new, then sends them a fresh link (earlier links stop working).
    /// Someone who already set a password needs no invitation.
    public func invite(_ draft: Draft, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> Sent {
        try caller.requireAdmin(to: "invite people")
        guard draft.role != .admin || caller.isAdmin else { throw DomainError.forbidden("Only the office can invite office staff.") }
        let email = try ContactRules.email(draft.email)
        let name = try ContactRules.name(draft.name)
        let phone = try ContactRules.phone(draft.phone)
        let now = dependencies.currentInstant()
        let token = dependencies.secrets.token()
        let expiresAt = now.addingTimeInterval(Self.lifetime)
        let link = dependencies.url(WebPath.invitation(token))
        let newUserID = dependencies.ids.next()
        let invitationID = dependencies.ids.next()
        let messageID = dependencies.ids.next()
        return try await dependencies.write(once: key, by: caller) { db in
            guard let organization = try await db.organization(id: caller.organizationID) else { throw DomainError.notFound("Organization") }
            let user: User
            if let existing = try await db.user(email: email, organizationID: caller.organizationID) {
                guard !existing.hasPassword else {
                    throw DomainError.conflict("\(existing.name) <\(email)> already has an account and can log in.")
                }
                guard existing.role == draft.role else {
                    throw DomainError.conflict("\(email) is already invited as a \(existing.role.rawValue), not a \(draft.role.rawValue).")
                }
                user = existing
                try await db.revokeOpenInvitations(userID: user.id, now: now)
            } else {
                user = User(
                    id: newUserID, organizationID: caller.organizationID, role: draft.role, name: name, email: email, phone: phone,
                    canRequestSessions: draft.role == .parent && draft.canRequestSessions)
                try await db.insertUser(user, passwordHash: nil, now: now)
            }
            try await db.insertInvitation(
                id: invitationID, tokenHash: SecretGenerator.hash(token), organizationID: caller.organizationID, userID: user.id,
                invitedBy: caller.userID, now: now, expiresAt: expiresAt)
            try await db.enqueue(
                InvitationMessage(
                    id: messageID, user: user, organization: organization, invitedBy: caller.name, link: link, expiresAt: expiresAt, now: now
                ).outboxMessage(in: db, logger: dependencies.logger))
            try await OfficeAudit(dependencies: dependencies).record(
                .personInvited, subjectType: "user", subjectID: user.id,
                summary: "invited \(user.name) <\(user.email)> as a \(user.role == .admin ? "member of the office" : user.role.rawValue)", by: caller,
                at: now, in: db)
            return Sent(user: user, expiresAt: expiresAt, link: link)
        }
    }

    /// Sends a fresh link to someone already in the organization (the office's "send again"); the
    /// earlier link stops working.
    public func resend(to userID: String, by caller: Caller) async throws -> Sent {
        try caller.requireAdmin(to: "invite people")
        let person = try await dependencies.store.read { db in try await db.user(id: userID, organizationID: caller.organizationID) }
        guard let person else { throw DomainError.notFound("Person") }
        return try await invite(
            .init(email: person.email, name: person.name, role: person.role, phone: person.phone, canRequestSessions: person.canRequestSessions),
            by: caller)
    }

    /// Who an invitation link is for, if it can still be used; otherwise the refusal that
    /// `accept` would give (used, expired, unknown).
    public func invitee(token: String) async throws -> User {
        let now = dependencies.currentInstant()
        return try await dependencies.store.read { db in
            let (invitation, user, organization) = try await Self.lookUp(token: token, in: db)
            try Self.checkUsable(invitation, organization: organization, now: now)
            return user
        }
    }

    private static func lookUp(token: String, in db: DB) async throws -> (StoredInvitation, User, Organization) {
        guard let invitation = try await db.invitation(tokenHash: SecretGenerator.hash(token)),
            let user = try await db.user(id: invitation.userID, organizationID: invitation.organizationID),
            let organization = try await db.organization(id: invitation.organizationID)
        else { throw DomainError(.notFound, "This invitation link is not valid. Ask the office to send a new one.") }
        return (invitation, user, organization)
    }

    private static func checkUsable(_ invitation: StoredInvitation, organization: Organization, now: Date) throws(DomainError) {
        if invitation.acceptedAt != nil {
            throw DomainError.conflict("This invitation was already used. Log in with your email and password.")
        }
        guard invitation.expiresAt > now else {
            throw DomainError.conflict(
                "This invitation expired on \(ZoneTimeline.describe(organization.localDate(of: invitation.expiresAt))). Ask the office to send a new one."
            )
        }
    }

    /// Sets the password of the invited person and logs them in. Works once, until it expires.
    public func accept(token: String, password: String, kind: AccessKind) async throws -> Authentication.Granted {
        try ContactRules.password(password)
        let now = dependencies.currentInstant()
        let hash = try await dependencies.passwords.hash(password)
        let sessionToken = dependencies.secrets.token()
        return try await dependencies.store.write { db in
            let (invitation, user, organization) = try await Self.lookUp(token: token, in: db)
            try Self.checkUsable(invitation, organization: organization, now: now)
            guard try await db.markInvitationAccepted(id: invitation.id, now: now) else {
                throw DomainError.conflict("This invitation was already used. Log in with your email and password.")
            }
            try await db.setPassword(userID: user.id, hash: hash)
            var withPassword = user
            withPassword.hasPassword = true
            return try await Authentication.grant(token: sessionToken, to: withPassword, kind: kind, now: now, in: db)
        }
    }
}
