public import Foundation
public import Scheduling
public import Storage

/// "Forgot your password?": a one-time link by email to choose a new one. Asking never tells
/// whether an account exists; using the link logs the person out everywhere else.
public struct PasswordResets: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    /// How long a link works.
    public static let lifetime: TimeInterval = 3600
    /// At most this many links per person per hour, however often someone asks.
    public static let perHour = 3

    /// Sends a link to every account that logs in with `email` (one per organization), unless
    /// that person was already sent `perHour` links this hour. Says nothing either way.
    public func request(email: String) async throws {
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !email.isEmpty else { throw DomainError.invalid("email", "Enter the email you log in with.") }
        let now = dependencies.currentInstant()
        try await dependencies.store.write { [dependencies] db in
            for (user, _) in try await db.loginCandidates(email: email) {
                guard try await db.passwordResetCount(userID: user.id, since: now.addingTimeInterval(-3600)) < Self.perHour,
                    let organization = try await db.organization(id: user.organizationID)
                else { continue }
                let token = dependencies.secrets.token()
                let expiresAt = now.addingTimeInterval(Self.lifetime)
                try await db.insertPasswordReset(
                    id: dependencies.ids.next(), tokenHash: SecretGenerator.hash(token), organizationID: organization.id, userID: user.id, now: now,
                    expiresAt: expiresAt)
                try await db.enqueue(
                    PasswordResetMessage(
                        id: dependencies.ids.next(), user: user, organization: organization,
                        link: dependencies.url(WebPath.passwordReset(token)),
                        expiresAt: expiresAt, now: now
                    ).outboxMessage(in: db, logger: dependencies.logger))
            }
        }
    }

    /// Whose link this is, if it can still be used; otherwise the refusal `complete` would give.
    public func holder(token: String) async throws -> User {
        let now = dependencies.currentInstant()
        return try await dependencies.store.read { db in
            let (reset, user, organization) = try await Self.lookUp(token: token, in: db)
            try Self.checkUsable(reset, organization: organization, now: now)
            return user
        }
    }

    /// Sets the new password, ends every other session of the person, and logs them in here.
    public func complete(token: String, password: String, kind: AccessKind) async throws -> Authentication.Granted {
        try ContactRules.password(password)
        let now = dependencies.currentInstant()
        let hash = try await dependencies.passwords.hash(password)
        let sessionToken = dependencies.secrets.token()
        return try await dependencies.store.write { db in
            let (reset, user, organization) = try await Self.lookUp(token: token, in: db)
            try Self.checkUsable(reset, organization: organization, now: now)
            guard try await db.markPasswordResetUsed(id: reset.id, now: now) else { throw Self.used }
            try await db.setPassword(userID: user.id, hash: hash)
            try await db.deleteAccessTokens(userID: user.id)
            return try await Authentication.grant(token: sessionToken, to: user, kind: kind, now: now, in: db)
        }
    }

    private static let used = DomainError.conflict("This link was already used. Log in with your new password, or ask for another link.")

    private static func lookUp(token: String, in db: DB) async throws -> (StoredPasswordReset, User, Organization) {
        guard let reset = try await db.passwordReset(tokenHash: SecretGenerator.hash(token)),
            let user = try await db.user(id: reset.userID, organizationID: reset.organizationID),
            let organization = try await db.organization(id: reset.organizationID)
        else { throw DomainError(.notFound, "This password reset link is not valid. Ask for a new one.") }
        return (reset, user, organization)
    }

    private static func checkUsable(_ reset: StoredPasswordReset, organization: Organization, now: Date) throws(DomainError) {
        guard reset.usedAt == nil else { throw used }
        guard reset.expiresAt > now else {
            throw DomainError.conflict("This link expired at \(organization.describe(reset.expiresAt)). Ask for a new one.")
        }
    }
}
