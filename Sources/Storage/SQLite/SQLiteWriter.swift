import Logging
import Synchronization

/// The one connection that writes, committing several transactions at a time.
///
/// A commit writes every page a transaction touched to the WAL; under load that was most of a
/// transaction's time. Write transactions still run one after another, each inside a savepoint of
/// a shared transaction, so each sees the ones before it and one that fails rolls back alone; the
/// shared transaction then commits once, and only then does any caller hear its result. A failed
/// commit fails them all: nothing of theirs was kept. The transactions run on a thread of their
/// own (`SQLiteWriterThread`); a checkpointer copies the WAL back (`SQLiteCheckpointer`).
final class SQLiteWriter: Sendable {
    /// The most transactions one commit carries.
    static let batchLimit = 64

    private let handle: SQLiteHandle
    private let logger: Logger
    private let committed: @Sendable () -> Void
    private let thread = SQLiteWriterThread(name: "sqlite-writer")
    private let queue = Mutex(Queue())
    private let wake: AsyncStream<Void>.Continuation
    private let loop: Mutex<Task<Void, Never>?> = Mutex(nil)

    private struct Queue {
        var jobs: [Job] = []
        var stopped = false
    }

    /// A queued transaction: `run` executes the body inside its savepoint and keeps the outcome;
    /// `finish` hands the caller that outcome, or the commit's failure.
    struct Job: Sendable {
        let run: @Sendable (SQLiteHandle) async -> Void
        let finish: @Sendable ((any Error)?) -> Void
    }

    /// `committed` runs after each successful commit, on the writer's task.
    init(handle: SQLiteHandle, logger: Logger, committed: @escaping @Sendable () -> Void) {
        self.handle = handle
        self.logger = logger
        self.committed = committed
        let (stream, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.wake = wake
        loop.withLock { $0 = Task(executorPreference: thread) { [self] in await self.drain(stream) } }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (SQLiteHandle) async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = Mutex<Result<T, any Error>?>(nil)
            let job = Job(
                run: { handle in
                    do {
                        _ = try handle.run("SAVEPOINT job", [])
                        let value = try await body(handle)
                        _ = try handle.run("RELEASE job", [])
                        outcome.withLock { $0 = .success(value) }
                    } catch {
                        _ = try? handle.run("ROLLBACK TO job", [])
                        _ = try? handle.run("RELEASE job", [])
                        outcome.withLock { $0 = .failure(error) }
                    }
                },
                finish: { commitFailure in
                    if let commitFailure {
                        continuation.resume(throwing: commitFailure)
                    } else {
                        continuation.resume(with: outcome.withLock { $0 } ?? .failure(CancellationError()))
                    }
                })
            let accepted = queue.withLock { queue in
                if !queue.stopped { queue.jobs.append(job) }
                return !queue.stopped
            }
            guard accepted else {
                continuation.resume(throwing: StoreError.closed)
                return
            }
            wake.yield()
        }
    }

    /// Stops taking work once the queue is empty; the caller then closes the handle.
    func stop() async {
        queue.withLock { $0.stopped = true }
        wake.finish()
        await loop.withLock { $0 }?.value
        thread.stop()
    }

    private func drain(_ signals: AsyncStream<Void>) async {
        for await _ in signals {
            while true {
                let batch = queue.withLock { queue -> [Job] in
                    let taken = Array(queue.jobs.prefix(Self.batchLimit))
                    queue.jobs.removeFirst(taken.count)
                    return taken
                }
                guard !batch.isEmpty else { break }
                await commit(batch)
            }
        }
    }

    private func commit(_ batch: [Job]) async {
        do {
            // IMMEDIATE takes the write lock up front, so a check made inside a transaction still
            // holds when it writes (no other process can slip in between).
            _ = try handle.run("BEGIN IMMEDIATE", [])
        } catch {
            for job in batch { job.finish(error) }
            return
        }
        for job in batch { await job.run(handle) }
        do {
            _ = try handle.run("COMMIT", [])
            for job in batch { job.finish(nil) }
            committed()
        } catch {
            logger.error("commit of \(batch.count) transactions failed: \(error)")
            _ = try? handle.run("ROLLBACK", [])
            for job in batch { job.finish(error) }
        }
    }
}
