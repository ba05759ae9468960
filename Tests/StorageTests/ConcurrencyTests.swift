import Foundation
import SQLKit
import Scheduling
import Storage
import TestSupport
import Testing

@Suite struct ConcurrencyTests {
    /// Check-then-insert in one write transaction: on SQLite the single writer with `BEGIN IMMEDIATE`
    /// serialises the attempts; on PostgreSQL the exclusion constraint refuses the losers. Either way
    /// exactly one session exists and no attempt fails with anything but a refusal.
    @Test(arguments: TestDatabase.available)
    func concurrentBookingsOfOneTutorTimeLeaveExactlyOneSession(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            let engagement = org.engagements[0]
            let time = TimeRange(start: testEpoch.addingTimeInterval(7 * 86_400), minutes: 60)
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for attempt in 0..<100 {
                    group.addTask {
                        // Overlapping, not identical, times: every attempt collides with every other.
                        let shifted = TimeRange(start: time.start.addingTimeInterval(Double(attempt % 4) * 900), minutes: 60)
                        do {
                            return try await store.write { db in
                                let busy = try await db.busyTimes(
                                    tutorID: engagement.tutorID, organizationID: org.organization.id, overlapping: shifted)
                                guard busy.isEmpty else { return false }
                                try await db.insertSession(
                                    Session(
                                        id: "s\(attempt)", organizationID: org.organization.id, tutorID: engagement.tutorID,
                                        students: [SessionStudent(through: engagement)], subjectID: engagement.subjectID, engagementID: engagement.id,
                                        time: shifted,
                                        status: .scheduled, location: "", sessionType: "Online"),
                                    now: testEpoch)
                                return true
                            }
                        } catch StoreError.exclusionViolation {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let count = try await store.read { db in
                try await db.sql.raw("SELECT COUNT(*) AS n FROM sessions").first(decodingColumn: "n", as: Int.self)
            }
            #expect(count == 1)
        }
    }

    @Test func postgresExclusionConstraintAllowsBackToBackButNotOverlap() async throws {
        guard TestDatabase.postgresAvailable else { return }
        try await TestDatabase.postgres.withStore { store in
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            let engagement = org.engagements[0]
            @Sendable func session(_ id: String, minutesFromNow: Int, status: SessionStatus = .scheduled) -> Session {
                Session(
                    id: id, organizationID: org.organization.id, tutorID: engagement.tutorID, students: [SessionStudent(through: engagement)],
                    subjectID: engagement.subjectID, engagementID: engagement.id,
                    time: TimeRange(start: testEpoch.addingTimeInterval(Double(minutesFromNow * 60)), minutes: 60), status: status, location: "",
                    sessionType: "Online")
            }
            try await store.write { db in
                try await db.insertSession(session("first", minutesFromNow: 0), now: testEpoch)
                try await db.insertSession(session("back-to-back", minutesFromNow: 60), now: testEpoch)
                try await db.insertSession(session("cancelled-overlap", minutesFromNow: 30, status: .cancelled), now: testEpoch)
            }
            // The refusal arrives at the statement that caused it, where a workflow can say what it means.
            let caught = try await store.write { db in
                do {
                    try await db.insertSession(session("overlap", minutesFromNow: 30), now: testEpoch)
                    return false
                } catch StoreError.exclusionViolation {
                    return true
                }
            }
            #expect(caught)
        }
    }
}

@Suite struct TransactionIsolationTests {
    /// Concurrent writes, some of which fail: a write that fails must leave nothing, and must not
    /// take the others down with it.
    @Test(arguments: TestDatabase.available)
    func concurrentWritesSucceedOrFailEachOnItsOwn(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            struct Refused: Error {}
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<120 {
                    group.addTask {
                        do {
                            try await store.write { db in
                                try await db.insertOrganization(
                                    Organization(id: "org-\(index)", name: "Org \(index)", timeZone: TimeZone(identifier: "UTC")!, currency: "EUR"),
                                    now: testEpoch)
                                if index % 3 == 0 { throw Refused() }
                            }
                            return true
                        } catch is Refused {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 80)
            let stored = try await store.read { db in
                try await db.sql.raw("SELECT id FROM organizations ORDER BY id").all(decodingColumn: "id", as: String.self)
            }
            #expect(stored.count == 80)
            #expect(!stored.contains("org-0") && stored.contains("org-1"))
        }
    }
}
