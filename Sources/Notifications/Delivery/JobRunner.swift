public import Foundation
public import Logging
public import Storage
import Synchronization

/// Runs due jobs once: claims a batch under a lease, delivers it, and records each outcome as soon as
/// it is known (done; queued again after a backoff; or dead; see `OutcomeRecorder`). A worker that dies mid-batch leaves its
/// jobs running until the lease ends, when any worker claims them again.
public struct JobRunner: Sendable {
    /// What one batch did.
    public struct Report: Sendable, Equatable {
        public var claimed = 0
        public var delivered = 0
        public var retried = 0
        public var dead = 0
        /// Jobs other than deliveries (reminders) done.
        public var done = 0
        /// The longest time from a delivered message's creation to its delivery.
        public var longestDelay: TimeInterval = 0

        public init() {}
    }

    let store: any Store
    let transport: any MessageTransport
    let policy: RetryPolicy
    /// Who claims: unique per process, so a lease names its holder.
    let worker: String
    let lease: TimeInterval
    let now: @Sendable () -> Date
    let random: @Sendable () -> Double
    /// What each kind of job other than delivery does.
    let handlers: [Job.Kind: any JobHandler]
    let logger: Logger
    private let recorder: OutcomeRecorder

    public init(
        store: any Store, transport: any MessageTransport, policy: RetryPolicy, worker: String, lease: TimeInterval = 300,
        now: @escaping @Sendable () -> Date, random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        handlers: [Job.Kind: any JobHandler] = [:], logger: Logger
    ) {
        self.store = store
        self.transport = transport
        self.policy = policy
        self.worker = worker
        self.lease = lease
        self.now = now
        self.random = random
        self.handlers = handlers
        self.logger = logger
        recorder = OutcomeRecorder(store: store, worker: worker, now: now)
    }

    /// Claims up to `limit` due jobs and runs them on up to `lanes` transports at once.
    public func runDue(limit: Int, lanes: Int) async throws -> Report {
        let claimedAt = now()
        let jobs = try await store.write { [worker, lease] db in
            try await db.claimJobs(worker: worker, limit: limit, now: claimedAt, leaseEnds: claimedAt.addingTimeInterval(lease))
        }
        guard !jobs.isEmpty else { return Report() }
        let report = Tally()
        report.withLock { $0.claimed = jobs.count }
        for job in jobs where job.kind != .deliver { await perform(job, into: report) }
        let deliveries = jobs.filter { $0.kind == .deliver }
        let messages = try await store.read { db in try await db.outboxMessages(ids: deliveries.map(\.subjectID)) }
        var deliverable: [(Job, OutboxMessage)] = []
        for job in deliveries {
            if let message = messages[job.subjectID] {
                deliverable.append((job, message))
            } else {
                await record(job, .failed("the message no longer exists", permanent: true), message: nil, into: report)
            }
        }
        let laneCount = max(1, min(lanes, deliverable.count))
        await withTaskGroup(of: Void.self) { group in
            for lane in 0..<laneCount {
                let share = stride(from: lane, to: deliverable.count, by: laneCount).map { deliverable[$0] }
                group.addTask {
                    await transport.deliver(share.map(\.1)) { index, outcome in
                        await record(share[index].0, outcome, message: share[index].1, into: report)
                    }
                }
            }
        }
        return report.withLock { $0 }
    }

    /// The batch's report, added to by every lane.
    private final class Tally: Sendable {
        private let report = Mutex(Report())

        func withLock<T>(_ body: (inout Report) -> T) -> T { report.withLock { body(&$0) } }
    }

    /// Runs a job's handler and marks it done in one transaction; a failure is retried like a delivery's.
    private func perform(_ job: Job, into report: Tally) async {
        guard let handler = handlers[job.kind] else {
            return await record(job, .failed("this worker cannot run \(job.kind.rawValue) jobs", permanent: false), message: nil, into: report)
        }
        let at = now()
        do {
            try await store.write { [worker] db in
                try await handler.perform(job, now: at, in: db)
                guard try await db.completeJob(id: job.id, worker: worker, now: at) else { throw LeaseLost() }
            }
            report.withLock { $0.done += 1 }
        } catch {
            await record(job, .failed("\(error)", permanent: false), message: nil, into: report)
        }
    }

    /// Another worker took the job over; rolling back leaves the work to it.
    private struct LeaseLost: Error, CustomStringConvertible {
        var description: String { "the lease ran out before the job finished" }
    }

    private func record(_ job: Job, _ outcome: DeliveryOutcome, message: OutboxMessage?, into report: Tally) async {
        let at = now()
        var retryAt: Date?
        if case .failed(_, let permanent) = outcome, !permanent {
            retryAt = policy.retryTime(afterAttempt: job.attempts, failedAt: at, random: random())
        }
        switch await recorder.record(.init(job: job, outcome: outcome, retryAt: retryAt)) {
        case .failure(let error):
            // The job stays claimed until its lease ends, then runs again: late, possibly twice, never lost.
            logger.error("could not record the outcome of job \(job.id): \(error)")
        case .success(let held):
            switch outcome {
            case .delivered:
                if !held { logger.warning("job \(job.id) was delivered after its lease ran out; another worker may deliver it again") }
                let delay = message.map { at.timeIntervalSince($0.createdAt) } ?? 0
                report.withLock {
                    $0.delivered += 1
                    $0.longestDelay = max($0.longestDelay, delay)
                }
            case .failed(let error, _):
                if retryAt == nil {
                    logger.error("gave up on job \(job.id) after \(job.attempts) attempt(s): \(error)")
                } else {
                    logger.notice("job \(job.id), attempt \(job.attempts), failed: \(error)")
                }
                report.withLock { retryAt == nil ? ($0.dead += 1) : ($0.retried += 1) }
            }
        }
    }
}
