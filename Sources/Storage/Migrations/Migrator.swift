public import Foundation
import SQLKit
import Scheduling

/// Applies the migrations a database has not seen yet, each in its own transaction, recording
/// each in `schema_migrations`. Safe to run from several instances at once on PostgreSQL.
public struct Migrator: Sendable {
    let store: any Store
    let migrations: [Migration]

    public init(store: any Store, migrations: [Migration] = Migration.all) {
        self.store = store
        self.migrations = migrations
    }

    /// Returns the numbers of the migrations it applied.
    @discardableResult
    public func migrate(now: Date) async throws -> [Int] {
        try await store.write { db in
            try await db.lockSetup()
            try await db.sql.raw(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    number BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)
                """
            ).run()
        }
        var applied: [Int] = []
        for migration in migrations {
            let ran = try await store.write { db in
                try await db.lockSetup()
                let done = try await db.sql.raw("SELECT number FROM schema_migrations WHERE number = \(bind: migration.number)").first()
                guard done == nil else { return false }
                for statement in migration.statements(db.dialect) {
                    try await db.sql.raw(SQLQueryString(statement)).run()
                }
                try await db.sql.raw(
                    """
                    INSERT INTO schema_migrations (number, name, applied_at)
                    VALUES (\(bind: migration.number), \(bind: migration.name), \(bind: now.epochSeconds))
                    """
                ).run()
                return true
            }
            if ran { applied.append(migration.number) }
        }
        return applied
    }

    /// The highest migration applied, or nil on an empty database.
    public func currentVersion() async throws -> Int? {
        try await store.read { db in
            try await db.sql.raw("SELECT MAX(number) AS version FROM schema_migrations").first(decodingColumn: "version", as: Int?.self) ?? nil
        }
    }
}

extension DB {
    /// Makes instances that start together on one PostgreSQL database take turns at setting it up
    /// (migrations, the demo seed): an advisory lock, released when the transaction ends. SQLite's
    /// `BEGIN IMMEDIATE` already does.
    public func lockSetup() async throws {
        if dialect == .postgres {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: 7_240_001))").run()
        }
    }
}
