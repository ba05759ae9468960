public import Foundation
import SQLKit
public import Scheduling

/// Which requests a list holds. Every field narrows; none widens past the organization.
public struct RequestFilter: Sendable {
    public var states: [RequestState]?
    public var tutorID: String?
    public var studentID: String?
    /// Requests about the students this guardian looks after.
    public var guardianID: String?
    /// Only requests whose current time (held, or as last asked) starts within this range.
    public var startsWithin: TimeRange?
    public var limit: Int

    public init(
        states: [RequestState]? = nil, tutorID: String? = nil, studentID: String? = nil, guardianID: String? = nil,
        startsWithin: TimeRange? = nil, limit: Int = 200
    ) {
        self.states = states
        self.tutorID = tutorID
        self.studentID = studentID
        self.guardianID = guardianID
        self.startsWithin = startsWithin
        self.limit = limit
    }
}

extension DB {
    public func insertRequest(_ request: SessionRequest) async throws {
        let held = request.heldTime
        try await sql.raw(
            """
            INSERT INTO session_requests (
                id, organization_id, engagement_id, tutor_id, student_id, subject_id, parent_id, replaces_session_id, state,
                requested_start, requested_end, proposed_start, proposed_end, held_start, held_end, parent_replied, respond_by,
                created_at, updated_at, closed_by_name, closed_at, decline_reason, session_id)
            VALUES (
                \(bind: request.id), \(bind: request.organizationID), \(bind: request.engagementID), \(bind: request.tutorID),
                \(bind: request.studentID), \(bind: request.subjectID), \(bind: request.parentID), \(bind: request.replacesSessionID),
                \(bind: request.state.rawValue), \(bind: request.requestedTime.start.epochSeconds), \(bind: request.requestedTime.end.epochSeconds),
                \(bind: request.proposedTime?.start.epochSeconds), \(bind: request.proposedTime?.end.epochSeconds),
                \(bind: held?.start.epochSeconds), \(bind: held?.end.epochSeconds), \(bind: request.parentReplied),
                \(bind: request.respondBy.epochSeconds), \(bind: request.createdAt.epochSeconds), \(bind: request.updatedAt.epochSeconds),
                \(bind: request.closedByName), \(bind: request.closedAt?.epochSeconds), \(bind: request.declineReason), \(bind: request.sessionID))
            """
        ).run()
    }

    /// Writes every field a move can change; the time held follows the state.
    public func updateRequest(_ request: SessionRequest) async throws {
        let held = request.heldTime
        try await sql.raw(
            """
            UPDATE session_requests SET
                state = \(bind: request.state.rawValue),
                requested_start = \(bind: request.requestedTime.start.epochSeconds), requested_end = \(bind: request.requestedTime.end.epochSeconds),
                proposed_start = \(bind: request.proposedTime?.start.epochSeconds), proposed_end = \(bind: request.proposedTime?.end.epochSeconds),
                held_start = \(bind: held?.start.epochSeconds), held_end = \(bind: held?.end.epochSeconds),
                parent_replied = \(bind: request.parentReplied), respond_by = \(bind: request.respondBy.epochSeconds),
                updated_at = \(bind: request.updatedAt.epochSeconds), closed_by_name = \(bind: request.closedByName),
                closed_at = \(bind: request.closedAt?.epochSeconds), decline_reason = \(bind: request.declineReason),
                session_id = \(bind: request.sessionID)
            WHERE id = \(bind: request.id) AND organization_id = \(bind: request.organizationID)
            """
        ).run()
    }

    /// The request; with `lock` it stays locked (PostgreSQL) until the transaction ends.
    public func request(id: String, organizationID: String, lock: Bool = false) async throws -> SessionRequest? {
        try await sql.raw(
            "SELECT * FROM session_requests WHERE id = \(bind: id) AND organization_id = \(bind: organizationID)\(unsafeRaw: lockClause(lock))"
        ).first().map { try RequestRow(row: $0).model() }
    }

    /// Most recent first.
    public func requests(organizationID: String, filter: RequestFilter) async throws -> [SessionRequest] {
        guard let conditions = Self.conditions(organizationID: organizationID, filter) else { return [] }
        let query: SQLQueryString =
            "SELECT * FROM session_requests WHERE \(conditions) ORDER BY created_at DESC, id LIMIT \(literal: max(1, min(filter.limit, 1000)))"
        return try await sql.raw(query).all().map { try RequestRow(row: $0).model() }
    }

    /// How many requests `filter` finds, without reading them (for "3 requests wait for your answer").
    public func countRequests(organizationID: String, filter: RequestFilter) async throws -> Int {
        guard let conditions = Self.conditions(organizationID: organizationID, filter) else { return 0 }
        return try await sql.raw("SELECT COUNT(*) AS count FROM session_requests WHERE \(conditions)").first()?.decode(column: "count", as: Int.self)
            ?? 0
    }

    /// The latest words (a note, a reply) of people in `roles` on each request `filter` finds, by
    /// request id, for lists that show what the other side wrote.
    public func latestNotes(organizationID: String, filter: RequestFilter, by roles: [Role]) async throws -> [String: String] {
        guard let conditions = Self.conditions(organizationID: organizationID, filter) else { return [:] }
        let rows = try await sql.raw(
            """
            SELECT m.request_id, m.body FROM request_messages m
            WHERE m.request_id IN (SELECT id FROM session_requests WHERE \(conditions))
              AND m.sequence = (
                SELECT MAX(latest.sequence) FROM request_messages latest
                WHERE latest.request_id = m.request_id AND latest.author_role IN (\(binds: roles.map(\.rawValue))) AND latest.body <> '')
            """
        ).all()
        return try Dictionary(
            rows.map { (try $0.decode(column: "request_id", as: String.self), try $0.decode(column: "body", as: String.self)) },
            uniquingKeysWith: { first, _ in first })
    }

    /// The WHERE clause of `filter`; nil when it cannot match anything.
    private static func conditions(organizationID: String, _ filter: RequestFilter) -> SQLQueryString? {
        var query: SQLQueryString = "organization_id = \(bind: organizationID)"
        if let states = filter.states {
            guard !states.isEmpty else { return nil }
            query += " AND state IN (\(binds: states.map(\.rawValue)))"
        }
        if let tutorID = filter.tutorID { query += " AND tutor_id = \(bind: tutorID)" }
        if let studentID = filter.studentID { query += " AND student_id = \(bind: studentID)" }
        if let guardianID = filter.guardianID {
            query += " AND student_id IN (SELECT student_id FROM student_guardians WHERE guardian_id = \(bind: guardianID))"
        }
        if let range = filter.startsWithin {
            query +=
                " AND COALESCE(held_start, requested_start) >= \(bind: range.start.epochSeconds) AND COALESCE(held_start, requested_start) < \(bind: range.end.epochSeconds)"
        }
        return query
    }

    /// How many requests of the engagement wait for an answer (read through the tutor's open
    /// requests, which are few).
    public func openRequestCount(engagement: Engagement) async throws -> Int {
        try await sql.raw(
            """
            SELECT COUNT(*) AS open FROM session_requests
            WHERE organization_id = \(bind: engagement.organizationID) AND tutor_id = \(bind: engagement.tutorID)
                AND held_start IS NOT NULL AND engagement_id = \(bind: engagement.id)
            """
        ).first(decodingColumn: "open", as: Int.self) ?? 0
    }

    /// The open request that would reschedule `sessionID`, if one is waiting.
    public func openRequest(replacing sessionID: String, organizationID: String) async throws -> SessionRequest? {
        try await sql.raw(
            """
            SELECT * FROM session_requests
            WHERE organization_id = \(bind: organizationID) AND replaces_session_id = \(bind: sessionID) AND held_start IS NOT NULL
            """
        ).first().map { try RequestRow(row: $0).model() }
    }

    /// Open requests past their deadline, oldest first. On PostgreSQL the rows are locked and rows
    /// another instance has locked are skipped, so several instances never expire the same one.
    public func claimOverdueRequests(now: Date, limit: Int) async throws -> [SessionRequest] {
        let claim = dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await sql.raw(
            """
            SELECT * FROM session_requests
            WHERE held_start IS NOT NULL AND respond_by <= \(bind: now.epochSeconds)
            ORDER BY respond_by, id LIMIT \(literal: limit)\(unsafeRaw: claim)
            """
        ).all().map { try RequestRow(row: $0).model() }
    }

    func lockClause(_ lock: Bool) -> String { lock && dialect == .postgres ? " FOR UPDATE" : "" }
}

/// Read column by column rather than through `Decodable`: request lists are long (the office's
/// needs-action page reads every open request) and the decoder was most of their cost.
private struct RequestRow {
    let id: String
    let organizationId: String
    let engagementId: String
    let tutorId: String
    let studentId: String
    let subjectId: String
    let parentId: String
    let replacesSessionId: String?
    let state: String
    let requestedStart: Int64
    let requestedEnd: Int64
    let proposedStart: Int64?
    let proposedEnd: Int64?
    let parentReplied: Bool
    let respondBy: Int64
    let createdAt: Int64
    let updatedAt: Int64
    let closedByName: String?
    let closedAt: Int64?
    let declineReason: String?
    let sessionId: String?

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        organizationId = try row.decode(column: "organization_id", as: String.self)
        engagementId = try row.decode(column: "engagement_id", as: String.self)
        tutorId = try row.decode(column: "tutor_id", as: String.self)
        studentId = try row.decode(column: "student_id", as: String.self)
        subjectId = try row.decode(column: "subject_id", as: String.self)
        parentId = try row.decode(column: "parent_id", as: String.self)
        replacesSessionId = try row.decodeNil(column: "replaces_session_id") ? nil : row.decode(column: "replaces_session_id", as: String.self)
        state = try row.decode(column: "state", as: String.self)
        requestedStart = try row.decode(column: "requested_start", as: Int64.self)
        requestedEnd = try row.decode(column: "requested_end", as: Int64.self)
        proposedStart = try row.decodeNil(column: "proposed_start") ? nil : row.decode(column: "proposed_start", as: Int64.self)
        proposedEnd = try row.decodeNil(column: "proposed_end") ? nil : row.decode(column: "proposed_end", as: Int64.self)
        parentReplied = try row.decode(column: "parent_replied", as: Bool.self)
        respondBy = try row.decode(column: "respond_by", as: Int64.self)
        createdAt = try row.decode(column: "created_at", as: Int64.self)
        updatedAt = try row.decode(column: "updated_at", as: Int64.self)
        closedByName = try row.decodeNil(column: "closed_by_name") ? nil : row.decode(column: "closed_by_name", as: String.self)
        closedAt = try row.decodeNil(column: "closed_at") ? nil : row.decode(column: "closed_at", as: Int64.self)
        declineReason = try row.decodeNil(column: "decline_reason") ? nil : row.decode(column: "decline_reason", as: String.self)
        sessionId = try row.decodeNil(column: "session_id") ? nil : row.decode(column: "session_id", as: String.self)
    }

    func model() throws -> SessionRequest {
        guard let requested = TimeRange(start: Date(epochSeconds: requestedStart), end: Date(epochSeconds: requestedEnd)) else {
            throw CorruptRow("request \(id) time")
        }
        var proposed: TimeRange?
        if let proposedStart, let proposedEnd { proposed = TimeRange(start: Date(epochSeconds: proposedStart), end: Date(epochSeconds: proposedEnd)) }
        return SessionRequest(
            id: id, organizationID: organizationId, engagementID: engagementId, tutorID: tutorId, studentID: studentId, subjectID: subjectId,
            parentID: parentId, replacesSessionID: replacesSessionId, createdAt: Date(epochSeconds: createdAt), state: try decodeEnum(state),
            requestedTime: requested, proposedTime: proposed, parentReplied: parentReplied, respondBy: Date(epochSeconds: respondBy),
            updatedAt: Date(epochSeconds: updatedAt), closedByName: closedByName, closedAt: closedAt.map(Date.init(epochSeconds:)),
            declineReason: declineReason, sessionID: sessionId)
    }
}
