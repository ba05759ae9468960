import Foundation
import TestSupport
import Testing

@testable import Storage

@Suite struct SQLiteWALFrameTests {
    struct Recovered: Decodable {
        let walFrames: Int
        let recovered: Int
        let integrity: String
        let rows: Int
        let bodyBytes: Int
    }

    /// Connections write each WAL frame's header and page at once (WALFrameWrites.c). Python's own
    /// SQLite, opening a copy of the files taken while the connection is open, must accept every
    /// frame of the WAL (recovery stops at the first one whose checksum fails) and find every row.
    /// Nothing checkpoints here, so the WAL holds every commit; a page cache of a few pages makes
    /// SQLite write pages to the WAL in the middle of a transaction and write them again, with new
    /// checksums, at its commit.
    @Test func anotherSQLiteRecoversEveryFrameOfTheWAL() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sessiondesk-wal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("live.sqlite").path
        let copy = folder.appendingPathComponent("copy.sqlite").path
        let joinedBefore = SQLiteHandle.joinedWALFrames
        let handle = try SQLiteHandle(path: path)
        defer { handle.close() }
        for pragma in ["journal_mode = WAL", "wal_autocheckpoint = 0", "cache_size = 8"] { _ = try handle.run("PRAGMA \(pragma)", []) }
        _ = try handle.run("CREATE TABLE notes (id INTEGER PRIMARY KEY, key TEXT NOT NULL, body TEXT NOT NULL)", [])
        _ = try handle.run("CREATE INDEX notes_by_key ON notes (key)", [])
        // Twenty small transactions, then one large enough to spill: random keys spread each over many pages.
        for rows in Array(repeating: 5, count: 20) + [100] {
            _ = try handle.run("BEGIN IMMEDIATE", [])
            for _ in 0..<rows {
                _ = try handle.run("INSERT INTO notes (key, body) VALUES (hex(randomblob(16)), printf('%0*d', 2000, random() % 1000))", [])
            }
            _ = try handle.run("COMMIT", [])
        }
        for suffix in ["", "-wal"] { try FileManager.default.copyItem(atPath: path + suffix, toPath: copy + suffix) }
        let joined = SQLiteHandle.joinedWALFrames - joinedBefore

        let read = try JSONDecoder().decode(Recovered.self, from: Data(try TestPython.run("storage/read_wal_copy.py", [copy]).utf8))
        #expect(read.walFrames > 100, "every commit's frames are still in the WAL")
        #expect(read.recovered == read.walFrames, "every frame's checksum holds")
        #expect(read.integrity == "ok")
        #expect(read.rows == 200)
        #expect(read.bodyBytes == 200 * 2000)
        #expect(joined >= read.walFrames, "frames went out as one write each")
    }
}
