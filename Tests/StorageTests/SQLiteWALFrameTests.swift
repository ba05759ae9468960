import Foundation
import SQLKit
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

    /// The writer's connection writes each WAL frame's header and page at once (WALFrameWrites.c).
    /// Python's own SQLite, opening a copy of the files taken while the store is open, must accept
    /// every frame in the WAL (recovery stops at the first one whose checksum fails) and find every
    /// committed row.
    @Test func anotherSQLiteRecoversEveryFrameOfTheWAL() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sessiondesk-wal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("live.sqlite").path
        let copy = folder.appendingPathComponent("copy.sqlite").path
        let store = try await SQLiteStore.open(path: path, logger: TestDatabase.logger)
        let joinedBefore = SQLiteHandle.joinedWALFrames
        try await store.write { db in
            try await db.sql.raw("CREATE TABLE notes (id INTEGER PRIMARY KEY, key TEXT NOT NULL, body TEXT NOT NULL)").run()
            try await db.sql.raw("CREATE INDEX notes_by_key ON notes (key)").run()
        }
        // Concurrent transactions commit together, and random keys spread each commit over many pages.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    try await store.write { db in
                        let body = String(repeating: "é\(index) ", count: 300)
                        try await db.sql.raw("INSERT INTO notes (key, body) VALUES (\(bind: UUID().uuidString), \(bind: body))").run()
                    }
                }
            }
            try await group.waitForAll()
        }
        // Inside a write transaction nobody else writes the WAL while it is copied.
        try await store.write { _ in
            for suffix in ["", "-wal"] { try FileManager.default.copyItem(atPath: path + suffix, toPath: copy + suffix) }
        }
        let joined = SQLiteHandle.joinedWALFrames - joinedBefore
        try await store.close()

        let read = try JSONDecoder().decode(Recovered.self, from: Data(try TestPython.run("storage/read_wal_copy.py", [copy]).utf8))
        #expect(read.walFrames > 100, "the rows must still be in the WAL for the test to read it")
        #expect(read.recovered == read.walFrames, "every frame's checksum holds")
        #expect(read.integrity == "ok")
        #expect(read.rows == 200)
        #expect(read.bodyBytes == (0..<200).reduce(0) { $0 + String(repeating: "é\($1) ", count: 300).count })
        #expect(joined >= read.walFrames, "frames went out as one write each")
    }
}
