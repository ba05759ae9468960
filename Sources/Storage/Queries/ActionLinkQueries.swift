public import Foundation
import SQLKit

/// An answer-by-email link as stored (its secret only as a hash).
public struct ActionLink: Sendable, Hashable {
    public enum Action: String, Sendable, CaseIterable {
        case accept
        case decline
        case acceptProposal = "accept_proposal"
        case declineProposal = "decline_proposal"
    }

    public let id: String
    public let organizationID: String
    public let userID: String
    public let requestID: String
    public let action: Action
    public let expiresAt: Date
    public let usedAt: Date?

    public init(id: String, organizationID: String, userID: String, requestID: String, action: Action, expiresAt: Date, usedAt: Date? = nil) {
        self.id = id
        self.organizationID = organizationID
        self.userID = userID
        self.requestID = requestID
        self.action = action
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }
}

extension DB {
    /// Stores `links` (each with the hash of its token) in one statement.
    public func insertActionLinks(_ links: [(link: ActionLink, tokenHash: String)], now: Date) async throws {
        guard !links.isEmpty else { return }
        var query: SQLQueryString =
            "INSERT INTO action_links (id, token_hash, organization_id, user_id, request_id, action, created_at, expires_at) VALUES "
        for (index, (link, tokenHash)) in links.enumerated() {
            query += index == 0 ? "" : ", "
            query += """
                (\(bind: link.id), \(bind: tokenHash), \(bind: link.organizationID), \(bind: link.userID), \(bind: link.requestID),
                 \(bind: link.action.rawValue), \(bind: now.epochSeconds), \(bind: link.expiresAt.epochSeconds))
                """
        }
        try await sql.raw(query).run()
    }

    public func actionLink(tokenHash: String) async throws -> ActionLink? {
        guard
            let row = try await sql.raw(
                "SELECT id, organization_id, user_id, request_id, action, expires_at, used_at FROM action_links WHERE token_hash = \(bind: tokenHash)"
            ).first()
        else { return nil }
        return ActionLink(
            id: try row.decode(column: "id", as: String.self), organizationID: try row.decode(column: "organization_id", as: String.self),
            userID: try row.decode(column: "user_id", as: String.self), requestID: try row.decode(column: "request_id", as: String.self),
            action: try decodeEnum(row.decode(column: "action", as: String.self)),
            expiresAt: Date(epochSeconds: try row.decode(column: "expires_at", as: Int64.self)),
            usedAt: try row.decode(column: "used_at", as: Int64?.self).map(Date.init(epochSeconds:)))
    }

    /// Marks the link used; false if it already was (a second click racing the first).
    public func markActionLinkUsed(id: String, now: Date) async throws -> Bool {
        !(try await sql.raw("UPDATE action_links SET used_at = \(bind: now.epochSeconds) WHERE id = \(bind: id) AND used_at IS NULL RETURNING id")
            .all().isEmpty)
    }
}
