public import Foundation
import SQLKit
public import Scheduling

/// Which engagements a list holds.
public struct EngagementFilter: Sendable {
    public var tutorID: String?
    public var studentID: String?
    /// Engagements of the students this guardian looks after.
    public var guardianID: String?
    public var activeOnly: Bool

    public init(tutorID: String? = nil, studentID: String? = nil, guardianID: String? = nil, activeOnly: Bool = false) {
        self.tutorID = tutorID
        self.studentID = studentID
        self.guardianID = guardianID
        self.activeOnly = activeOnly
    }
}

extension DB {
    public func insertEngagement(_ engagement: Engagement, now: Date) async throws {
        let terms = engagement.terms
        try await sql.raw(
            """
            INSERT INTO engagements (
                id, organization_id, tutor_id, student_id, subject_id, client_id, client_rate_per_hour,
                tutor_pay_rate_per_hour, default_duration_minutes, longest_request_minutes, location, session_type, is_active, created_at)
            VALUES (
                \(bind: engagement.id), \(bind: engagement.organizationID), \(bind: engagement.tutorID),
                \(bind: engagement.studentID), \(bind: engagement.subjectID), \(bind: engagement.clientID),
                \(bind: terms.clientRatePerHour), \(bind: terms.tutorPayRatePerHour), \(bind: terms.defaultDurationMinutes),
                \(bind: terms.longestRequestMinutes),
                \(bind: terms.location), \(bind: terms.sessionType), \(bind: engagement.isActive), \(bind: now.epochSeconds))
            """
        ).run()
    }

    /// Stores the engagement's payer, terms and whether it is active.
    public func updateEngagement(_ engagement: Engagement) async throws {
        let terms = engagement.terms
        try await sql.raw(
            """
            UPDATE engagements SET client_id = \(bind: engagement.clientID), client_rate_per_hour = \(bind: terms.clientRatePerHour),
                tutor_pay_rate_per_hour = \(bind: terms.tutorPayRatePerHour), default_duration_minutes = \(bind: terms.defaultDurationMinutes),
                longest_request_minutes = \(bind: terms.longestRequestMinutes), location = \(bind: terms.location),
                session_type = \(bind: terms.sessionType), is_active = \(bind: engagement.isActive)
            WHERE id = \(bind: engagement.id) AND organization_id = \(bind: engagement.organizationID)
            """
        ).run()
    }

    public func engagements(organizationID: String, filter: EngagementFilter = .init()) async throws -> [Engagement] {
        var query: SQLQueryString = "SELECT * FROM engagements WHERE organization_id = \(bind: organizationID)"
        if let tutorID = filter.tutorID { query += " AND tutor_id = \(bind: tutorID)" }
        if let studentID = filter.studentID { query += " AND student_id = \(bind: studentID)" }
        if let guardianID = filter.guardianID {
            query += " AND student_id IN (SELECT student_id FROM student_guardians WHERE guardian_id = \(bind: guardianID))"
        }
        if filter.activeOnly { query += " AND is_active = \(bind: true)" }
        query += " ORDER BY created_at, id"
        return try await sql.raw(query).all().map { try EngagementRow(row: $0).model }
    }

    public func engagement(id: String, organizationID: String) async throws -> Engagement? {
        try await sql.raw("SELECT * FROM engagements WHERE id = \(bind: id) AND organization_id = \(bind: organizationID)")
            .first().map { try EngagementRow(row: $0).model }
    }
}

/// Column by column rather than through `Decodable`: every request reads its engagement inside
/// the write transaction.
private struct EngagementRow {
    let id: String
    let organizationId: String
    let tutorId: String
    let studentId: String
    let subjectId: String
    let clientId: String
    let clientRatePerHour: Int
    let tutorPayRatePerHour: Int
    let defaultDurationMinutes: Int
    let longestRequestMinutes: Int?
    let location: String
    let sessionType: String
    let isActive: Bool

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        organizationId = try row.decode(column: "organization_id", as: String.self)
        tutorId = try row.decode(column: "tutor_id", as: String.self)
        studentId = try row.decode(column: "student_id", as: String.self)
        subjectId = try row.decode(column: "subject_id", as: String.self)
        clientId = try row.decode(column: "client_id", as: String.self)
        clientRatePerHour = try row.decode(column: "client_rate_per_hour", as: Int.self)
        tutorPayRatePerHour = try row.decode(column: "tutor_pay_rate_per_hour", as: Int.self)
        defaultDurationMinutes = try row.decode(column: "default_duration_minutes", as: Int.self)
        longestRequestMinutes = try row.decode(column: "longest_request_minutes", as: Int?.self)
        location = try row.decode(column: "location", as: String.self)
        sessionType = try row.decode(column: "session_type", as: String.self)
        isActive = try row.decode(column: "is_active", as: Bool.self)
    }

    var model: Engagement {
        Engagement(
            id: id, organizationID: organizationId, tutorID: tutorId, studentID: studentId, subjectID: subjectId, clientID: clientId,
            terms: EngagementTerms(
                clientRatePerHour: clientRatePerHour, tutorPayRatePerHour: tutorPayRatePerHour,
                defaultDurationMinutes: defaultDurationMinutes, location: location, sessionType: sessionType,
                longestRequestMinutes: longestRequestMinutes),
            isActive: isActive)
    }
}
