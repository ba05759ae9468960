import CSQLiteOptions
import Foundation
import NIOCore
import SQLiteNIO
import VaporCSQLite

/// One SQLite connection driven directly through the C API, on the calling thread.
///
/// SQLiteNIO runs every statement on a thread pool, and each statement then costs two thread
/// wake-ups; a transaction of twenty statements spent most of its time waiting for them. Here a
/// statement is a few microseconds of work on the task's own thread, and prepared statements are
/// kept for reuse. The store lends a handle to one task at a time, which makes the unchecked
/// `Sendable` sound.
final class SQLiteHandle: @unchecked Sendable {
    private var database: OpaquePointer?
    /// Prepared statements by their SQL, with their result columns' names.
    private var statements: [String: Prepared] = [:]

    private struct Prepared {
        let statement: OpaquePointer
        let columns: [String]
    }

    init(path: String) throws {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let registered = sessiondesk_sqlite_register_vfs()
        guard registered == SQLITE_OK else { throw SQLiteFailure(code: registered, message: "cannot register the WAL frame writer") }
        var handle: OpaquePointer?
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, SESSIONDESK_SQLITE_VFS)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite_nio_sqlite3_close(handle)
            throw SQLiteFailure(code: status, message: "cannot open \(path): \(message)")
        }
        database = handle
        sqlite_nio_sqlite3_extended_result_codes(handle, 1)
        // Plans that do not depend on bound values: otherwise binding a new value to a statement
        // that compares a parameter forces SQLite to re-prepare it, on every run.
        let planned = sessiondesk_sqlite_enable_qpsg(UnsafeMutableRawPointer(handle))
        guard planned == SQLITE_OK else { throw SQLiteFailure(code: planned, message: "cannot fix query plans") }
    }

    deinit { close() }

    /// WAL frames written as one write (header and page) by this process so far.
    static var joinedWALFrames: Int { Int(sessiondesk_sqlite_joined_frames()) }

    func close() {
        for prepared in statements.values { sqlite_nio_sqlite3_finalize(prepared.statement) }
        statements.removeAll()
        if let database { sqlite_nio_sqlite3_close_v2(database) }
        database = nil
    }

    /// Runs one statement with its bound values and returns every row it produces.
    func run(_ sql: String, _ binds: [SQLiteData]) throws -> [SQLiteValueRow] {
        guard let database else { throw SQLiteFailure(code: SQLITE_MISUSE, message: "the connection is closed") }
        var (statement, columns) = try prepared(sql, in: database)
        // Every run binds every parameter, so the old bindings need no clearing.
        defer { sqlite_nio_sqlite3_reset(statement) }
        for (index, value) in binds.enumerated() {
            try check(bind(value, at: Int32(index + 1), to: statement), database)
        }
        var rows: [SQLiteValueRow] = []
        while true {
            switch sqlite_nio_sqlite3_step(statement) {
            case SQLITE_ROW:
                if rows.isEmpty, sqlite_nio_sqlite3_column_count(statement) != columns.count {
                    // A migration added a column to a table this `SELECT *` reads: the step just
                    // prepared the statement again, with the new column.
                    columns = Self.columns(of: statement)
                    statements[sql] = Prepared(statement: statement, columns: columns)
                }
                rows.append(SQLiteValueRow(columns: columns, values: (0..<Int32(columns.count)).map { value(at: $0, of: statement) }))
            case SQLITE_DONE:
                return rows
            case let status:
                throw failure(status, database)
            }
        }
    }

    private func prepared(_ sql: String, in database: OpaquePointer) throws -> (OpaquePointer, [String]) {
        if let known = statements[sql] { return (known.statement, known.columns) }
        var statement: OpaquePointer?
        try check(sqlite_nio_sqlite3_prepare_v3(database, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil), database)
        guard let statement else { throw SQLiteFailure(code: SQLITE_MISUSE, message: "empty statement: \(sql)") }
        // Reading the names once per statement instead of once per run: a string each.
        let columns = Self.columns(of: statement)
        // Statements built from literal SQL repeat; one-off ones (IN lists of varying length) are few.
        if statements.count > 500 {
            statements.values.forEach { sqlite_nio_sqlite3_finalize($0.statement) }
            statements.removeAll()
        }
        statements[sql] = Prepared(statement: statement, columns: columns)
        return (statement, columns)
    }

    private static func columns(of statement: OpaquePointer) -> [String] {
        (0..<sqlite_nio_sqlite3_column_count(statement)).map { String(cString: sqlite_nio_sqlite3_column_name(statement, $0)) }
    }

    private func bind(_ value: SQLiteData, at index: Int32, to statement: OpaquePointer) -> Int32 {
        switch value {
        case .integer(let integer): return sqlite_nio_sqlite3_bind_int64(statement, index, Int64(integer))
        case .float(let double): return sqlite_nio_sqlite3_bind_double(statement, index, double)
        case .text(let text): return sqlite_nio_sqlite3_bind_text64(statement, index, text, UInt64(text.utf8.count), transient, UInt8(SQLITE_UTF8))
        case .blob(let buffer):
            return buffer.withUnsafeReadableBytes { sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), transient) }
        case .null: return sqlite_nio_sqlite3_bind_null(statement, index)
        }
    }

    private func value(at column: Int32, of statement: OpaquePointer) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER:
            return .integer(SQLiteInt64(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT:
            return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            guard let bytes = sqlite_nio_sqlite3_column_text(statement, column) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            guard let bytes = sqlite_nio_sqlite3_column_blob(statement, column) else { return .blob(ByteBuffer()) }
            return .blob(ByteBuffer(bytes: UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }

    private func check(_ status: Int32, _ database: OpaquePointer) throws {
        guard status == SQLITE_OK else { throw failure(status, database) }
    }

    private func failure(_ status: Int32, _ database: OpaquePointer) -> SQLiteFailure {
        SQLiteFailure(code: sqlite_nio_sqlite3_extended_errcode(database), message: String(cString: sqlite_nio_sqlite3_errmsg(database)))
    }
}

/// SQLite's own value for "copy the bytes now": the bound buffers do not outlive the call.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// An SQLite error with its extended result code.
struct SQLiteFailure: Error, CustomStringConvertible {
    let code: Int32
    let message: String

    var description: String { "SQLite error \(code): \(message)" }

    /// The primary code's family: constraint failures are 19, busy 5.
    var primary: Int32 { code & 0xFF }
}
