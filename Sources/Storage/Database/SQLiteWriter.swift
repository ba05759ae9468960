import Logging
import SQLKit
import SQLiteKit
import SQLiteNIO
import Synchronization

/// The one connection that writes, committing the write transactions that are waiting together.
///
/// Under load, committing was most of a write's cost: every page a transaction touched goes to the
/// WAL, and with `synchronous = FULL` the commit waits for the disk. So the transactions queued
/// when the writer is free run one after another inside one SQLite transaction, each in a
/// savepoint of its own, so each sees those before it and a failed one rolls back alone; the
/// SQLite transaction then commits once, and only then does any caller hear that its transaction
/// succeeded (one that failed on its own is answered at once: nothing of it was kept).
///
/// Telling every caller the truth: after some failures (a full disk, an I/O error) SQLite rolls
/// back the whole transaction, taking the earlier transactions of the batch with it. The writer
/// notices (`BatchState`: the failed statement's error, or a savepoint that is gone), refuses
/// every further statement of the batch (which SQLite would otherwise commit one by one), fails
/// the transactions that had run, and runs those that had not in a new batch. A failed commit
/// fails the whole batch; nothing of it was kept.
final class SQLiteWriter: Sendable {
    /// The most transactions one commit carries.
    static let batchLimit = 64

    private let connection: SQLiteConnection
    private let thread: SQLiteWriterThread
    private let logger: Logger
    private let queue = Mutex(Queue())

    private struct Queue {
        var jobs: [Job] = []
        /// Runs the queued jobs until none is left; nil when idle.
        var drainer: Task<Void, Never>?
        var stopped = false
    }

    /// A transaction waiting to run: `run` executes its body inside its savepoint and keeps the
    /// outcome; `finish` hands the caller that outcome once the batch committed, or `failure`.
    private struct Job: Sendable {
        let run: @Sendable (DB) async -> Bool
        let finish: @Sendable ((any Error)?) -> Void
    }

    init(connection: SQLiteConnection, thread: SQLiteWriterThread, logger: Logger) {
        self.connection = connection
        self.thread = thread
        self.logger = logger
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (DB) async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = Mutex<Result<T, any Error>?>(nil)
            let job = Job(
                run: { db in
                    do {
                        let value = try await body(db)
                        outcome.withLock { $0 = .success(value) }
                        return true
                    } catch {
                        outcome.withLock { $0 = .failure(error) }
                        return false
                    }
                },
                finish: { failure in
                    continuation.resume(with: failure.map { .failure($0) } ?? outcome.withLock { $0 } ?? .failure(CancellationError()))
                })
            let accepted = queue.withLock { queue -> Bool in
                guard !queue.stopped else { return false }
                queue.jobs.append(job)
                if queue.drainer == nil { queue.drainer = Task(executorPreference: thread) { await self.drain() } }
                return true
            }
            if !accepted { continuation.resume(throwing: StoreError.closed) }
        }
    }

    /// Takes no more work, and returns once the transactions already queued have run.
    func stop() async {
        let drainer = queue.withLock { queue -> Task<Void, Never>? in
            queue.stopped = true
            return queue.drainer
        }
        await drainer?.value
    }

    private func drain() async {
        while true {
            let batch = queue.withLock { queue -> [Job] in
                let taken = Array(queue.jobs.prefix(Self.batchLimit))
                queue.jobs.removeFirst(taken.count)
                if taken.isEmpty { queue.drainer = nil }
                return taken
            }
            guard !batch.isEmpty else { return }
            let notRun = await commit(batch)
            if !notRun.isEmpty { queue.withLock { $0.jobs.insert(contentsOf: notRun, at: 0) } }
        }
    }

    /// Runs `batch` in one SQLite transaction; returns the jobs that did not get to run because
    /// SQLite ended the transaction early.
    private func commit(_ batch: [Job]) async -> [Job] {
        let state = BatchState()
        let db = DB(sql: StoreErrorMapping(BatchGuard(base: connection.sql(queryLogLevel: nil), state: state)), dialect: .sqlite)
        do {
            // IMMEDIATE takes the write lock up front, so a check made inside a transaction still
            // holds when it writes (no other process can slip in between).
            try await db.sql.raw("BEGIN IMMEDIATE").run()
        } catch {
            for job in batch { job.finish(error) }
            return []
        }
        var ran: [Job] = []
        for (index, job) in batch.enumerated() {
            do {
                try await db.sql.raw("SAVEPOINT job").run()
                if await job.run(db) {
                    try await db.sql.raw("RELEASE job").run()
                } else if state.lost == nil {
                    try await db.sql.raw("ROLLBACK TO job").run()
                    try await db.sql.raw("RELEASE job").run()
                    job.finish(nil)  // its own failure, which rolled back alone
                    continue
                }
            } catch {
                state.lose(error)
            }
            if let lost = state.lost {
                logger.error("a write failed and took the transaction of \(index + 1) writes with it: \(lost)")
                _ = try? await connection.sql(queryLogLevel: nil).raw("ROLLBACK").run()
                for earlier in ran + [job] { earlier.finish(lost) }
                return Array(batch[(index + 1)...])
            }
            ran.append(job)
        }
        do {
            try await db.sql.raw("COMMIT").run()
            for job in ran { job.finish(nil) }
        } catch {
            logger.error("commit of \(ran.count) writes failed: \(error)")
            _ = try? await connection.sql(queryLogLevel: nil).raw("ROLLBACK").run()
            for job in ran { job.finish(error) }
        }
        return []
    }
}

/// Whether SQLite ended the batch's transaction: set by the first error that may have rolled it
/// back, after which no statement of the batch runs.
final class BatchState: Sendable {
    private let error = Mutex<(any Error)?>(nil)

    var lost: (any Error)? { error.withLock { $0 } }

    func lose(_ cause: any Error) {
        error.withLock { $0 = $0 ?? cause }
    }
}

/// The writer's connection as one batch sees it: it marks the batch lost at an error after which
/// SQLite may have rolled the transaction back (sqlite.org/lang_transaction.html, "Response To
/// Errors Within A Transaction"), and from then on refuses every statement, which SQLite would
/// otherwise run and commit on its own.
private struct BatchGuard: SQLDatabase {
    let base: any SQLDatabase
    let state: BatchState

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        if let lost = state.lost { throw lost }
        do {
            try await base.execute(sql: query, onRow)
        } catch let error as SQLiteError where error.mayEndTransaction {
            state.lose(error)
            throw error
        }
    }
}

extension SQLiteError {
    /// The errors after which SQLite may have rolled back the whole transaction: a full disk, an
    /// I/O error, a busy or locked database, no memory, an interrupt, a corrupt file.
    var mayEndTransaction: Bool {
        switch reason {
        case .full, .busy, .busyInRecovery, .busyInSnapshot, .busyTimeout, .noMemory, .interrupt, .corrupt, .corruptVirtualTable,
            .corruptSequenceSchema, .corruptIndex, .abortByRollback:
            true
        default:
            // The two dozen extended I/O errors (ioErrorFailedWrite, ioErrorFailedSync, …).
            "\(reason)".hasPrefix("ioError")
        }
    }
}
