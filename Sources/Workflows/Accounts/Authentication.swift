public import Foundation
public import Scheduling
public import Storage

/// Logging in and out, and recognising a caller from their token.
public struct Authentication: Sendable {
    let dependencies: Dependencies
    let throttle: LoginThrottle

    /// How long a login lasts, by kind.
    public static let apiTokenLifetime: TimeInterval = 30 * 24 * 3600
    public static let webSessionLifetime: TimeInterval = 14 * 24 * 3600

    public init(_ dependencies: Dependencies, throttle: LoginThrottle = LoginThrottle()) {
        self.dependencies = dependencies
        self.throttle = throttle
    }

    public struct Login: Sendable {
        public let email: String
        public let password: String
        /// Needed only when one email has accounts in several organizations.
        public let organizationID: String?
        public let remoteAddress: String
        public let kind: AccessKind

        public init(email: String, password: String, organizationID: String? = nil, remoteAddress: String, kind: AccessKind) {
            self.email = email
            self.password = password
            self.organizationID = organizationID
            self.remoteAddress = remoteAddress
            self.kind = kind
        }
    }

    public struct Granted: Sendable {
        /// The secret the client presents from now on; shown once, stored only hashed.
        public let token: String
        public let expiresAt: Date
        public let user: User
    }

    private static let refusal = DomainError(.unauthenticated, "The email or password is incorrect.")

    public func logIn(_ login: Login) async throws -> Granted {
        let now = dependencies.currentInstant()
        let email = login.email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let store = dependencies.store
        let failures = try await store.read { db in
            try await db.failedLoginAttempts(email: email, remoteAddress: login.remoteAddress, since: throttle.windowStart(now: now))
        }
        try throttle.check(failuresByEmail: failures.byEmail, failuresByAddress: failures.byAddress, now: now)

        var candidates = try await store.read { db in try await db.loginCandidates(email: email) }
        if let organizationID = login.organizationID {
            candidates = candidates.filter { $0.user.organizationID == organizationID }
        }
        var matches: [User] = []
        for candidate in candidates where try await dependencies.passwords.verify(login.password, hash: candidate.passwordHash) {
            matches.append(candidate.user)
        }
        if candidates.isEmpty { try await dependencies.passwords.verifyDecoy(login.password) }

        let attemptID = dependencies.ids.next()
        guard let user = matches.first else {
            try await store.write { db in
                try await db.recordLoginAttempt(id: attemptID, email: email, remoteAddress: login.remoteAddress, succeeded: false, now: now)
            }
            throw Self.refusal
        }
        guard matches.count == 1 else {
            throw DomainError.invalid(
                "organizationId",
                "This email has accounts in several organizations; say which one with organizationId (one of \(matches.map(\.organizationID).joined(separator: ", ")))."
            )
        }
        let token = dependencies.secrets.token()
        return try await store.write { db in
            try await db.recordLoginAttempt(id: attemptID, email: email, remoteAddress: login.remoteAddress, succeeded: true, now: now)
            try await db.clearFailedLoginAttempts(email: email)
            return try await Self.grant(token: token, to: user, kind: login.kind, now: now, in: db)
        }
    }

    /// Stores `token` (hashed) as a login of `user`, inside the caller's transaction.
    static func grant(token: String, to user: User, kind: AccessKind, now: Date, in db: DB) async throws -> Granted {
        let expiresAt = now.addingTimeInterval(kind == .api ? apiTokenLifetime : webSessionLifetime)
        try await db.insertAccessToken(
            hash: SecretGenerator.hash(token), userID: user.id, organizationID: user.organizationID, kind: kind, now: now, expiresAt: expiresAt)
        return Granted(token: token, expiresAt: expiresAt, user: user)
    }

    /// The caller a token belongs to, or nil when it is unknown or expired.
    public func caller(token: String, kind: AccessKind) async throws -> Caller? {
        try await signedIn(token: token, kind: kind)?.caller
    }

    /// The caller a token belongs to and their organization as it is now, in one read.
    public func signedIn(token: String, kind: AccessKind) async throws -> (caller: Caller, organization: Organization)? {
        let now = dependencies.currentInstant()
        return try await dependencies.store.read { db in
            guard let holder = try await db.tokenHolder(hash: SecretGenerator.hash(token), now: now), holder.kind == kind else { return nil }
            return (Caller(user: holder.user), holder.organization)
        }
    }

    public func logOut(token: String) async throws {
        try await dependencies.store.write { db in try await db.deleteAccessToken(hash: SecretGenerator.hash(token)) }
    }
}
