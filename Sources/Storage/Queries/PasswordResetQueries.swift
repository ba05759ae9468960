public import Foundation
import SQLKit

/// A password reset link as stored: its secret exists only as a hash.
public struct StoredPasswordReset: Sendable, Hashable {
    public let id: String
    public let organizationID: String
    public let userID: String
    public let expiresAt: Date
    public let usedAt: Date?
}

extension DB {
    /// Stores a new link for the person; their earlier unused links stop working.
    public func insertPasswordReset(id: String, tokenHash: String, organizationID: String, userID: String, now: Date, expiresAt: Date) async throws {
        try await sql.raw(
            "UPDATE password_resets SET expires_at = \(bind: now.epochSeconds) WHERE user_id = \(bind: userID) AND used_at IS NULL AND expires_at > \(bind: now.epochSeconds)"
        ).run()
        try await sql.raw(
            """
            INSERT INTO password_resets (id, token_hash, organization_id, user_id, created_at, expires_at)
            VALUES (\(bind: id), \(bind: tokenHash), \(bind: organizationID), \(bind: userID), \(bind: now.epochSeconds), \(bind: expiresAt.epochSeconds))
            """
        ).run()
    }

    /// How many links the person was sent since `since`, to bound how many one address can cause.
    public func passwordResetCount(userID: String, since: Date) async throws -> Int {
        try await sql.raw(
            "SELECT COUNT(*) AS count FROM password_resets WHERE user_id = \(bind: userID) AND created_at >= \(bind: since.epochSeconds)"
        ).first()?.decode(column: "count", as: Int.self) ?? 0
    }

    public func passwordReset(tokenHash: String) async throws -> StoredPasswordReset? {
        try await sql.raw(
            "SELECT id, organization_id, user_id, expires_at, used_at FROM password_resets WHERE token_hash = \(bind: tokenHash)"
        ).first(decoding: PasswordResetRow.self, keyDecodingStrategy: .snakeCaseColumns).map {
            StoredPasswordReset(
                id: $0.id, organizationID: $0.organizationId, userID: $0.userId, expiresAt: Date(epochSeconds: $0.expiresAt),
                usedAt: $0.usedAt.map(Date.init(epochSeconds:)))
        }
    }

    /// Marks the link used; false if it already was (a second click racing the first).
    public func markPasswordResetUsed(id: String, now: Date) async throws -> Bool {
        let rows = try await sql.raw(
            "UPDATE password_resets SET used_at = \(bind: now.epochSeconds) WHERE id = \(bind: id) AND used_at IS NULL RETURNING id"
        ).all()
        return !rows.isEmpty
    }

    /// Logs the person out everywhere: every web session and API token.
    public func deleteAccessTokens(userID: String) async throws {
        try await sql.raw("DELETE FROM access_tokens WHERE user_id = \(bind: userID)").run()
    }
}

private struct PasswordResetRow: Decodable {
    let id: String
    let organizationId: String
    let userId: String
    let expiresAt: Int64
    let usedAt: Int64?
}
