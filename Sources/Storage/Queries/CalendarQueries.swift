public import Foundation
import SQLKit

extension DB {
    /// The SEQUENCE of a later invitation to the calendar event `uid`: one more than the last. An
    /// event's first invitation, sent as it is created, is 0 and stores nothing, so an event without
    /// a row has sent 0 (or nothing yet, and a first number of 1 is as good).
    public func nextCalendarSequence(uid: String, organizationID: String) async throws -> Int {
        try await sql.raw(
            """
            INSERT INTO calendar_sequences (uid, organization_id, sequence) VALUES (\(bind: uid), \(bind: organizationID), 1)
            ON CONFLICT (uid) DO UPDATE SET sequence = calendar_sequences.sequence + 1
            RETURNING sequence
            """
        ).first()?.decode(column: "sequence", as: Int.self) ?? 1
    }

    /// The current SEQUENCE of each of `uids` that has one.
    public func calendarSequences(uids: [String]) async throws -> [String: Int] {
        guard !uids.isEmpty else { return [:] }
        let rows = try await sql.raw("SELECT uid, sequence FROM calendar_sequences WHERE uid IN (\(binds: uids))").all()
        return Dictionary(
            uniqueKeysWithValues: try rows.map { (try $0.decode(column: "uid", as: String.self), try $0.decode(column: "sequence", as: Int.self)) })
    }

    /// The request each of `sessionIDs` was made from, for those made from one.
    public func requestIDs(forSessions sessionIDs: [String], organizationID: String) async throws -> [String: String] {
        guard !sessionIDs.isEmpty else { return [:] }
        let rows = try await sql.raw(
            "SELECT id, session_id FROM session_requests WHERE organization_id = \(bind: organizationID) AND session_id IN (\(binds: sessionIDs))"
        ).all()
        return Dictionary(try rows.map { (try $0.decode(column: "session_id", as: String.self), try $0.decode(column: "id", as: String.self)) }) {
            $1
        }
    }

    /// When the person's feed address was made, if they have one.
    public func calendarFeedCreatedAt(userID: String) async throws -> Date? {
        try await sql.raw("SELECT created_at FROM calendar_feeds WHERE user_id = \(bind: userID)").first(decodingColumn: "created_at", as: Int64.self)
            .map { Date(epochSeconds: $0) }
    }

    /// Gives the person a new feed address, stored as its token's hash; the old one stops working.
    public func replaceCalendarFeed(userID: String, organizationID: String, tokenHash: String, now: Date) async throws {
        try await sql.raw(
            """
            INSERT INTO calendar_feeds (user_id, organization_id, token_hash, created_at)
            VALUES (\(bind: userID), \(bind: organizationID), \(bind: tokenHash), \(bind: now.epochSeconds))
            ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at
            """
        ).run()
    }

    /// Whose feed the token with this hash opens: (user, organization).
    public func calendarFeedOwner(tokenHash: String) async throws -> (userID: String, organizationID: String)? {
        guard let row = try await sql.raw("SELECT user_id, organization_id FROM calendar_feeds WHERE token_hash = \(bind: tokenHash)").first() else {
            return nil
        }
        return (try row.decode(column: "user_id", as: String.self), try row.decode(column: "organization_id", as: String.self))
    }
}
