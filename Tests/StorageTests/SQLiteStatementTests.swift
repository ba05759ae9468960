import Foundation
import SQLKit
import Storage
import TestSupport
import Testing

@Suite struct SQLiteStatementTests {
    /// A connection keeps its prepared statements and their column names. A migration that adds a
    /// column to a table an earlier `SELECT *` read must still show that column to the next run of
    /// the same statement.
    @Test func aSelectAllPreparedBeforeAColumnWasAddedReadsTheNewColumn() async throws {
        try await TestDatabase.sqlite.withStore(migrated: false) { store in
            let columns: @Sendable () async throws -> [String] = {
                try await store.write { db in try await db.sql.raw("SELECT * FROM notes").all().first?.allColumns ?? [] }
            }
            try await store.write { db in
                try await db.sql.raw("CREATE TABLE notes (body TEXT NOT NULL)").run()
                try await db.sql.raw("INSERT INTO notes (body) VALUES ('first')").run()
            }
            #expect(try await columns() == ["body"])
            try await store.write { db in try await db.sql.raw("ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'office'").run() }
            #expect(try await columns() == ["body", "author"])
            let author = try await store.write { db in
                try await db.sql.raw("SELECT * FROM notes").all().first?.decode(column: "author", as: String.self)
            }
            #expect(author == "office")
        }
    }

    /// Values bound without sqlite-kit's encoder (text, integers, flags, numbers, absent values)
    /// come back as they went in.
    @Test func commonBoundValuesRoundTrip() async throws {
        try await TestDatabase.sqlite.withStore(migrated: false) { store in
            let row = try await store.write { db in
                try await db.sql.raw("CREATE TABLE kept (t TEXT, i INTEGER, l INTEGER, b INTEGER, d REAL, n TEXT, m INTEGER)").run()
                let absentText: String? = nil, absentNumber: Int64? = nil, someText: String? = "given"
                try await db.sql.raw(
                    """
                    INSERT INTO kept VALUES (\(bind: "Zoë"), \(bind: 42), \(bind: Int64(1) << 40), \(bind: true), \(bind: 2.5),
                    \(bind: absentText), \(bind: absentNumber))
                    """
                ).run()
                try await db.sql.raw("UPDATE kept SET n = \(bind: someText) WHERE i = 42").run()
                return try await db.sql.raw("SELECT * FROM kept").all().first
            }
            let kept = try #require(row)
            #expect(try kept.decode(column: "t", as: String.self) == "Zoë")
            #expect(try kept.decode(column: "i", as: Int.self) == 42)
            #expect(try kept.decode(column: "l", as: Int64.self) == 1 << 40)
            #expect(try kept.decode(column: "b", as: Bool.self))
            #expect(try kept.decode(column: "d", as: Double.self) == 2.5)
            #expect(try kept.decode(column: "n", as: String?.self) == "given")
            #expect(try kept.decodeNil(column: "m"))
        }
    }
}
