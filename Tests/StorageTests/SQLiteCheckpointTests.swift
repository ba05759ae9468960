import Foundation
import SQLKit
import Storage
import TestSupport
import Testing

@Suite struct SQLiteCheckpointTests {
    /// The writer no longer copies the WAL into the database file itself until the WAL is large; the
    /// checkpointer does, shortly after a commit. The database file alone (read from a copy made
    /// without its WAL) must hold a committed row, which only a checkpoint puts there.
    @Test func committedRowsReachTheDatabaseFileWithoutWaitingForALargeWAL() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sessiondesk-checkpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("live.sqlite").path
        let store = try await SQLiteStore.open(path: path, logger: TestDatabase.logger)
        try await store.write { db in try await db.sql.raw("CREATE TABLE notes (body TEXT NOT NULL)").run() }
        try await store.write { db in try await db.sql.raw("INSERT INTO notes (body) VALUES ('checkpointed')").run() }

        var found = false
        for attempt in 0..<100 where !found {
            if attempt > 0 { try await Task.sleep(for: .milliseconds(100)) }
            found = try await Self.databaseFileAlone(path, copiedTo: folder.appendingPathComponent("copy-\(attempt).sqlite").path)
                .contains("checkpointed")
        }
        try await store.close()
        #expect(found, "the row stayed in the WAL: nothing checkpointed it")
    }

    /// What the database file holds without its WAL: a copy of the file alone, opened on its own.
    private static func databaseFileAlone(_ path: String, copiedTo copy: String) async throws -> [String] {
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let snapshot = try await SQLiteStore.open(path: copy, logger: TestDatabase.logger)
        let bodies = try await snapshot.read { db in
            let tables = try await db.sql.raw("SELECT name FROM sqlite_master WHERE name = 'notes'").all()
            guard !tables.isEmpty else { return [String]() }
            return try await db.sql.raw("SELECT body FROM notes").all().map { try $0.decode(column: "body", as: String.self) }
        }
        try await snapshot.close()
        return bodies
    }
}
