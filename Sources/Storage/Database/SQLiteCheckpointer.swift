import Logging
import SQLKit
import SQLiteKit
import SQLiteNIO

/// Copies the WAL back into the database file from a connection of its own, a few times a second.
///
/// Left to itself, SQLite checkpoints inside the commit that crosses `wal_autocheckpoint` pages:
/// that commit, and every write queued behind it, then waits for the copy and two syncs of the
/// disk, which under load made the slowest writes several times slower than the rest. Here the
/// writer keeps an automatic checkpoint only as a last resort, at `writerCheckpointPages`, by
/// when nearly everything is already copied.
final class SQLiteCheckpointer: Sendable {
    static let writerCheckpointPages = 10_000
    static let interval = Duration.milliseconds(200)

    private let running: Task<Void, Never>

    init(connection: SQLiteConnection, logger: Logger) {
        running = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.interval)
                do {
                    try await connection.sql(queryLogLevel: nil).raw("PRAGMA wal_checkpoint(PASSIVE)").run()
                } catch  where !Task.isCancelled {
                    logger.warning("WAL checkpoint failed: \(error)")
                } catch {}
            }
            // Not in this cancelled task: SQLiteNIO would refuse to close in it.
            await Task { try? await connection.close() }.value
        }
    }

    /// Stops checkpointing and closes the connection.
    func stop() async {
        running.cancel()
        await running.value
    }
}
