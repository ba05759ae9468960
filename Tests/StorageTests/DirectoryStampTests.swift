import Foundation
import SQLKit
import Scheduling
import Storage
import TestSupport
import Testing

@Suite struct DirectoryStampTests {
    /// Every insert, update and delete on a table whose rows a move reuses gives the organization a
    /// new stamp; other writes leave it alone, and other organizations' stamps never move.
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
