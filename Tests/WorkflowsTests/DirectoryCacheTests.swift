import Foundation
import SQLKit
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

@Suite struct DirectoryCacheTests {
    /// Moves reuse the people and wording they read while the organization's directory stamp holds;
    /// a change to either, made any way at all (here plain SQL, as another process might), shows in
    /// the very next move's messages.
    @Test(arguments: TestDatabase.available)
    func aMoveAfterADirectoryChangeSeesTheChange(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let engagement = org.engagements[0]
            let requesting = SessionRequesting(dependencies)
            let first = try await requesting.request(
                .init(engagementID: engagement.id, start: at("2026-03-26T10:00:00Z")), by: org.caller(org.parents[0]))
            _ = try await RequestMoves(dependencies).accept(
                first.id, details: SessionDetails(location: "Room 1", sessionType: "Online"), by: org.caller(org.admin))

            try await dependencies.store.write { db in
                try await db.sql.raw("UPDATE users SET name = 'Renamed Tutor' WHERE id = \(bind: engagement.tutorID)").run()
            }
            _ = try await MessageTemplates(dependencies).save(
                MessageTemplate(subject: "Booked: {{what}}", body: "{{what}} at {{when}}.", text: "{{what}} at {{when}}"),
                for: .event(.accepted), by: org.caller(org.admin))
            let second = try await requesting.request(
                .init(engagementID: engagement.id, start: at("2026-03-26T12:00:00Z")), by: org.caller(org.parents[0]))
            _ = try await RequestMoves(dependencies).accept(
                second.id, details: SessionDetails(location: "Room 1", sessionType: "Online"), by: org.caller(org.admin))

            let outbox = try await dependencies.store.read { db in try await db.outboxMessages(organizationID: org.organization.id) }
            let accepted = outbox.filter { $0.kind == LifecycleEvent.accepted.rawValue }
            #expect(accepted.count > 1)
            let latest = accepted.filter { $0.body.contains("12:00") }
            #expect(!latest.isEmpty)
            #expect(latest.allSatisfy { $0.subject.hasPrefix("Booked: ") && $0.subject.contains("Renamed Tutor") }, "\(latest.map(\.subject))")
            #expect(accepted.filter { $0.body.contains("10:00") }.allSatisfy { !$0.subject.contains("Renamed Tutor") })
        }
    }
}
