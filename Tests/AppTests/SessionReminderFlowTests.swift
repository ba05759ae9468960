import Foundation
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

@testable import App
@testable import Notifications

/// The 5am reminder: scheduled with the booking, sent once when due (also after downtime), never
/// for a cancelled or already started session.
@Suite struct SessionReminderFlowTests {
    func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test(arguments: TestDatabase.available)
    func remindersGoOutOnceOnTheMorningOfTheSession(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let clock = TestClock(testEpoch)
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            let dependencies = Dependencies(
                store: store, now: { clock.now }, passwords: PasswordHasher(cost: 4), publicBaseURL: "https://desk.test", logger: TestDatabase.logger)
            let office = org.caller(org.admin)
            let booking = SessionBooking(dependencies)
            let friday = try await booking.book(.init(engagementID: org.engagements[0].id, start: at("2026-03-27T10:00:00Z")), by: office)
            // After London's clocks go forward: 05:00 BST is 04:00 UTC.
            let monday = try await booking.book(.init(engagementID: org.engagements[0].id, start: at("2026-03-30T10:00:00Z")), by: office)
            _ = try await SessionCancellation(dependencies).cancel(monday.id, reason: "Family holiday", by: office)
            let tuesday = try await booking.book(.init(engagementID: org.engagements[0].id, start: at("2026-03-31T10:00:00Z")), by: office)

            let jobs = try await store.read { db in
                try await db.sql.raw("SELECT subject_id, run_at_ms FROM jobs WHERE kind = 'remind' ORDER BY run_at_ms").all()
            }
            let due = try jobs.map { try ($0.decode(column: "subject_id", as: String.self), $0.decode(column: "run_at_ms", as: Int64.self)) }
            #expect(due.map(\.0) == [friday.id, monday.id, tuesday.id])
            #expect(
                due.map { Date(timeIntervalSince1970: Double($0.1) / 1000) } == [
                    at("2026-03-27T05:00:00Z"), at("2026-03-30T04:00:00Z"), at("2026-03-31T04:00:00Z"),
                ])

            let folder = try MailFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent("sd-reminders-\(UUID().uuidString)").path)
            defer { try? FileManager.default.removeItem(atPath: folder.path) }
            let runner = JobRunner(
                store: store,
                transport: EmailTransport(carrier: .folder(folder), composition: EmailComposition(sender: MailAddress(address: "o@desk.test"))),
                policy: RetryPolicy(), worker: "w", now: { clock.now }, handlers: [.remind: SessionReminders(dependencies)],
                logger: TestDatabase.logger)
            func reminders() async throws -> [OutboxMessage] {
                try await store.read { db in try await db.outboxMessages(organizationID: org.organization.id, limit: 1000) }.filter {
                    $0.kind == "reminder"
                }
            }

            clock.set(at("2026-03-27T04:59:59Z"))
            _ = try await runner.runDue(limit: 100, lanes: 1)
            #expect(try await reminders().isEmpty, "not before 05:00")
            clock.set(at("2026-03-27T05:00:00Z"))
            #expect(try await runner.runDue(limit: 100, lanes: 1).done == 1)
            let sent = try await reminders()
            #expect(Set(sent.compactMap(\.recipientID)) == Set([org.tutors[0].id] + org.students[0].guardianIDs))
            #expect(sent.allSatisfy { $0.subject.hasPrefix("Today: ") && $0.subject.hasSuffix("Fri 27 Mar 10:00–11:00 GMT") })
            #expect(try await runner.runDue(limit: 100, lanes: 1).delivered == sent.count, "then delivered like any message")
            #expect(try await runner.runDue(limit: 100, lanes: 1) == JobRunner.Report(), "once")

            // The worker was down from Sunday until Tuesday 10:30: the cancelled session gets nothing, the
            // started one nothing either, and both jobs are settled rather than left to run again.
            clock.set(at("2026-03-31T10:30:00Z"))
            #expect(try await runner.runDue(limit: 100, lanes: 1).done == 2)
            #expect(try await reminders().count == sent.count)
            let counts = try await store.read { db in try await db.jobCounts() }
            #expect(counts[.queued] == nil && counts[.running] == nil && counts[.dead] == nil)
        }
    }
}
