import NIOPosix

/// The one thread that runs write transactions: SQLiteNIO runs the writer connection's statements
/// on it (as its thread pool), and the transaction's own code between statements runs on it too (as
/// its task executor). A statement and the code that waits for it then follow each other on one
/// thread, instead of each statement waking a pool thread and then a thread of Swift's: on a
/// two-core machine those two wake-ups per statement cost several times the statement itself, and
/// every write waits for the one before it.
final class SQLiteWriterThread: TaskExecutor {
    let pool = NIOThreadPool(numberOfThreads: 1)

    init() { pool.start() }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        // Runs whatever the pool's state: a task waiting here must always be resumed.
        pool.submit { _ in job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    func shutdown() async throws { try await pool.shutdownGracefully() }
}
