import Foundation
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

/// A family cannot hold a tutor's week: requests last no longer than the engagement allows, and only
/// a few wait for an answer at once.
@Suite struct RequestLimitTests {
    @Test(arguments: TestDatabase.available)
    func aRequestLastsAtMostTheEngagementsLimit(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let parent = org.caller(org.parents[0])
            let requesting = SessionRequesting(dependencies)
            let engagement = org.engagements[0]
            await expectRefusal(.invalid, "five hours on a one-hour engagement") {
                try await requesting.request(.init(engagementID: engagement.id, start: at("2026-03-26T10:00:00Z"), durationMinutes: 300), by: parent)
            }
            // The office allows longer requests on this engagement: 90 minutes now pass, 300 still do not.
            try await dependencies.store.write { db in
                try await db.sql.raw("UPDATE engagements SET longest_request_minutes = 120 WHERE id = \(bind: engagement.id)").run()
            }
            let longer = try await requesting.request(
                .init(engagementID: engagement.id, start: at("2026-03-26T10:00:00Z"), durationMinutes: 90), by: parent)
            #expect(longer.requestedTime.duration == 90 * 60)
            await expectRefusal(.invalid) {
                try await requesting.request(.init(engagementID: engagement.id, start: at("2026-03-27T10:00:00Z"), durationMinutes: 180), by: parent)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func onlyAFewRequestsOfOneEngagementWaitAtOnce(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let parent = org.caller(org.parents[0])
            let requesting = SessionRequesting(dependencies)
            let engagement = org.engagements[0]
            var open: [SessionRequest] = []
            for hour in 10..<15 {
                open.append(try await requesting.request(.init(engagementID: engagement.id, start: at("2026-03-26T\(hour):00:00Z")), by: parent))
            }
            do {
                _ = try await requesting.request(.init(engagementID: engagement.id, start: at("2026-03-27T10:00:00Z")), by: parent)
                Issue.record("a sixth open request was accepted")
            } catch let error as DomainError {
                #expect(error.kind == .conflict && error.message.contains("5 requests") && error.message.contains("already waiting"), "\(error)")
            }
            // Answered or withdrawn requests no longer count.
            _ = try await RequestMoves(dependencies).withdraw(open[0].id, message: "", by: parent)
            _ = try await requesting.request(.init(engagementID: engagement.id, start: at("2026-03-27T10:00:00Z")), by: parent)
            // The limit is the organization's.
            var changes = OrganizationSettingsUpdate.Changes()
            changes.openRequestsPerEngagement = 6
            _ = try await OrganizationSettingsUpdate(dependencies).apply(changes, by: org.caller(org.admin))
            _ = try await requesting.request(.init(engagementID: engagement.id, start: at("2026-03-27T11:00:00Z")), by: parent)
        }
    }
}
