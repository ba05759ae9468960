import Foundation
import SQLKit
import Storage
import TestSupport
import Testing

@Suite struct MigrationTests {
    @Test(arguments: TestDatabase.available)
    func appliesEveryMigrationOnceAndRecordsIt(_ database: TestDatabase) async throws {
        try await database.withStore(migrated: false) { store in
            let migrator = Migrator(store: store)
            let firstRun = try await migrator.migrate(now: Date())
            #expect(firstRun == Migration.all.map(\.number))
            let secondRun = try await migrator.migrate(now: Date())
            #expect(secondRun.isEmpty)
            let version = try await migrator.currentVersion()
            #expect(version == Migration.all.last?.number)
            let numbers = Migration.all.map(\.number)
            #expect(numbers == Array(1...numbers.count), "migrations are numbered 1, 2, 3… without gaps")
        }
    }

    @Test(arguments: TestDatabase.available)
    func instancesStartingTogetherMigrateOnce(_ database: TestDatabase) async throws {
        try await database.withStore(migrated: false) { store in
            let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
                for _ in 0..<6 { group.addTask { try await Migrator(store: store).migrate(now: Date()) } }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(applied.sorted() == Migration.all.map(\.number))
            let rows = try await store.read { db in
                try await db.sql.raw("SELECT COUNT(*) AS n FROM schema_migrations").first(decodingColumn: "n", as: Int.self)
            }
            #expect(rows == Migration.all.count)
        }
    }
}

@Suite struct PostgresRequiredTests {
    /// CI must exercise PostgreSQL; a missing cluster there is a failure, not a silent skip.
    @Test func ciRunsThePostgresHalf() {
        if TestDatabase.isCI {
            #expect(
                TestDatabase.postgresAvailable, "CI=true but SESSIONDESK_TEST_POSTGRES_URL is not set: run the suite through scripts/with-postgres.sh"
            )
        }
    }
}
