import Foundation
import Scheduling
import Storage
import TestSupport
import Testing

/// The job table: claims, leases, retries and dead letters, on both databases.
@Suite struct JobQueueTests {
    static func messages(_ count: Int, in org: TestOrganization, at time: Date) -> [OutboxMessage] {
        (0..<count).map { index in
            OutboxMessage(
                id: "msg\(1000 + index)", organizationID: org.organization.id, recipientID: org.parents[0].id, channel: .email,
                address: org.parents[0].email, kind: "requested", subject: "Subject \(index)", body: "Body", createdAt: time)
        }
    }

    @Test(arguments: TestDatabase.available)
    func everyOutboxMessageGetsADeliveryJobInTheSameTransaction(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            let before = try await store.read { db in try await db.jobCounts()[.queued] ?? 0 }
            try await store.write { db in try await db.enqueue(Self.messages(3, in: org, at: testEpoch)) }
            // A failed transaction leaves neither messages nor jobs.
            await #expect(throws: (any Error).self) {
                try await store.write { db in
                    try await db.enqueue(
                        Self.messages(1, in: org, at: testEpoch).map {
                            OutboxMessage(
                                id: "rolled-back", organizationID: $0.organizationID, recipientID: $0.recipientID, channel: .email,
                                address: $0.address,
                                kind: $0.kind, subject: $0.subject, body: $0.body, createdAt: $0.createdAt)
                        })
                    throw CancellationError()
                }
            }
            let counts = try await store.read { db in try await db.jobCounts() }
            #expect(counts[.queued] == before + 3)
            #expect(try await store.read { db in try await db.job(id: "rolled-back") } == nil)
            let job = try await store.read { db in try await db.job(id: "msg1000") }
            #expect(job?.kind == .deliver && job?.subjectID == "msg1000" && job?.state == .queued && job?.attempts == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aClaimTakesOnlyDueJobsAndALapsedLeaseFreesThem(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            try await store.write { db in try await db.enqueue(Self.messages(2, in: org, at: testEpoch)) }
            let early = try await store.write { db in
                try await db.claimJobs(worker: "a", limit: 10, now: testEpoch.addingTimeInterval(-1), leaseEnds: testEpoch)
            }
            #expect(early.isEmpty, "nothing is due before its time")
            let first = try await store.write { db in
                try await db.claimJobs(worker: "a", limit: 10, now: testEpoch, leaseEnds: testEpoch.addingTimeInterval(60))
            }
            #expect(first.map(\.id).sorted() == ["msg1000", "msg1001"] && first.allSatisfy { $0.attempts == 1 && $0.state == .running })
            let during = try await store.write { db in
                try await db.claimJobs(worker: "b", limit: 10, now: testEpoch.addingTimeInterval(59), leaseEnds: testEpoch.addingTimeInterval(120))
            }
            #expect(during.isEmpty, "a held lease keeps other workers off")
            #expect(try await store.write { db in try await db.completeJob(id: "msg1000", worker: "a", now: testEpoch) })
            let after = try await store.write { db in
                try await db.claimJobs(worker: "b", limit: 10, now: testEpoch.addingTimeInterval(60), leaseEnds: testEpoch.addingTimeInterval(120))
            }
            #expect(after.map(\.id) == ["msg1001"] && after[0].attempts == 2, "the lapsed lease is claimed again, the done job is not")
            #expect(
                try await !store.write { db in try await db.completeJob(id: "msg1001", worker: "a", now: testEpoch) }, "a is no longer the holder")
        }
    }

    @Test(arguments: TestDatabase.available)
    func retriesWaitAndDeadJobsCanBeRevived(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            try await store.write { db in try await db.enqueue(Self.messages(2, in: org, at: testEpoch)) }
            _ = try await store.write { db in
                try await db.claimJobs(worker: "w", limit: 10, now: testEpoch, leaseEnds: testEpoch.addingTimeInterval(60))
            }
            let later = testEpoch.addingTimeInterval(30)
            #expect(try await store.write { db in try await db.retryJob(id: "msg1000", worker: "w", at: later, error: "421 busy") })
            #expect(try await store.write { db in try await db.buryJob(id: "msg1001", worker: "w", now: testEpoch, error: "550 no such user") })
            let notYet = try await store.write { db in
                try await db.claimJobs(worker: "w", limit: 10, now: later.addingTimeInterval(-0.5), leaseEnds: later)
            }
            #expect(notYet.isEmpty)
            let retried = try await store.write { db in
                try await db.claimJobs(worker: "w", limit: 10, now: later, leaseEnds: later.addingTimeInterval(60))
            }
            #expect(retried.map(\.id) == ["msg1000"] && retried[0].lastError == "421 busy" && retried[0].attempts == 2)

            let dead = try await store.read { db in try await db.deadJobs(organizationID: org.organization.id) }
            #expect(dead.map(\.id) == ["msg1001"] && dead[0].lastError == "550 no such user")
            #expect(try await store.read { db in try await db.deadJobs(organizationID: "another-org") }.isEmpty)
            #expect(try await !store.write { db in try await db.reviveJob(id: "msg1001", organizationID: "another-org", now: later) })
            #expect(try await store.write { db in try await db.reviveJob(id: "msg1001", organizationID: org.organization.id, now: later) })
            #expect(
                try await !store.write { db in try await db.reviveJob(id: "msg1001", organizationID: org.organization.id, now: later) },
                "only dead jobs")
            let revived = try await store.read { db in try await db.job(id: "msg1001") }
            #expect(revived?.state == .queued && revived?.attempts == 0)
        }
    }

    /// Many workers claiming at once never share a job and together take every one.
    @Test(arguments: TestDatabase.available)
    func concurrentClaimsNeverShareAJob(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            try await store.write { db in try await db.enqueue(Self.messages(300, in: org, at: testEpoch)) }
            let claims = try await withThrowingTaskGroup(of: [String].self) { group in
                for worker in 0..<12 {
                    group.addTask {
                        var mine: [String] = []
                        while true {
                            let batch = try await store.write { db in
                                try await db.claimJobs(worker: "w\(worker)", limit: 7, now: testEpoch, leaseEnds: testEpoch.addingTimeInterval(600))
                            }
                            if batch.isEmpty { return mine }
                            mine += batch.map(\.id)
                        }
                    }
                }
                return try await group.reduce(into: [String]()) { $0 += $1 }
            }
            #expect(claims.count == 300)
            #expect(Set(claims).count == 300, "a job was claimed twice")
        }
    }
}
