import Foundation
import Notifications
import SQLKit
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

@Suite struct DirectoryCacheTests {
    /// Moves reuse the people and wording they read while the organization's directory stamp holds;
    /// a change to either, made any way at all (here plain SQL, as another process might), shows in
    /// the very next move's messages. Each change is followed by its own move, so that neither
    /// renews the stamp for the other.
    @Test(arguments: TestDatabase.available)
    func aMoveAfterADirectoryChangeSeesTheChange(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let engagement = org.engagements[0]
            /// The confirmations one more request and acceptance sends.
            @Sendable func confirmations(at start: String) async throws -> [OutboxMessage] {
                @Sendable func sent() async throws -> [OutboxMessage] {
                    try await dependencies.store.read { db in try await db.outboxMessages(organizationID: org.organization.id) }
                }
                let before = Set(try await sent().map(\.id))
                let request = try await SessionRequesting(dependencies).request(
                    .init(engagementID: engagement.id, start: at(start)), by: org.caller(org.parents[0]))
                _ = try await RequestMoves(dependencies).accept(
                    request.id, details: SessionDetails(location: "Room 1", sessionType: "Online"), by: org.caller(org.admin))
                return try await sent().filter { !before.contains($0.id) && $0.kind == LifecycleEvent.accepted.rawValue }
            }
            let first = try await confirmations(at: "2026-03-26T10:00:00Z")
            #expect(!first.isEmpty && first.allSatisfy { !$0.subject.contains("Renamed Tutor") })

            try await dependencies.store.write { db in
                try await db.sql.raw("UPDATE users SET name = 'Renamed Tutor' WHERE id = \(bind: engagement.tutorID)").run()
            }
            let afterRename = try await confirmations(at: "2026-03-26T12:00:00Z")
            #expect(!afterRename.isEmpty && afterRename.allSatisfy { $0.subject.contains("Renamed Tutor") }, "\(afterRename.map(\.subject))")

            _ = try await MessageTemplates(dependencies).save(
                MessageTemplate(subject: "Booked: {{what}}", body: "{{what}} at {{when}}.", text: "{{what}} at {{when}}"),
                for: .event(.accepted), by: org.caller(org.admin))
            let afterWording = try await confirmations(at: "2026-03-26T14:00:00Z")
            #expect(!afterWording.isEmpty && afterWording.allSatisfy { $0.subject.hasPrefix("Booked: ") }, "\(afterWording.map(\.subject))")
        }
    }

    /// A request reuses the engagement and the family it read while the stamp holds; an engagement
    /// ended and a guardian removed with plain SQL refuse the very next request.
    @Test(arguments: TestDatabase.available)
    func aRequestAfterAnEngagementOrFamilyChangeIsJudgedByTheChange(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let (engagement, parent) = (org.engagements[0], org.caller(org.parents[0]))
            @Sendable func request(at start: String) async throws -> SessionRequest { try await firstFamilysRequest(at: start, org, dependencies) }
            _ = try await request(at: "2026-03-26T10:00:00Z")

            try await dependencies.store.write { db in
                try await db.sql.raw("DELETE FROM student_guardians WHERE guardian_id = \(bind: parent.userID)").run()
            }
            await #expect(throws: DomainError.notFound("Engagement")) { try await request(at: "2026-03-26T12:00:00Z") }

            try await dependencies.store.write { db in
                try await db.sql.raw(
                    "INSERT INTO student_guardians (student_id, guardian_id, organization_id) VALUES (\(bind: engagement.studentID), \(bind: parent.userID), \(bind: org.organization.id))"
                ).run()
            }
            _ = try await request(at: "2026-03-26T14:00:00Z")

            try await dependencies.store.write { db in
                try await db.sql.raw("UPDATE engagements SET is_active = \(bind: false) WHERE id = \(bind: engagement.id)").run()
            }
            await #expect(throws: DomainError.conflict("This engagement has ended; ask the office to renew it.")) {
                try await request(at: "2026-03-26T16:00:00Z")
            }
        }
    }

    /// A request reuses the tutor's availability while the stamp holds. Time off added with plain
    /// SQL refuses the very next request in it; a request dated before what was kept (from a later
    /// request) is checked against that earlier date's override.
    @Test(arguments: TestDatabase.available)
    func aRequestAfterAnAvailabilityChangeIsJudgedByTheChange(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let engagement = org.engagements[0]
            @Sendable func request(at start: String) async throws -> SessionRequest { try await firstFamilysRequest(at: start, org, dependencies) }
            _ = try await request(at: "2026-03-27T10:00:00Z")

            try await dependencies.store.write { db in
                try await db.sql.raw(
                    """
                    INSERT INTO time_off (id, tutor_id, organization_id, starts_at, ends_at, reason)
                    VALUES ('away', \(bind: engagement.tutorID), \(bind: org.organization.id), \(bind: at("2026-03-27T12:00:00Z").epochSeconds),
                            \(bind: at("2026-03-27T16:00:00Z").epochSeconds), 'Dentist')
                    """
                ).run()
            }
            await expectRefusal(.invalid, "in the time off") { try await request(at: "2026-03-27T13:00:00Z") }
            _ = try await request(at: "2026-03-27T16:00:00Z")

            try await dependencies.store.write { db in
                try await db.sql.raw(
                    "INSERT INTO date_overrides (tutor_id, organization_id, date) VALUES (\(bind: engagement.tutorID), \(bind: org.organization.id), '2026-03-26')"
                ).run()
            }
            // Kept from 6 April on; the day off before it must still be read.
            _ = try await request(at: "2026-04-07T09:00:00Z")
            await expectRefusal(.invalid, "on the day off") { try await request(at: "2026-03-26T10:00:00Z") }
        }
    }

    /// The first family asks for their first engagement's tutor at `start`.
    private func firstFamilysRequest(at start: String, _ org: TestOrganization, _ dependencies: Dependencies) async throws -> SessionRequest {
        try await SessionRequesting(dependencies).request(
            .init(engagementID: org.engagements[0].id, start: at(start)), by: org.caller(org.parents[0]))
    }
}
