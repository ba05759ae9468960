import Foundation
import SQLKit
import Scheduling
import Storage
import TestSupport
import Testing

@Suite struct DirectoryStampTests {
    /// Every insert, update and delete on a table whose rows a move reuses (people, engagements,
    /// wording, tutors' availability) gives the organization a new stamp; other writes leave it alone, and other organizations' stamps never move.
    @Test(arguments: TestDatabase.available)
    func everyChangeToTheDirectoryGivesANewStampAndNothingElseDoes(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            let other = try await TestOrganization.seed(in: store, now: testEpoch)
            let id = org.organization.id
            let engagement = org.engagements[0]
            @Sendable func stamps() async throws -> (Int64, Int64) {
                try await store.read { db in
                    (
                        try #require(try await db.stampedOrganization(id: id)).directoryStamp,
                        try #require(try await db.stampedOrganization(id: other.organization.id)).directoryStamp
                    )
                }
            }
            let changes: [(String, Bool)] = [
                ("UPDATE users SET name = 'Someone Else' WHERE id = '\(org.tutors[0].id)'", true),
                ("UPDATE students SET notes = 'Likes geometry' WHERE id = '\(engagement.studentID)'", true),
                ("DELETE FROM student_guardians WHERE student_id = '\(engagement.studentID)'", true),
                (
                    "INSERT INTO student_guardians (student_id, guardian_id, organization_id) VALUES ('\(engagement.studentID)', '\(org.parents[0].id)', '\(id)')",
                    true
                ),
                ("UPDATE subjects SET name = 'Further Maths' WHERE id = '\(engagement.subjectID)'", true),
                ("UPDATE engagements SET location = 'Library' WHERE id = '\(engagement.id)'", true),
                ("INSERT INTO message_templates (organization_id, kind, subject, body, updated_at) VALUES ('\(id)', 'accepted', 's', 'b', 0)", true),
                ("DELETE FROM message_templates WHERE organization_id = '\(id)'", true),
                ("UPDATE weekly_hours SET end_minute = 1000 WHERE tutor_id = '\(org.tutors[0].id)'", true),
                ("DELETE FROM weekly_hours WHERE tutor_id = '\(org.tutors[0].id)'", true),
                (
                    "INSERT INTO weekly_hours (tutor_id, organization_id, weekday, start_minute, end_minute) VALUES ('\(org.tutors[0].id)', '\(id)', 1, 540, 600)",
                    true
                ),
                ("INSERT INTO date_overrides (tutor_id, organization_id, date) VALUES ('\(org.tutors[0].id)', '\(id)', '2026-04-01')", true),
                (
                    "INSERT INTO date_override_hours (tutor_id, date, start_minute, end_minute) VALUES ('\(org.tutors[0].id)', '2026-04-01', 600, 660)",
                    true
                ),
                ("DELETE FROM date_override_hours WHERE tutor_id = '\(org.tutors[0].id)'", true),
                ("DELETE FROM date_overrides WHERE tutor_id = '\(org.tutors[0].id)'", true),
                (
                    "INSERT INTO time_off (id, tutor_id, organization_id, starts_at, ends_at, reason) VALUES ('t1', '\(org.tutors[0].id)', '\(id)', 0, 3600, 'x')",
                    true
                ),
                ("DELETE FROM time_off WHERE id = 't1'", true),
                ("UPDATE organizations SET name = 'Northside Tutors' WHERE id = '\(id)'", false),
                (
                    "INSERT INTO audit_events (id, organization_id, actor_name, actor_role, action, subject_type, subject_id, summary, created_at) VALUES ('a1', '\(id)', 'x', 'system', 'requested', 'session_request', 'r', 's', 0)",
                    false
                ),
            ]
            var (before, otherBefore) = try await stamps()
            for (statement, changesDirectory) in changes {
                try await store.write { db in try await db.sql.raw(SQLQueryString(statement)).run() }
                let (after, otherAfter) = try await stamps()
                #expect((after != before) == changesDirectory, "\(statement)")
                #expect(otherAfter == otherBefore, "\(statement)")
                (before, otherBefore) = (after, otherAfter)
            }
        }
    }
}
