public import Foundation
import SQLKit
public import Scheduling

/// What a stored token opens: a web login session (cookie) or the API (bearer token).
public enum AccessKind: String, Sendable {
    case api
    case web
}

extension DB {
    public func insertAccessToken(hash: String, userID: String, organizationID: String, kind: AccessKind, now: Date, expiresAt: Date) async throws {
        try await sql.raw(
            """
            INSERT INTO access_tokens (token_hash, user_id, organization_id, kind, created_at, expires_at)
            VALUES (\(bind: hash), \(bind: userID), \(bind: organizationID), \(bind: kind.rawValue), \(bind: now.epochSeconds), \(bind: expiresAt.epochSeconds))
            """
        ).run()
    }

    /// The person a token belongs to, their organization and the token's kind, if it has not
    /// expired at `now`: one query, as every request asks it, and its organization is at hand for
    /// the answer's times.
    public func tokenHolder(hash: String, now: Date) async throws -> (user: User, organization: Organization, kind: AccessKind)? {
        guard
            let row = try await sql.raw(
                """
                SELECT \(unsafeRaw: UserRow.joinedColumns), \(unsafeRaw: OrganizationRow.joinedColumns), t.kind
                FROM access_tokens t JOIN users u ON u.id = t.user_id AND u.organization_id = t.organization_id
                JOIN organizations o ON o.id = t.organization_id
                WHERE t.token_hash = \(bind: hash) AND t.expires_at > \(bind: now.epochSeconds)
                """
            ).first()
        else { return nil }
        return (
            try UserRow(row: row).model(), try OrganizationRow(row: row, prefix: "organization_").model(),
            try decodeEnum(try row.decode(column: "kind", as: String.self))
        )
    }

    public func deleteAccessToken(hash: String) async throws {
        try await sql.raw("DELETE FROM access_tokens WHERE token_hash = \(bind: hash)").run()
    }

    public func deleteExpiredAccessTokens(now: Date) async throws {
        try await sql.raw("DELETE FROM access_tokens WHERE expires_at <= \(bind: now.epochSeconds)").run()
    }

    public func recordLoginAttempt(id: String, email: String, remoteAddress: String, succeeded: Bool, now: Date) async throws {
        try await sql.raw(
            """
            INSERT INTO login_attempts (id, email, remote_address, attempted_at, succeeded)
            VALUES (\(bind: id), \(bind: email), \(bind: remoteAddress), \(bind: now.epochSeconds), \(bind: succeeded))
            """
        ).run()
    }

    /// Failed attempts since `since` for this email, and from this address: the two throttles.
    public func failedLoginAttempts(email: String, remoteAddress: String, since: Date) async throws -> (byEmail: [Date], byAddress: [Date]) {
        let byEmail = try await sql.raw(
            """
            SELECT attempted_at FROM login_attempts
            WHERE email = \(bind: email) AND succeeded = \(bind: false) AND attempted_at >= \(bind: since.epochSeconds)
            ORDER BY attempted_at
            """
        ).all(decodingColumn: "attempted_at", as: Int64.self)
        let byAddress = try await sql.raw(
            """
            SELECT attempted_at FROM login_attempts
            WHERE remote_address = \(bind: remoteAddress) AND succeeded = \(bind: false) AND attempted_at >= \(bind: since.epochSeconds)
            ORDER BY attempted_at
            """
        ).all(decodingColumn: "attempted_at", as: Int64.self)
        return (byEmail.map(Date.init(epochSeconds:)), byAddress.map(Date.init(epochSeconds:)))
    }

    /// A successful login clears that email's failures, so a forgetful user is not locked out later.
    public func clearFailedLoginAttempts(email: String) async throws {
        try await sql.raw("DELETE FROM login_attempts WHERE email = \(bind: email) AND succeeded = \(bind: false)").run()
    }

    public func deleteLoginAttempts(before: Date) async throws {
        try await sql.raw("DELETE FROM login_attempts WHERE attempted_at < \(bind: before.epochSeconds)").run()
    }
}
