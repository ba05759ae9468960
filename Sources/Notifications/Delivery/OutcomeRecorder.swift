import Foundation
import Storage

/// Writes what became of delivered and failed jobs. An outcome is written as soon as the database
/// is free; outcomes that arrive while an earlier write is under way go together in the next
/// transaction. Under load a burst of deliveries is recorded in a few transactions instead of one
/// each, and a crash can leave at most the outcomes of one write unrecorded (those messages go out
/// again after their lease, with the same Message-ID).
actor OutcomeRecorder {
    /// One job's outcome; `retryAt` nil with a failure means the job is buried.
    struct Entry: Sendable {
        let job: Job
        let outcome: DeliveryOutcome
        let retryAt: Date?
    }

    private let store: any Store
    private let worker: String
    private let now: @Sendable () -> Date
    private var pending: [(Entry, CheckedContinuation<Result<Bool, any Error>, Never>)] = []
    private var writing = false

    init(store: any Store, worker: String, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.worker = worker
        self.now = now
    }

    /// Records `entry` and returns once it is committed: whether this worker still held the job
    /// (false when its lease ran out and another worker took it), or why the write failed.
    func record(_ entry: Entry) async -> Result<Bool, any Error> {
        await withCheckedContinuation { continuation in
            pending.append((entry, continuation))
            if !writing {
                writing = true
                Task { await writeAll() }
            }
        }
    }

    private func writeAll() async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            let outcome = await write(batch.map(\.0))
            for (index, (_, continuation)) in batch.enumerated() {
                continuation.resume(returning: outcome.map { $0[index] })
            }
        }
        writing = false
    }

    private func write(_ entries: [Entry]) async -> Result<[Bool], any Error> {
        let (worker, at) = (worker, now())
        do {
            return .success(
                try await store.write { db in
                    let delivered = entries.filter { $0.outcome == .delivered }.map(\.job.id)
                    let completed = try await db.completeDeliveries(jobIDs: delivered, worker: worker, now: at)
                    var held: [Bool] = []
                    for entry in entries {
                        switch (entry.outcome, entry.retryAt) {
                        case (.delivered, _): held.append(completed.contains(entry.job.id))
                        case (.failed(let error, _), let retryAt?):
                            held.append(try await db.retryJob(id: entry.job.id, worker: worker, at: retryAt, error: error))
                        case (.failed(let error, _), nil): held.append(try await db.buryJob(id: entry.job.id, worker: worker, now: at, error: error))
                        }
                    }
                    return held
                })
        } catch {
            return .failure(error)
        }
    }
}
