import Foundation
import SQLKit
import Scheduling
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

@Suite struct SessionMoneyMigrationTests {
    /// Migration 23 gives the sessions booked before it their engagement's rates: the places are
    /// emptied back to the state it found them in, and its back-filling statements run again.
    @Test(arguments: TestDatabase.available)
    func existingSessionsTakeTheirEngagementsRates(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            let engagement = org.engagements[2]
            let session = Session(
                id: "before-23", organizationID: org.organization.id, tutorID: engagement.tutorID, students: [SessionStudent(through: engagement)],
                subjectID: engagement.subjectID, engagementID: engagement.id, time: TimeRange(start: testEpoch, minutes: 60), status: .completed,
                location: "", sessionType: "Online")
            try await store.write { db in
                try await db.insertSession(session, now: testEpoch)
                try await db.sql.raw(
                    "UPDATE session_students SET engagement_id = NULL, client_id = NULL, client_rate_per_hour = 0, tutor_pay_rate_per_hour = 0"
                ).run()
                let migration = try #require(Migration.all.first { $0.number == 23 })
                for statement in migration.statements(db.dialect) where statement.hasPrefix("UPDATE") {
                    try await db.sql.raw(SQLQueryString(statement)).run()
                }
            }
            let restored = try await store.read { db in try await db.session(id: "before-23", organizationID: org.organization.id) }
            #expect(restored?.students == [SessionStudent(through: engagement)])
            #expect(restored?.students.first?.clientID == org.parents[1].id)
        }
    }
}
