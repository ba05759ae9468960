import Foundation
import SQLKit
import Storage
import TestSupport
import Testing

@Suite struct SQLiteDurabilityTests {
    /// A commit answered as done is on disk, also after a power cut: `synchronous = FULL` unless the
    /// database URL asks for `normal`.
    @Test func commitsReachTheDiskBeforeTheyAreAnsweredUnlessTheURLSaysOtherwise() async throws {
        for (url, expected) in [("sqlite:%@", 2), ("sqlite:%@?synchronous=normal", 1), ("sqlite:%@?synchronous=FULL", 2)] {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("sessiondesk-sync-\(UUID().uuidString).sqlite").path
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            let store = try await DatabaseLocation(url: String(format: url, path)).open(logger: TestDatabase.logger)
            let (writer, reader) = (
                try await store.write { db in try await db.sql.raw("PRAGMA synchronous").first(decodingColumn: "synchronous", as: Int.self) },
                try await store.read { db in try await db.sql.raw("PRAGMA synchronous").first(decodingColumn: "synchronous", as: Int.self) }
            )
            try await store.close()
            #expect(writer == expected && reader == expected, "\(url)")
        }
        #expect(throws: DatabaseLocationError.self) { try DatabaseLocation(url: "sqlite:x.sqlite?synchronous=off") }
        #expect(throws: DatabaseLocationError.self) { try DatabaseLocation(url: "sqlite:x.sqlite?journal=delete") }
    }

    /// The disk fills up under concurrent writes (SQLite's `max_page_count` stands in for a full
    /// disk: the same `SQLITE_FULL` at the same places). Every write told it succeeded is in the
    /// file afterwards, whole; every write told it failed left nothing.
    @Test func aFullDiskUnderLoadTellsEveryWriterTheTruth() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sessiondesk-full-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try await SQLiteStore.open(path: path, logger: TestDatabase.logger)
        try await store.write { db in
            try await db.sql.raw("CREATE TABLE notes (id TEXT PRIMARY KEY, part TEXT NOT NULL, body TEXT NOT NULL)").run()
        }
        let pages = try await store.write { db in
            let used = try await db.sql.raw("PRAGMA page_count").first(decodingColumn: "page_count", as: Int.self) ?? 0
            // A connection setting that outlives the transaction: room for a few dozen writes only.
            try await db.sql.raw("PRAGMA max_page_count = \(unsafeRaw: String(used + 60))").run()
            return used + 60
        }
        #expect(pages > 60)

        // Each write stores two rows (the move and its trail, as it were), 1 to 6 KB each.
        let answers = await withTaskGroup(of: [(String, Bool)].self) { group in
            for writer in 0..<32 {
                group.addTask {
                    var told: [(String, Bool)] = []
                    for attempt in 0..<12 {
                        let id = "w\(writer)-\(attempt)"
                        let body = String(repeating: "x", count: 1024 * (1 + (writer + attempt) % 6))
                        do {
                            try await store.write { db in
                                for part in ["move", "trail"] {
                                    try await db.sql.raw(
                                        "INSERT INTO notes (id, part, body) VALUES (\(bind: "\(id)-\(part)"), \(bind: part), \(bind: body))"
                                    )
                                    .run()
                                }
                            }
                            told.append((id, true))
                        } catch {
                            told.append((id, false))
                        }
                    }
                    return told
                }
            }
            var all: [(String, Bool)] = []
            for await batch in group { all += batch }
            return all
        }
        try await store.close()

        let succeeded = Set(answers.filter { $0.1 }.map { $0.0 })
        #expect(!succeeded.isEmpty && succeeded.count < answers.count, "the disk must fill part way: \(succeeded.count) of \(answers.count)")
        let reopened = try await SQLiteStore.open(path: path, logger: TestDatabase.logger)
        let rows = try await reopened.read { db in try await db.sql.raw("SELECT id FROM notes").all(decodingColumn: "id", as: String.self) }
        try await reopened.close()
        let stored = Set(rows)
        for (id, ok) in answers {
            let whole = stored.contains("\(id)-move") && stored.contains("\(id)-trail")
            let none = !stored.contains("\(id)-move") && !stored.contains("\(id)-trail")
            #expect(ok ? whole : none, "\(id) was answered \(ok ? "saved" : "failed")")
        }
    }

    /// The same on a file system that really fills up (a 2 MB tmpfs this test mounts; it needs the
    /// right to mount, and is skipped without: the test above covers the rule everywhere). The
    /// writer's page cache is a few pages, so pages spill to
    /// the WAL in the middle of transactions and `SQLITE_FULL` comes from statements as well as from
    /// commits: after some of those SQLite rolls back the whole transaction, which several writes
    /// share, and each of them must hear that it failed.
    @Test func aFullFileSystemUnderLoadTellsEveryWriterTheTruth() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sessiondesk-tmpfs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard Command.succeeds("/bin/mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", folder]) else { return }
        defer { _ = Command.succeeds("/bin/umount", [folder]) }
        let path = folder + "/full.sqlite"
        let store = try await SQLiteStore.open(path: path, readers: 1, logger: TestDatabase.logger)
        try await store.write { db in
            try await db.sql.raw("CREATE TABLE notes (id TEXT PRIMARY KEY, part TEXT NOT NULL, body TEXT NOT NULL)").run()
            try await db.sql.raw("PRAGMA cache_size = 8").run()
        }
        let answers = await withTaskGroup(of: [(String, Bool)].self) { group in
            for writer in 0..<32 {
                group.addTask {
                    var told: [(String, Bool)] = []
                    for attempt in 0..<40 {
                        let id = "w\(writer)-\(attempt)"
                        let body = String(repeating: "y", count: 2048 * (1 + (writer * 7 + attempt) % 5))
                        do {
                            try await store.write { db in
                                for part in ["move", "trail"] {
                                    try await db.sql.raw(
                                        "INSERT INTO notes (id, part, body) VALUES (\(bind: "\(id)-\(part)"), \(bind: part), \(bind: body))"
                                    ).run()
                                }
                            }
                            told.append((id, true))
                        } catch {
                            told.append((id, false))
                        }
                    }
                    return told
                }
            }
            var all: [(String, Bool)] = []
            for await batch in group { all += batch }
            return all
        }
        try await store.close()

        let succeeded = answers.filter { $0.1 }.count
        #expect(succeeded > 0 && succeeded < answers.count, "the file system must fill part way: \(succeeded) of \(answers.count)")
        let reopened = try await SQLiteStore.open(path: path, readers: 1, logger: TestDatabase.logger)
        let stored = Set(
            try await reopened.read { db in try await db.sql.raw("SELECT id FROM notes").all(decodingColumn: "id", as: String.self) })
        try await reopened.close()
        for (id, ok) in answers {
            let whole = stored.contains("\(id)-move") && stored.contains("\(id)-trail")
            let none = !stored.contains("\(id)-move") && !stored.contains("\(id)-trail")
            #expect(ok ? whole : none, "\(id) was answered \(ok ? "saved" : "failed")")
        }
    }
}
