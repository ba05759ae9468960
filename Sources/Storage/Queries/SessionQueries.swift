public import Foundation
import SQLKit
public import Scheduling

/// Which sessions a list holds.
public struct SessionFilter: Sendable {
    public var tutorID: String?
    public var studentID: String?
    /// Sessions of the students this guardian looks after.
    public var guardianID: String?
    public var statuses: [SessionStatus]?
    /// Sessions starting within this range.
    public var startsWithin: TimeRange?
    /// Only sessions a family asked the office to cancel.
    public var cancellationRequested: Bool
    /// Sessions with a student this client pays for.
    public var clientID: String?
    public var subjectID: String?
    public var report: SessionReportFilter?
    /// On an issued invoice (true) or on none (false).
    public var invoiced: Bool?
    /// On an issued invoice paid in full (true) or not (false).
    public var paid: Bool?
    /// Only sessions after this one, in list order.
    public var after: SessionCursor?
    public var limit: Int

    public init(
        tutorID: String? = nil, studentID: String? = nil, guardianID: String? = nil, statuses: [SessionStatus]? = nil,
        startsWithin: TimeRange? = nil, cancellationRequested: Bool = false, clientID: String? = nil, subjectID: String? = nil,
        report: SessionReportFilter? = nil, invoiced: Bool? = nil, paid: Bool? = nil, after: SessionCursor? = nil, limit: Int = 500
    ) {
        self.tutorID = tutorID
        self.studentID = studentID
        self.guardianID = guardianID
        self.statuses = statuses
        self.startsWithin = startsWithin
        self.cancellationRequested = cancellationRequested
        self.clientID = clientID
        self.subjectID = subjectID
        self.report = report
        self.invoiced = invoiced
        self.paid = paid
        self.after = after
        self.limit = limit
    }
}

extension DB {
    public func insertSession(_ session: Session, now: Date) async throws {
        try await sql.raw(
            """
            INSERT INTO sessions (
                id, organization_id, tutor_id, subject_id, engagement_id, starts_at, ends_at, status, location, session_type,
                class_name, room, cancellation_reason, created_at)
            VALUES (
                \(bind: session.id), \(bind: session.organizationID), \(bind: session.tutorID), \(bind: session.subjectID),
                \(bind: session.engagementID), \(bind: session.time.start.epochSeconds), \(bind: session.time.end.epochSeconds),
                \(bind: session.status.rawValue), \(bind: session.location), \(bind: session.sessionType), \(bind: session.className),
                \(bind: session.room), \(bind: session.cancellationReason), \(bind: now.epochSeconds))
            """
        ).run()
        try await insertSessionStudents(session.students, sessionID: session.id, organizationID: session.organizationID)
    }

    /// Each student's place in one statement.
    func insertSessionStudents(_ students: [SessionStudent], sessionID: String, organizationID: String) async throws {
        guard !students.isEmpty else { return }
        var query: SQLQueryString = """
            INSERT INTO session_students (
                session_id, student_id, organization_id, engagement_id, client_id, client_rate_per_hour, tutor_pay_rate_per_hour)
            VALUES
            """
        for (index, student) in students.enumerated() {
            query += """
                \(unsafeRaw: index == 0 ? "" : ",") (\(bind: sessionID), \(bind: student.studentID), \(bind: organizationID),
                \(bind: student.engagementID), \(bind: student.clientID), \(bind: student.clientRatePerHour), \(bind: student.tutorPayRatePerHour))
                """
        }
        try await sql.raw(query).run()
    }

    public func session(id: String, organizationID: String) async throws -> Session? {
        try await sessions(organizationID: organizationID, ids: [id], filter: .init()).first
    }

    /// Sets (or, with nil, clears) a family's request that the office cancel the session.
    public func setCancellationRequest(_ request: CancellationRequest?, sessionID: String, organizationID: String) async throws {
        try await sql.raw(
            """
            UPDATE sessions SET cancellation_requested_at = \(bind: request?.requestedAt.epochSeconds),
                cancellation_requested_by = \(bind: request?.parentID), cancellation_requested_by_name = \(bind: request?.parentName),
                cancellation_request_comment = \(bind: request?.comment)
            WHERE id = \(bind: sessionID) AND organization_id = \(bind: organizationID)
            """
        ).run()
    }

    /// In time order.
    public func sessions(organizationID: String, ids: [String]? = nil, filter: SessionFilter) async throws -> [Session] {
        var query: SQLQueryString = "SELECT * FROM sessions s WHERE s.organization_id = \(bind: organizationID)"
        if let ids {
            guard !ids.isEmpty else { return [] }
            query += " AND s.id IN (\(binds: ids))"
        }
        if let tutorID = filter.tutorID { query += " AND s.tutor_id = \(bind: tutorID)" }
        if let studentID = filter.studentID {
            query += " AND s.id IN (SELECT session_id FROM session_students WHERE student_id = \(bind: studentID))"
        }
        if let guardianID = filter.guardianID {
            query += """
                 AND s.id IN (SELECT ss.session_id FROM session_students ss
                 JOIN student_guardians g ON g.student_id = ss.student_id WHERE g.guardian_id = \(bind: guardianID))
                """
        }
        if let statuses = filter.statuses {
            guard !statuses.isEmpty else { return [] }
            query += " AND s.status IN (\(binds: statuses.map(\.rawValue)))"
        }
        if filter.cancellationRequested { query += " AND s.cancellation_requested_at IS NOT NULL" }
        if let range = filter.startsWithin {
            query += " AND s.starts_at >= \(bind: range.start.epochSeconds) AND s.starts_at < \(bind: range.end.epochSeconds)"
        }
        if let clientID = filter.clientID {
            query += " AND s.id IN (SELECT session_id FROM session_students WHERE client_id = \(bind: clientID))"
        }
        if let subjectID = filter.subjectID { query += " AND s.subject_id = \(bind: subjectID)" }
        switch filter.report {
        case .written: query += " AND s.report <> ''"
        case .notWritten: query += " AND s.report = ''"
        case .sent: query += " AND s.report_sent_at IS NOT NULL"
        case nil: break
        }
        let onIssued: SQLQueryString =
            "SELECT ss.session_id FROM session_students ss JOIN invoices i ON i.id = ss.invoice_id WHERE i.status = 'issued'"
        if let invoiced = filter.invoiced { query += " AND s.id \(unsafeRaw: invoiced ? "IN" : "NOT IN") (\(onIssued))" }
        if let paid = filter.paid { query += " AND s.id \(unsafeRaw: paid ? "IN" : "NOT IN") (\(onIssued) AND i.amount_paid >= i.total)" }
        if let after = filter.after {
            query += " AND (s.starts_at > \(bind: after.startsAt) OR (s.starts_at = \(bind: after.startsAt) AND s.id > \(bind: after.id)))"
        }
        query += " ORDER BY s.starts_at, s.id LIMIT \(literal: max(1, min(filter.limit, 5000)))"
        let rows = try await sql.raw(query).all().map(SessionRow.init(row:))
        guard !rows.isEmpty else { return [] }
        let places = try await sql.raw(
            """
            SELECT session_id, student_id, engagement_id, client_id, client_rate_per_hour, tutor_pay_rate_per_hour
            FROM session_students WHERE session_id IN (\(binds: rows.map(\.id))) ORDER BY student_id
            """
        ).all().map(SessionStudentRow.init(row:))
        let students = Dictionary(grouping: places, by: \.sessionId)
        return try rows.map { try $0.model(students: students[$0.id, default: []].map(\.model)) }
    }

    /// How many scheduled sessions starting from `since` a family asked the office to cancel (for
    /// the office's "waits for your answer").
    public func openCancellationRequestCount(organizationID: String, since: Date) async throws -> Int {
        try await sql.raw(
            """
            SELECT COUNT(*) AS count FROM sessions WHERE organization_id = \(bind: organizationID) AND status = 'scheduled'
              AND cancellation_requested_at IS NOT NULL AND starts_at >= \(bind: since.epochSeconds)
            """
        ).first()?.decode(column: "count", as: Int.self) ?? 0
    }

    /// How many sessions of the engagement are booked from `since` on.
    public func scheduledSessionCount(engagement: Engagement, since: Date) async throws -> Int {
        try await sql.raw(
            """
            SELECT COUNT(*) AS count FROM sessions WHERE organization_id = \(bind: engagement.organizationID)
              AND tutor_id = \(bind: engagement.tutorID) AND engagement_id = \(bind: engagement.id)
              AND status = 'scheduled' AND starts_at >= \(bind: since.epochSeconds)
            """
        ).first()?.decode(column: "count", as: Int.self) ?? 0
    }

    public func cancelSession(id: String, organizationID: String, reason: String, at now: Date) async throws {
        try await sql.raw(
            """
            UPDATE sessions SET status = \(bind: SessionStatus.cancelled.rawValue), cancellation_reason = \(bind: reason),
                cancelled_at = \(bind: now.epochSeconds), cancellation_requested_at = NULL
            WHERE id = \(bind: id) AND organization_id = \(bind: organizationID)
            """
        ).run()
    }

    /// Writes the rating, report (and when it was sent) and notes.
    public func saveSessionNotes(_ notes: SessionNotes, sessionID: String, organizationID: String) async throws {
        try await sql.raw(
            """
            UPDATE sessions SET rating = \(bind: notes.rating), report = \(bind: notes.report),
                report_sent_at = \(bind: notes.reportSentAt?.epochSeconds), internal_note = \(bind: notes.internalNote),
                private_notes = \(bind: notes.privateNotes)
            WHERE id = \(bind: sessionID) AND organization_id = \(bind: organizationID)
            """
        ).run()
    }

    /// Adds a paragraph to the private notes, in the statement itself, so that nothing written
    /// there in the meantime is lost.
    public func appendPrivateNote(_ text: String, sessionID: String, organizationID: String) async throws {
        try await sql.raw(
            """
            UPDATE sessions SET private_notes = CASE WHEN private_notes = '' THEN \(bind: text)
                ELSE private_notes || \(bind: "\n\n") || \(bind: text) END
            WHERE id = \(bind: sessionID) AND organization_id = \(bind: organizationID)
            """
        ).run()
    }

    /// Marks the session completed.
    public func completeSession(id: String, organizationID: String) async throws {
        try await sql.raw(
            """
            UPDATE sessions SET status = \(bind: SessionStatus.completed.rawValue)
            WHERE id = \(bind: id) AND organization_id = \(bind: organizationID)
            """
        ).run()
    }

    /// Marks the session a late cancellation, which settles any family's request to cancel it.
    public func markLateCancellation(id: String, organizationID: String, reason: String, at now: Date) async throws {
        try await sql.raw(
            """
            UPDATE sessions SET status = \(bind: SessionStatus.lateCancelled.rawValue), cancellation_reason = \(bind: reason),
                cancelled_at = \(bind: now.epochSeconds), cancellation_requested_at = NULL
            WHERE id = \(bind: id) AND organization_id = \(bind: organizationID)
            """
        ).run()
    }

    /// The times the tutor is taken by sessions (scheduled or held) overlapping `period`, except `excludingSession`.
    public func busyTimes(tutorID: String, organizationID: String, overlapping period: TimeRange, excludingSession: String? = nil) async throws
        -> [TimeRange]
    {
        let occupying = Self.occupyingSessions(
            tutorID: tutorID, organizationID: organizationID, overlapping: period, excludingSession: excludingSession)
        return try await sql.raw("SELECT starts_at, ends_at FROM sessions WHERE \(occupying) ORDER BY starts_at").all().compactMap {
            try TimeRow(row: $0).range
        }
    }

    /// The WHERE clause of the tutor's sessions that occupy them and overlap `period`, except `excludingSession`.
    static func occupyingSessions(tutorID: String, organizationID: String, overlapping period: TimeRange, excludingSession: String?)
        -> SQLQueryString
    {
        let occupying = SessionStatus.allCases.filter(\.occupiesTutor).map(\.rawValue)
        return """
            organization_id = \(bind: organizationID) AND tutor_id = \(bind: tutorID)
              AND starts_at < \(bind: period.end.epochSeconds) AND starts_at > \(bind: period.earliestOverlappingStart)
              AND ends_at > \(bind: period.start.epochSeconds) AND status IN (\(binds: occupying)) AND id <> \(bind: excludingSession ?? "")
            """
    }
}

/// Read column by column: a list or export reads thousands, and decoding through `Decodable` with
/// snake-case keys cost several times more.
private struct SessionRow {
    let id: String
    let organizationId: String
    let tutorId: String
    let subjectId: String
    let engagementId: String?
    let startsAt: Int64
    let endsAt: Int64
    let status: String
    let location: String
    let sessionType: String
    let className: String
    let room: String
    let cancellationReason: String?
    let cancellationRequestedAt: Int64?
    let cancellationRequestedBy: String?
    let cancellationRequestedByName: String?
    let cancellationRequestComment: String?
    let rating: Int?
    let report: String
    let reportSentAt: Int64?
    let internalNote: String
    let privateNotes: String

    init(row: any SQLRow) throws {
        func column<T: Decodable>(_ name: String, _ type: T.Type) throws -> T { try row.decode(column: name, as: type) }
        func optional<T: Decodable>(_ name: String, _ type: T.Type) throws -> T? {
            try row.decodeNil(column: name) ? nil : row.decode(column: name, as: type)
        }
        id = try column("id", String.self)
        organizationId = try column("organization_id", String.self)
        tutorId = try column("tutor_id", String.self)
        subjectId = try column("subject_id", String.self)
        engagementId = try optional("engagement_id", String.self)
        startsAt = try column("starts_at", Int64.self)
        endsAt = try column("ends_at", Int64.self)
        status = try column("status", String.self)
        location = try column("location", String.self)
        sessionType = try column("session_type", String.self)
        className = try column("class_name", String.self)
        room = try column("room", String.self)
        cancellationReason = try optional("cancellation_reason", String.self)
        cancellationRequestedAt = try optional("cancellation_requested_at", Int64.self)
        cancellationRequestedBy = try optional("cancellation_requested_by", String.self)
        cancellationRequestedByName = try optional("cancellation_requested_by_name", String.self)
        cancellationRequestComment = try optional("cancellation_request_comment", String.self)
        rating = try optional("rating", Int.self)
        report = try column("report", String.self)
        reportSentAt = try optional("report_sent_at", Int64.self)
        internalNote = try column("internal_note", String.self)
        privateNotes = try column("private_notes", String.self)
    }

    func model(students: [SessionStudent]) throws -> Session {
        guard let time = TimeRange(start: Date(epochSeconds: startsAt), end: Date(epochSeconds: endsAt)) else {
            throw CorruptRow("session \(id) time")
        }
        return Session(
            id: id, organizationID: organizationId, tutorID: tutorId, students: students, subjectID: subjectId, engagementID: engagementId,
            time: time, status: try decodeEnum(status), location: location, sessionType: sessionType, className: className, room: room,
            cancellationReason: cancellationReason,
            cancellationRequest: cancellationRequestedAt.map {
                CancellationRequest(
                    requestedAt: Date(epochSeconds: $0), parentID: cancellationRequestedBy ?? "", parentName: cancellationRequestedByName ?? "",
                    comment: cancellationRequestComment ?? "")
            },
            notes: SessionNotes(
                rating: rating, report: report, reportSentAt: reportSentAt.map(Date.init(epochSeconds:)), internalNote: internalNote,
                privateNotes: privateNotes))
    }
}

private struct SessionStudentRow {
    let sessionId: String
    let studentId: String
    let engagementId: String?
    let clientId: String?
    let clientRatePerHour: Int
    let tutorPayRatePerHour: Int

    init(row: any SQLRow) throws {
        sessionId = try row.decode(column: "session_id", as: String.self)
        studentId = try row.decode(column: "student_id", as: String.self)
        engagementId = try row.decodeNil(column: "engagement_id") ? nil : row.decode(column: "engagement_id", as: String.self)
        clientId = try row.decodeNil(column: "client_id") ? nil : row.decode(column: "client_id", as: String.self)
        clientRatePerHour = try row.decode(column: "client_rate_per_hour", as: Int.self)
        tutorPayRatePerHour = try row.decode(column: "tutor_pay_rate_per_hour", as: Int.self)
    }

    var model: SessionStudent {
        SessionStudent(
            studentID: studentId, engagementID: engagementId, clientID: clientId, clientRatePerHour: clientRatePerHour,
            tutorPayRatePerHour: tutorPayRatePerHour)
    }
}

extension TimeRange {
    /// No session or held time that overlaps this one starts at or before this instant (none lasts
    /// longer than `SessionLength.longestMinutes`): the lower end of the index range searched, which
    /// would otherwise run through every earlier session of the tutor.
    var earliestOverlappingStart: Int64 { start.epochSeconds - Int64(SessionLength.longestMinutes * 60) }
}

extension DB {
    /// Writes a corrected time, location and type.
    public func updateSessionDetails(_ session: Session) async throws {
        try await sql.raw(
            """
            UPDATE sessions SET starts_at = \(bind: session.time.start.epochSeconds), ends_at = \(bind: session.time.end.epochSeconds),
                location = \(bind: session.location), session_type = \(bind: session.sessionType)
            WHERE id = \(bind: session.id) AND organization_id = \(bind: session.organizationID)
            """
        ).run()
    }

    /// Whether a request made this session or asks to move it.
    public func sessionHasRequests(_ sessionID: String, organizationID: String) async throws -> Bool {
        try await sql.raw(
            """
            SELECT id FROM session_requests WHERE organization_id = \(bind: organizationID)
              AND (session_id = \(bind: sessionID) OR replaces_session_id = \(bind: sessionID)) LIMIT 1
            """
        ).first() != nil
    }

    /// Deletes a session and its students' places (its reminder finds it gone and does nothing).
    public func deleteSession(id: String, organizationID: String) async throws {
        try await sql.raw("DELETE FROM session_students WHERE session_id = \(bind: id) AND organization_id = \(bind: organizationID)").run()
        try await sql.raw("DELETE FROM sessions WHERE id = \(bind: id) AND organization_id = \(bind: organizationID)").run()
    }
}
