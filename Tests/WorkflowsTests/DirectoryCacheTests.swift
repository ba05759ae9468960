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
}
