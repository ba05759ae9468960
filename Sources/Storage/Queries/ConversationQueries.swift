public import Foundation
import SQLKit
public import Scheduling

extension DB {
    /// Appends to the request's conversation; the entry's sequence is the next one for the request.
    public func appendConversation(
        id: String, requestID: String, organizationID: String, author: Mover, authorName: String, event: LifecycleEvent, body: String,
        time: TimeRange?, now: Date
    ) async throws {
        let caller = author.caller
        try await sql.raw(
            """
            INSERT INTO request_messages (
                id, request_id, organization_id, author_id, author_name, author_role, event, body, time_start, time_end, created_at, sequence)
            SELECT \(bind: id), \(bind: requestID), \(bind: organizationID), \(bind: caller?.userID), \(bind: authorName),
                   \(bind: caller?.role.rawValue ?? "system"), \(bind: event.rawValue), \(bind: body), \(bind: time?.start.epochSeconds),
                   \(bind: time?.end.epochSeconds), \(bind: now.epochSeconds), COALESCE(MAX(sequence), 0) + 1
            FROM request_messages WHERE request_id = \(bind: requestID)
            """
        ).run()
    }

    /// Oldest first.
    public func conversation(requestID: String, organizationID: String) async throws -> [ConversationEntry] {
        try await sql.raw(
            """
            SELECT * FROM request_messages WHERE request_id = \(bind: requestID) AND organization_id = \(bind: organizationID)
            ORDER BY sequence
            """
        ).all(decoding: ConversationRow.self, keyDecodingStrategy: .snakeCaseColumns).map { row in
            var time: TimeRange?
            if let start = row.timeStart, let end = row.timeEnd { time = TimeRange(start: Date(epochSeconds: start), end: Date(epochSeconds: end)) }
            return ConversationEntry(
                id: row.id, requestID: row.requestId, authorID: row.authorId, authorName: row.authorName, authorRole: row.authorRole,
                event: try decodeEnum(row.event), body: row.body, time: time, createdAt: Date(epochSeconds: row.createdAt), sequence: row.sequence)
        }
    }

    public func insertAuditEvent(_ event: AuditEvent) async throws {
        try await sql.raw(
            """
            INSERT INTO audit_events (id, organization_id, actor_id, actor_name, actor_role, action, subject_type, subject_id, summary, created_at)
            VALUES (\(bind: event.id), \(bind: event.organizationID), \(bind: event.actorID), \(bind: event.actorName), \(bind: event.actorRole),
                    \(bind: event.action.rawValue), \(bind: event.subjectType), \(bind: event.subjectID), \(bind: event.summary),
                    \(bind: event.createdAt.epochSeconds))
            """
        ).run()
    }

    /// Newest first; `subjectID` narrows to one request or session, `before` pages back.
    /// Newest first, from just before `before` (a page's last event).
    public func auditEvents(organizationID: String, subjectID: String? = nil, before: AuditCursor? = nil, limit: Int = 100) async throws
        -> [AuditEvent]
    {
        var query: SQLQueryString = "SELECT * FROM audit_events WHERE organization_id = \(bind: organizationID)"
        if let subjectID { query += " AND subject_id = \(bind: subjectID)" }
        if let before {
            let seconds = before.createdAt.epochSeconds
            query += " AND (created_at < \(bind: seconds) OR (created_at = \(bind: seconds) AND sequence < \(bind: before.sequence)))"
        }
        query += " ORDER BY created_at DESC, sequence DESC LIMIT \(literal: max(1, min(limit, 1000)))"
        return try await sql.raw(query).all(decoding: AuditRow.self, keyDecodingStrategy: .snakeCaseColumns).map { row in
            AuditEvent(
                id: row.id, organizationID: row.organizationId, actorID: row.actorId, actorName: row.actorName, actorRole: row.actorRole,
                action: try decodeEnum(row.action), subjectType: row.subjectType, subjectID: row.subjectId, summary: row.summary,
                createdAt: Date(epochSeconds: row.createdAt), sequence: row.sequence)
        }
    }
}

private struct ConversationRow: Decodable {
    let id: String
    let requestId: String
    let authorId: String?
    let authorName: String
    let authorRole: String
    let event: String
    let body: String
    let timeStart: Int64?
    let timeEnd: Int64?
    let createdAt: Int64
    let sequence: Int
}

private struct AuditRow: Decodable {
    let id: String
    let organizationId: String
    let actorId: String?
    let actorName: String
    let actorRole: String
    let action: String
    let subjectType: String
    let subjectId: String
    let summary: String
    let createdAt: Int64
    let sequence: Int64
}
