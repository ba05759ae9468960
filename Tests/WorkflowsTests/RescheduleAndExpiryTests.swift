import Foundation
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

@Suite struct RescheduleTests {
    /// Books Friday 27 March 10:00 for engagement 0 and asks to move it to Thursday 14:00.
    private func reschedule(_ org: TestOrganization, _ dependencies: Dependencies) async throws -> (Session, SessionRequest) {
        let original = try await SessionBooking(dependencies).book(
            .init(engagementID: org.engagements[0].id, start: at("2026-03-27T10:00:00Z")), by: org.caller(org.admin))
        let request = try await SessionRequesting(dependencies).request(
            .init(
                engagementID: org.engagements[0].id, start: at("2026-03-26T14:00:00Z"), note: "School trip on Friday", replacesSessionID: original.id),
            by: org.caller(org.parents[0]))
        return (original, request)
    }

    private func status(_ id: String, _ org: TestOrganization, _ dependencies: Dependencies) async throws -> Session {
        try await SessionDirectory(dependencies).session(id, for: org.caller(org.admin)).session
    }

    @Test(arguments: TestDatabase.available)
    func acceptedMovesTheSessionInOneStep(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let (original, request) = try await reschedule(org, dependencies)
            let warning = try await SessionDirectory(dependencies).session(original.id, for: org.caller(org.parents[0]))
            #expect(warning.rescheduleWarning?.contains("will be cancelled too") == true)
            #expect(warning.pendingRescheduleID == request.id)
            let accepted = try await RequestMoves(dependencies).accept(
                request.id, details: SessionDetails(location: "Room 1", sessionType: "In person"), by: org.caller(org.tutors[0]))
            let old = try await status(original.id, org, dependencies)
            #expect(old.status == .cancelled && old.cancellationReason == "Rescheduled to Thu 26 Mar 14:00 GMT.")
            #expect(try await status(try #require(accepted.sessionID), org, dependencies).status == .scheduled)
            let audit = try await AuditLog(dependencies).events(subjectID: original.id, for: org.caller(org.admin))
            #expect(audit.map(\.action) == [.lifecycle(.originalCancelled), .lifecycle(.sessionCreated)])
        }
    }

    @Test(arguments: TestDatabase.available)
    func aDeclinedRescheduleCancelsTheOriginalByDefault(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let (original, request) = try await reschedule(org, dependencies)
            _ = try await RequestMoves(dependencies).decline(request.id, reason: "Thursday is full", by: org.caller(org.tutors[0]))
            let old = try await status(original.id, org, dependencies)
            #expect(old.status == .cancelled && old.cancellationReason == "The reschedule request was declined.")
            let outbox = try await dependencies.store.read { db in try await db.outboxMessages(organizationID: org.organization.id) }
            #expect(
                Set(outbox.filter { $0.kind == "original_cancelled" }.compactMap(\.recipientID)) == [
                    org.parents[0].id, org.tutors[0].id, org.admin.id,
                ])
        }
    }

    @Test(arguments: TestDatabase.available)
    func withTheSettingOffOrWhenWithdrawnTheOriginalStays(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            _ = try await org.changeSettings(in: dependencies.store) { $0.declinedRescheduleCancelsOriginal = false }
            let (original, request) = try await reschedule(org, dependencies)
            let detail = try await SessionDirectory(dependencies).session(original.id, for: org.caller(org.parents[0]))
            #expect(detail.rescheduleWarning == nil)
            _ = try await RequestMoves(dependencies).decline(request.id, reason: "Full", by: org.caller(org.tutors[0]))
            #expect(try await status(original.id, org, dependencies).status == .scheduled)
            let again = try await SessionRequesting(dependencies).request(
                .init(engagementID: org.engagements[0].id, start: at("2026-03-26T15:00:00Z"), replacesSessionID: original.id),
                by: org.caller(org.parents[0]))
            _ = try await RequestMoves(dependencies).withdraw(again.id, message: "Never mind", by: org.caller(org.parents[0]))
            #expect(try await status(original.id, org, dependencies).status == .scheduled)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aSessionCanMoveIntoPartOfItsOwnTimeButOnlyOneRescheduleWaits(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let original = try await SessionBooking(dependencies).book(
                .init(engagementID: org.engagements[0].id, start: at("2026-03-27T10:00:00Z")), by: org.caller(org.admin))
            let later = try await SessionRequesting(dependencies).request(
                .init(engagementID: org.engagements[0].id, start: at("2026-03-27T10:30:00Z"), replacesSessionID: original.id),
                by: org.caller(org.parents[0]))
            #expect(later.state == .pending)
            await expectRefusal(.conflict) {
                try await SessionRequesting(dependencies).request(
                    .init(engagementID: org.engagements[0].id, start: at("2026-03-26T12:00:00Z"), replacesSessionID: original.id),
                    by: org.caller(org.parents[0]))
            }
            await expectRefusal(.invalid) {
                try await SessionRequesting(dependencies).request(
                    .init(engagementID: org.engagements[1].id, start: at("2026-03-26T12:00:00Z"), replacesSessionID: original.id),
                    by: org.caller(org.parents[0]))
            }
        }
    }
}

@Suite struct ExpiryTests {
    @Test(arguments: TestDatabase.available)
    func anUnansweredRequestExpiresOnceAndEveryoneIsTold(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, clock in
            let request = try await SessionRequesting(dependencies).request(
                .init(engagementID: org.engagements[0].id, start: at("2026-03-27T10:00:00Z")), by: org.caller(org.parents[0]))
            #expect(request.respondBy == at("2026-03-26T10:00:00Z"))
            clock.set(request.respondBy.addingTimeInterval(-1))
            #expect(try await RequestExpiry(dependencies).expireOverdue() == 0)
            // The server was down at the deadline: nobody may answer any more, and the next sweep catches up.
            clock.set(request.respondBy.addingTimeInterval(6 * 3600))
            await expectRefusal(.conflict) { try await RequestMoves(dependencies).decline(request.id, reason: "late", by: org.caller(org.admin)) }
            #expect(try await RequestExpiry(dependencies).expireOverdue() == 1)
            #expect(try await RequestExpiry(dependencies).expireOverdue() == 0)
            let stored = try await RequestDirectory(dependencies).request(request.id, for: org.caller(org.admin)).request
            #expect(stored.state == .expired && stored.heldTime == nil)
            let conversation = try await RequestDirectory(dependencies).conversation(request.id, for: org.caller(org.parents[0])).entries
            #expect(conversation.filter { $0.event == .expired }.count == 1)
            #expect(conversation.last?.authorRole == "system")
            let told = try await dependencies.store.read { db in try await db.outboxMessages(organizationID: org.organization.id) }
                .filter { $0.kind == "expired" }
            #expect(Set(told.compactMap(\.recipientID)) == [org.parents[0].id, org.tutors[0].id, org.admin.id])
            do {
                _ = try await RequestMoves(dependencies).withdraw(request.id, message: "", by: org.caller(org.parents[0]))
                Issue.record("an expired request was withdrawn")
            } catch let error as DomainError {
                #expect(error.message == "This request expired on Thu 26 Mar 2026: nobody answered in time.")
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func concurrentSweepsExpireEachRequestExactlyOnce(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, clock in
            let families = try await org.addFamilies(24, taughtBy: org.tutors[0], in: dependencies.store, now: clock.now)
            // Whole hours inside 09:00–17:00 London time: GMT until Sunday 29 March, BST after.
            let hours = [("2026-03-26", 10...16), ("2026-03-27", 9...16), ("2026-03-30", 8...15), ("2026-03-31", 8...15)]
            let starts = hours.flatMap { day, range in range.map { at("\(day)T\(String(format: "%02d", $0)):00:00Z") } }
            for (family, start) in zip(families, starts) {
                _ = try await SessionRequesting(dependencies).request(
                    .init(engagementID: family.engagement.id, start: start), by: org.caller(family.parent))
            }
            let opened = min(families.count, starts.count)
            clock.set(at("2026-04-10T00:00:00Z"))
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<6 { group.addTask { try await RequestExpiry(dependencies, batchSize: 5).expireOverdue() } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(counts.reduce(0, +) == opened)
            let expiredLines = try await dependencies.store.read { db in
                try await db.outboxMessages(organizationID: org.organization.id, limit: 1000).filter { $0.kind == "expired" }
            }
            // Family, tutor and office each hear once per request.
            #expect(expiredLines.count == opened * 3)
        }
    }
}

@Suite struct CancellationAndBookingTests {
    @Test(arguments: TestDatabase.available)
    func aFamilyCancelsWithNoticeAndTheTimeIsFreeAgain(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let booking = SessionBooking(dependencies)
            let friday = try await booking.book(
                .init(engagementID: org.engagements[0].id, start: at("2026-03-27T10:00:00Z")), by: org.caller(org.admin))
            let tomorrow = try await booking.book(
                .init(engagementID: org.engagements[0].id, start: at("2026-03-24T10:00:00Z")), by: org.caller(org.admin))
            let parent = org.caller(org.parents[0])
            let cancelled = try await SessionCancellation(dependencies).cancel(friday.id, reason: "Ill", by: parent)
            #expect(cancelled.status == .cancelled && cancelled.cancellationReason == "Ill")
            do {
                _ = try await SessionCancellation(dependencies).cancel(tomorrow.id, reason: "Ill", by: parent)
                Issue.record("a late cancellation was accepted")
            } catch let error as DomainError {
                #expect(error.message.contains("the last moment for this one was Sat 21 Mar 10:00 GMT"))
            }
            _ = try await SessionCancellation(dependencies).cancel(tomorrow.id, reason: "Tutor ill", by: org.caller(org.tutors[0]))
            let day = LocalDate(iso: "2026-03-27")!
            let slots = try await FreeSlotListing(dependencies).slots(engagementID: org.engagements[0].id, from: day, to: day, for: parent)
            #expect(slots.slots.contains { $0.start == at("2026-03-27T10:00:00Z") })
            let told = try await dependencies.store.read { db in try await db.outboxMessages(organizationID: org.organization.id) }
                .filter { $0.kind == "session_cancelled" }
            #expect(told.count == 6)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theOfficeBooksButNeverOverATakenTime(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let booking = SessionBooking(dependencies)
            let admin = org.caller(org.admin)
            _ = try await booking.book(.init(engagementID: org.engagements[0].id, start: at("2026-03-27T10:00:00Z")), by: admin)
            await expectRefusal(.conflict) {
                try await booking.book(.init(engagementID: org.engagements[2].id, start: at("2026-03-27T10:30:00Z")), by: admin)
            }
            _ = try await booking.book(.init(engagementID: org.engagements[2].id, start: at("2026-03-27T11:00:00Z")), by: admin)
            _ = try await SessionRequesting(dependencies).request(
                .init(engagementID: org.engagements[0].id, start: at("2026-03-26T10:00:00Z")), by: org.caller(org.parents[0]))
            await expectRefusal(.conflict) {
                try await booking.book(.init(engagementID: org.engagements[2].id, start: at("2026-03-26T10:00:00Z")), by: admin)
            }
            await expectRefusal(.forbidden) {
                try await booking.book(.init(engagementID: org.engagements[0].id, start: at("2026-03-30T10:00:00Z")), by: org.caller(org.parents[0]))
            }
        }
    }
}
