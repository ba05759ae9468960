import App
import Foundation
import SQLKit
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

@Suite struct DemoOrganizationTests {
    /// Instances started together with `--demo` on one empty database (as two `serve` processes on
    /// one PostgreSQL do): one seeds, the others find it seeded, none fails.
    @Test(arguments: TestDatabase.available)
    func instancesStartingTogetherSeedTheDemoOnce(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let seeded = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        let dependencies = Dependencies(
                            store: store, now: { testEpoch }, passwords: PasswordHasher(cost: 4), publicBaseURL: "http://127.0.0.1:8080",
                            logger: TestDatabase.logger)
                        return try await DemoOrganization.seedIfEmpty(dependencies) != nil
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(seeded.filter { $0 }.count == 1)
            let organizations = try await store.read { db in
                try await db.sql.raw("SELECT COUNT(*) AS n FROM organizations").first(decodingColumn: "n", as: Int.self)
            }
            #expect(organizations == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theDemoIsStableRealisticAndSeededOnce(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let dependencies = Dependencies(
                store: store, now: { testEpoch }, passwords: PasswordHasher(cost: 4), publicBaseURL: "http://127.0.0.1:8080",
                logger: TestDatabase.logger)
            let demo = try #require(try await DemoOrganization.seedIfEmpty(dependencies))
            #expect(try await DemoOrganization.seedIfEmpty(dependencies) == nil, "serve --demo seeds only an empty database")
            let again = try await DemoOrganization.seed(dependencies)
            #expect(again.organization == demo.organization && again.sessionCount == demo.sessionCount, "seeding twice changes nothing")

            let emails = demo.logins.map(\.email)
            let documented =
                ["office@northside.example"] + (1...5).map { "tutor\($0)@northside.example" } + (1...12).map { "parent\($0)@northside.example" }
            #expect(emails == documented, "the README lists these logins")
            #expect(demo.organization.timeZone.identifier == "Europe/London")
            #expect(demo.studentCount == 20)

            let id = demo.organization.id
            let (parents, engagements, students) = try await store.read { db in
                (
                    try await db.users(organizationID: id, role: .parent), try await db.engagements(organizationID: id),
                    try await db.students(organizationID: id)
                )
            }
            #expect(parents.allSatisfy { $0.canRequestSessions }, "every demo parent can request sessions")
            let familyOf = Dictionary(uniqueKeysWithValues: students.map { ($0.id, $0.guardianIDs[0]) })
            for tutor in Set(engagements.map(\.tutorID)) {
                let taught = engagements.filter { $0.tutorID == tutor }
                #expect(Set(taught.map(\.studentID)).count >= 2)
                #expect(Set(taught.compactMap { familyOf[$0.studentID] }).count >= 2)
            }
            for parent in parents {
                let granted = try await Authentication(dependencies).logIn(
                    .init(email: parent.email, password: DemoOrganization.password, remoteAddress: "test", kind: .api))
                #expect(granted.user.id == parent.id)
            }
            let requests = try await store.read { db in try await db.requests(organizationID: id, filter: .init()) }
            #expect(requests.map(\.state) == [.expired], "one request nobody answered, to show the expired state")
            #expect(requests.first?.parentID == parents.first { $0.email == "parent1@northside.example" }?.id)
            #expect(requests.allSatisfy { $0.heldTime == nil && $0.respondBy < $0.requestedTime.start }, "it holds no time, and was due before it")
            #expect(demo.sessionCount > 100)
            let queued = try await store.read { db in try await db.jobCounts() }[.queued, default: 0]
            #expect(queued > 20, "the demo's coming sessions have their morning reminders waiting")
        }
    }

    @Test func everyDemoParentHasFreeSlotsToRequest() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let dependencies = Dependencies(
                store: store, now: { testEpoch }, passwords: PasswordHasher(cost: 4), publicBaseURL: "http://127.0.0.1:8080",
                logger: TestDatabase.logger)
            let demo = try await DemoOrganization.seed(dependencies)
            let parents = try await store.read { db in try await db.users(organizationID: demo.organization.id, role: .parent) }
            let today = demo.organization.localDate(of: testEpoch)
            for parent in parents {
                let caller = Caller(user: parent)
                let engagements = try await Directory(dependencies).engagements(for: caller)
                let first = try #require(engagements.first)
                let slots = try await FreeSlotListing(dependencies).slots(
                    engagementID: first.id, from: today, to: today.adding(days: 13), for: caller)
                #expect(!slots.slots.isEmpty, "\(parent.email)")
            }
        }
    }
}
