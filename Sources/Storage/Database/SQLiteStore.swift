public import Logging
import SQLKit
import ServiceLifecycle
import Synchronization

/// The embedded database: one file in WAL mode, one writer connection and a few readers.
public final class SQLiteStore: Store {
    public let dialect = Dialect.sqlite
    public let path: String
    private let writer: SQLiteWriter
    private let writerHandle: SQLiteHandle
    private let checkpointer: SQLiteCheckpointer
    private let readers: AsyncPool<SQLiteHandle>
    private let readerCount: Int
    private let logger: Logger
    private let closed = Mutex(false)

    /// Opens (creating if needed) the database file at `path`.
    public static func open(path: String, readers: Int = 4, logger: Logger) async throws -> SQLiteStore {
        let writer = try connect(path: path)
        // WAL lets readers proceed while the writer writes; it is a property of the file, set once.
        _ = try writer.run("PRAGMA journal_mode = WAL", [])
        _ = try writer.run("PRAGMA wal_autocheckpoint = \(SQLiteCheckpointer.writerCheckpointPages)", [])
        // Each write transaction is a savepoint (see `SQLiteWriter`), and the first change to a page
        // inside one copies the page to a sub-journal; in a file that was a sixth of the writer's
        // time in `pwrite`. In memory it is a copy, gone at the commit.
        _ = try writer.run("PRAGMA temp_store = MEMORY", [])
        let checkpointer = SQLiteCheckpointer(handle: try connect(path: path), logger: logger)
        var readerHandles: [SQLiteHandle] = []
        for _ in 0..<max(1, readers) {
            let reader = try connect(path: path)
            _ = try reader.run("PRAGMA query_only = ON", [])
            readerHandles.append(reader)
        }
        return SQLiteStore(path: path, writer: writer, checkpointer: checkpointer, readers: readerHandles, logger: logger)
    }

    private init(path: String, writer: SQLiteHandle, checkpointer: SQLiteCheckpointer, readers: [SQLiteHandle], logger: Logger) {
        self.path = path
        self.writer = SQLiteWriter(handle: writer, logger: logger, committed: { checkpointer.nudge() })
        self.writerHandle = writer
        self.checkpointer = checkpointer
        self.readers = AsyncPool(readers)
        self.readerCount = readers.count
        self.logger = logger
    }

    private static func connect(path: String) throws -> SQLiteHandle {
        let handle = try SQLiteHandle(path: path)
        // Another process (a second `sessiondesk` command) may hold the write lock briefly: wait, don't fail.
        _ = try handle.run("PRAGMA busy_timeout = 5000", [])
        _ = try handle.run("PRAGMA foreign_keys = ON", [])
        // Safe in WAL mode: a power cut may lose the last commits but never corrupts the file.
        _ = try handle.run("PRAGMA synchronous = NORMAL", [])
        return handle
    }

    public func read<T: Sendable>(_ body: @Sendable (DB) async throws -> T) async throws -> T {
        guard !closed.withLock({ $0 }) else { throw StoreError.closed }
        do {
            return try await readers.with { handle in
                try await body(DB(sql: SQLiteSessionDatabase(handle: handle, logger: logger), dialect: .sqlite))
            }
        } catch {
            throw StoreError.translate(error)
        }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (DB) async throws -> T) async throws -> T {
        guard !closed.withLock({ $0 }) else { throw StoreError.closed }
        do {
            return try await writer.write { [logger] handle in
                try await body(DB(sql: SQLiteSessionDatabase(handle: handle, logger: logger), dialect: .sqlite))
            }
        } catch {
            throw StoreError.translate(error)
        }
    }

    public func run() async throws {
        try? await gracefulShutdown()
        try await close()
    }

    /// Waits for borrowed connections to come back, then closes them all. Safe to call twice.
    public func close() async throws {
        guard
            closed.withLock({ closed in
                defer { closed = true }; return !closed
            })
        else { return }
        // Shutdown usually arrives as a cancellation; closing must finish all the same, so it runs
        // in a task that does not inherit it.
        await Task { [writer, writerHandle, checkpointer, readers, readerCount] in
            await writer.stop()
            checkpointer.stop()
            writerHandle.close()
            for handle in await readers.drain(count: readerCount) { handle.close() }
        }.value
    }
}
