public import Logging
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO
import ServiceLifecycle
import Synchronization

/// The embedded database: one file in WAL mode, one writer connection and a few readers.
///
/// Writes queue for the one writer connection (`SQLiteWriter`), which commits those waiting
/// together; a write is answered only once its commit is in the file (with `synchronous = FULL`,
/// the default, also after a power cut). Queueing here instead of opening several writers keeps
/// SQLite from answering `SQLITE_BUSY` under concurrent writes.
public final class SQLiteStore: Store {
    public let dialect = Dialect.sqlite
    public let path: String
    private let writer: SQLiteWriter
    private let writerConnection: SQLiteConnection
    private let writerThread: SQLiteWriterThread
    private let checkpointer: SQLiteCheckpointer
    private let readers: AsyncPool<SQLiteConnection>
    private let readerCount: Int
    private let logger: Logger
    private let closed = Mutex(false)

    /// Opens (creating if needed) the database file at `path`.
    public static func open(
        path: String, synchronous: SQLiteSynchronous = .full, readers: Int = 4, logger: Logger
    ) async throws -> SQLiteStore {
        let writerThread = SQLiteWriterThread()
        let writer = try await connect(path: path, synchronous: synchronous, threadPool: writerThread.pool, logger: logger)
        // WAL lets readers proceed while the writer writes; it is a property of the file, set once.
        try await writer.sql().raw("PRAGMA journal_mode = WAL").run()
        // Each write is a savepoint (see `SQLiteWriter`): the first change to a page inside one
        // copies the page to a sub-journal, which in a temporary file cost more than the write.
        try await writer.sql().raw("PRAGMA temp_store = MEMORY").run()
        try await writer.sql().raw("PRAGMA wal_autocheckpoint = \(unsafeRaw: String(SQLiteCheckpointer.writerCheckpointPages))").run()
        let checkpointer = SQLiteCheckpointer(
            connection: try await connect(path: path, synchronous: synchronous, threadPool: .singleton, logger: logger), logger: logger)
        var readerConnections: [SQLiteConnection] = []
        for _ in 0..<max(1, readers) {
            let reader = try await connect(path: path, synchronous: synchronous, threadPool: .singleton, logger: logger)
            try await reader.sql().raw("PRAGMA query_only = ON").run()
            readerConnections.append(reader)
        }
        return SQLiteStore(
            path: path, writer: writer, writerThread: writerThread, checkpointer: checkpointer, readers: readerConnections, logger: logger)
    }

    private init(
        path: String, writer: SQLiteConnection, writerThread: SQLiteWriterThread, checkpointer: SQLiteCheckpointer, readers: [SQLiteConnection],
        logger: Logger
    ) {
        self.path = path
        self.writer = SQLiteWriter(connection: writer, thread: writerThread, logger: logger)
        self.writerConnection = writer
        self.writerThread = writerThread
        self.checkpointer = checkpointer
        self.readers = AsyncPool(readers)
        self.readerCount = readers.count
        self.logger = logger
    }

    private static func connect(
        path: String, synchronous: SQLiteSynchronous, threadPool: NIOThreadPool, logger: Logger
    ) async throws -> SQLiteConnection {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(
                storage: .file(path: path), threadPool: threadPool, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        } catch {
            throw StoreUnavailable(
                "Could not open the SQLite database \(path) (\(error)). Check that its folder exists and is writable, or set SESSIONDESK_DATABASE_URL."
            )
        }
        let sql = connection.sql()
        // Another process (a second `sessiondesk` command) may hold the write lock briefly: wait, don't fail.
        try await sql.raw("PRAGMA busy_timeout = 5000").run()
        try await sql.raw("PRAGMA foreign_keys = ON").run()
        try await sql.raw(SQLQueryString("PRAGMA synchronous = \(synchronous.rawValue)")).run()
        return connection
    }

    public func read<T: Sendable>(_ body: @Sendable (DB) async throws -> T) async throws -> T {
        guard !closed.withLock({ $0 }) else { throw StoreError.closed }
        return try await readers.with { connection in
            try await body(DB(sql: StoreErrorMapping(connection.sql(queryLogLevel: nil)), dialect: .sqlite))
        }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (DB) async throws -> T) async throws -> T {
        guard !closed.withLock({ $0 }) else { throw StoreError.closed }
        return try await writer.write(body)
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
        try await Task { [writer, writerConnection, writerThread, checkpointer, readers, readerCount] in
            await writer.stop()
            await checkpointer.stop()
            try await writerConnection.close()
            for connection in await readers.drain(count: readerCount) { try await connection.close() }
            try await writerThread.shutdown()
        }.value
    }
}

/// When SQLite makes a commit durable (`PRAGMA synchronous`).
public enum SQLiteSynchronous: String, Sendable {
    /// Every commit is on disk before it is answered, also after a power cut or an OS crash.
    case full = "FULL"
    /// Commits survive a crash of SessionDesk, but a power cut or OS crash may lose the last ones
    /// (never corrupting the file): faster on slow disks, at that risk.
    case normal = "NORMAL"
}
