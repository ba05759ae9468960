public import Foundation
import SQLKit

/// An outbox message with how its delivery went: what a person sees of their notifications, and
/// what the office sees of the dead letters.
public struct NotificationRecord: Sendable, Hashable {
    public let message: OutboxMessage
    /// Nil only for a message written before jobs existed.
    public let state: Job.State?
    public let attempts: Int
    public let lastError: String?
    /// When delivery finished: sent, or given up.
    public let finishedAt: Date?

    /// The same record with the message's text replaced: for someone other than its recipient, as
    /// a message can hold a one-time link (a password reset, an answer link) meant for one person.
    public func withBody(_ body: String) -> NotificationRecord {
        let m = message
        return NotificationRecord(
            message: OutboxMessage(
                id: m.id, organizationID: m.organizationID, recipientID: m.recipientID, channel: m.channel, address: m.address, kind: m.kind,
                subject: m.subject, body: body, createdAt: m.createdAt, attachment: m.attachment),
            state: state, attempts: attempts, lastError: lastError, finishedAt: finishedAt)
    }
}

extension DB {
    /// Newest first: one person's (`recipientID`), or the organization's dead letters (`onlyDead`).
    public func notifications(organizationID: String, recipientID: String? = nil, onlyDead: Bool = false, limit: Int = 100) async throws
        -> [NotificationRecord]
    {
        var query: SQLQueryString = """
            SELECT m.*, j.state AS job_state, j.attempts AS job_attempts, j.last_error AS job_last_error, j.finished_at_ms AS job_finished_at_ms
            FROM outbox_messages m LEFT JOIN jobs j ON j.unique_key = 'deliver:' || m.id
            WHERE m.organization_id = \(bind: organizationID)
            """
        if let recipientID { query += " AND m.recipient_id = \(bind: recipientID)" }
        if onlyDead { query += " AND j.state = 'dead'" }
        query += " ORDER BY m.created_at DESC, m.id DESC LIMIT \(literal: limit)"
        return try await sql.raw(query).all().map { row in
            NotificationRecord(
                message: try OutboxRow(row: row).message,
                state: try row.decode(column: "job_state", as: String?.self).map { try decodeEnum($0) },
                attempts: try row.decode(column: "job_attempts", as: Int?.self) ?? 0,
                lastError: try row.decode(column: "job_last_error", as: String?.self),
                finishedAt: try row.decode(column: "job_finished_at_ms", as: Int64?.self).map(Date.init(epochMilliseconds:)))
        }
    }
}
