public import Foundation
import SQLKit
public import Scheduling

extension DB {
    public func insertSession(_ session: Session, now: Date) async throws {
        try await sql.raw(
            """
            INSERT INTO sessions (
                id, organization_id, tutor_id, subject_id, engagement_id, starts_at, ends_at, status, location, session_type, created_at)
            VALUES (
                \(bind: session.id), \(bind: session.organizationID), \(bind: session.tutorID), \(bind: session.subjectID),
                \(bind: session.engagementID), \(bind: session.time.start.epochSeconds), \(bind: session.time.end.epochSeconds),
                \(bind: session.status.rawValue), \(bind: session.location), \(bind: session.sessionType), \(bind: now.epochSeconds))
            """
        ).run()
        for studentID in session.studentIDs {
            try await sql.raw(
                """
                INSERT INTO session_students (session_id, student_id, organization_id)
                VALUES (\(bind: session.id), \(bind: studentID), \(bind: session.organizationID))
                """
            ).run()
        }
    }

    /// The times the tutor is taken by sessions (scheduled or held) overlapping `period`.
    public func busyTimes(tutorID: String, organizationID: String, overlapping period: TimeRange) async throws -> [TimeRange] {
        let occupying = SessionStatus.allCases.filter(\.occupiesTutor).map(\.rawValue)
        return try await sql.raw(
            """
            SELECT starts_at, ends_at FROM sessions
            WHERE tutor_id = \(bind: tutorID) AND organization_id = \(bind: organizationID)
              AND starts_at < \(bind: period.end.epochSeconds) AND ends_at > \(bind: period.start.epochSeconds)
              AND status IN (\(binds: occupying))
            ORDER BY starts_at
            """
        ).all(decoding: BusyRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap {
            TimeRange(start: Date(epochSeconds: $0.startsAt), end: Date(epochSeconds: $0.endsAt))
        }
    }
}

private struct BusyRow: Decodable {
    let startsAt: Int64
    let endsAt: Int64
}
