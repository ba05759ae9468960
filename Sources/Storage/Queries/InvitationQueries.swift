public import Foundation
import SQLKit

/// An invitation to set a password, as stored: its secret exists only as a hash.
public struct StoredInvitation: Sendable, Hashable {
    public let id: String
    public let organizationID: String
    public let userID: String
    public let expiresAt: Date
    public let acceptedAt: Date?
}

extension DB {
    public func insertInvitation(
        id: String, tokenHash: String, organizationID: String, userID: String, invitedBy: String, now: Date, expiresAt: Date
    ) async throws {
        try await sql.raw(
            """
            INSERT INTO invitations (id, token_hash, organization_id, user_id, invited_by, created_at, expires_at)
            VALUES (\(bind: id), \(bind: tokenHash), \(bind: organizationID), \(bind: userID), \(bind: invitedBy),
                    \(bind: now.epochSeconds), \(bind: expiresAt.epochSeconds))
            """
        ).run()
    }

    public func invitation(tokenHash: String) async throws -> StoredInvitation? {
        try await sql.raw(
            "SELECT id, organization_id, user_id, expires_at, accepted_at FROM invitations WHERE token_hash = \(bind: tokenHash)"
        ).first(decoding: InvitationRow.self, keyDecodingStrategy: .snakeCaseColumns).map {
            StoredInvitation(
                id: $0.id, organizationID: $0.organizationId, userID: $0.userId, expiresAt: Date(epochSeconds: $0.expiresAt),
                acceptedAt: $0.acceptedAt.map(Date.init(epochSeconds:)))
        }
    }

    /// Marks the invitation used; false if it was already used (a second click racing the first).
    public func markInvitationAccepted(id: String, now: Date) async throws -> Bool {
        let rows = try await sql.raw(
            "UPDATE invitations SET accepted_at = \(bind: now.epochSeconds) WHERE id = \(bind: id) AND accepted_at IS NULL RETURNING id"
        ).all()
        return !rows.isEmpty
    }

    /// Ends the person's unused invitations (a new one replaces them, or the office withdraws
    /// them); true if one could still have been used.
    @discardableResult
    public func revokeOpenInvitations(userID: String, now: Date) async throws -> Bool {
        try await !sql.raw(
            """
            UPDATE invitations SET expires_at = \(bind: now.epochSeconds)
            WHERE user_id = \(bind: userID) AND accepted_at IS NULL AND expires_at > \(bind: now.epochSeconds) RETURNING id
            """
        ).all().isEmpty
    }

    /// When each person's usable invitation expires, for the people of the organization who have one.
    public func openInvitationExpiries(organizationID: String, now: Date) async throws -> [String: Date] {
        let rows = try await sql.raw(
            """
            SELECT user_id, MAX(expires_at) AS expires_at FROM invitations
            WHERE organization_id = \(bind: organizationID) AND accepted_at IS NULL AND expires_at > \(bind: now.epochSeconds)
            GROUP BY user_id
            """
        ).all()
        return try Dictionary(
            rows.map { (try $0.decode(column: "user_id", as: String.self), Date(epochSeconds: try $0.decode(column: "expires_at", as: Int64.self))) },
            uniquingKeysWith: max)
    }
}

private struct InvitationRow: Decodable {
    let id: String
    let organizationId: String
    let userId: String
    let expiresAt: Int64
    let acceptedAt: Int64?
}
