import Dispatch
import Foundation
import Synchronization

/// A thread of its own for the single writer's transactions.
///
/// On the shared cooperative pool (one thread per core) the writer, busy almost all the time under
/// load, held one of the two threads this machine has and left every request's parsing, checks and
/// JSON to the other. On its own thread it runs alongside them, and the operating system shares the
/// cores. Jobs run in the order they arrive.
final class SQLiteWriterThread: TaskExecutor, Sendable {
    private let queue = Mutex(Queue())
    private let wake = DispatchSemaphore(value: 0)

    private struct Queue {
        var jobs: [UnownedJob] = []
        var stopped = false
    }

    /// `name` (at most 15 bytes, Linux's limit) is what `top -H` and `perf` show for the thread.
    init(name: String) {
        Thread { [self] in
            // Foundation passes the name to the system thread only when it is set on the thread itself.
            Thread.current.name = name
            run()
        }.start()
    }

    func enqueue(_ job: UnownedJob) {
        queue.withLock { $0.jobs.append(job) }
        wake.signal()
    }

    /// Ends the thread once the jobs already queued have run.
    func stop() {
        queue.withLock { $0.stopped = true }
        wake.signal()
    }

    private func run() {
        while true {
            wake.wait()
            let next = queue.withLock { queue -> (job: UnownedJob?, stopped: Bool) in
                (queue.jobs.isEmpty ? nil : queue.jobs.removeFirst(), queue.stopped)
            }
            if let job = next.job {
                job.runSynchronously(on: asUnownedTaskExecutor())
            } else if next.stopped {
                return
            }
        }
    }
}
