import Dispatch
import Logging
import Synchronization

/// Copies the WAL back into the database file on a connection and thread of its own.
///
/// SQLite's automatic checkpoint runs inside the COMMIT that crosses its threshold, and its
/// copying and two `fsync`s made that commit, and every write transaction queued behind it, wait:
/// about half of the writer's commit time under load. Here the writer only nudges; a checkpoint
/// runs at most every `interval`, in PASSIVE mode, alongside the writer. It cannot let the WAL
/// start over while the writer keeps appending, so the writer keeps a last-resort automatic
/// checkpoint at `writerCheckpointPages`: by then nearly everything is already copied, and that
/// checkpoint is short.
final class SQLiteCheckpointer: Sendable {
    /// The WAL size (in pages) at which the writer checkpoints itself, whatever happens here.
    static let writerCheckpointPages = 10_000
    static let interval = DispatchTimeInterval.milliseconds(50)

    private let handle: SQLiteHandle
    private let logger: Logger
    private let queue = DispatchQueue(label: "sessiondesk.sqlite.checkpoint")
    private let state = Mutex(State())

    private struct State {
        var scheduled = false
        var stopped = false
    }

    init(handle: SQLiteHandle, logger: Logger) {
        self.handle = handle
        self.logger = logger
    }

    /// Called after each commit: schedules a checkpoint unless one is already due.
    func nudge() {
        let schedule = state.withLock { state in
            defer { state.scheduled = true }
            return !state.scheduled && !state.stopped
        }
        guard schedule else { return }
        queue.asyncAfter(deadline: .now() + Self.interval) { [self] in
            guard
                state.withLock({ state in
                    state.scheduled = false
                    return !state.stopped
                })
            else { return }
            do {
                _ = try handle.run("PRAGMA wal_checkpoint(PASSIVE)", [])
            } catch {
                logger.warning("WAL checkpoint failed: \(error)")
            }
        }
    }

    /// Runs no more checkpoints, waits for one under way, and closes the connection.
    func stop() {
        state.withLock { $0.stopped = true }
        queue.sync { handle.close() }
    }
}
