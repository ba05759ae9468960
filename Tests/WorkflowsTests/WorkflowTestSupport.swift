import Foundation
import Logging
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

/// Dependencies for workflows under test: a hand-set clock, fast bcrypt, real store.
func testDependencies(_ store: any Store, clock: TestClock) -> Dependencies {
    Dependencies(
        store: store, now: { clock.now }, passwords: PasswordHasher(cost: 4), publicBaseURL: "https://desk.test",
        logger: TestDatabase.logger)
}

/// Runs `body` with a migrated store of `database`, a seeded organization and workflow dependencies.
func withOrganization(
    _ database: TestDatabase, zone: String = "Europe/London", at start: Date = testEpoch,
    _ body: @Sendable (TestOrganization, Dependencies, TestClock) async throws -> Void
) async throws {
    try await database.withStore { store in
        let clock = TestClock(start)
        let organization = try await TestOrganization.seed(in: store, zone: zone, now: start)
        try await body(organization, testDependencies(store, clock: clock), clock)
    }
}

/// Expects `body` to be refused with a `DomainError` of `kind`.
func expectRefusal<T>(
    _ kind: DomainError.Kind, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
) async {
    do {
        _ = try await body()
        Issue.record("expected a refusal (\(kind)) but it succeeded. \(comment?.rawValue ?? "")", sourceLocation: sourceLocation)
    } catch let error as DomainError {
        #expect(error.kind == kind, "\(error.message) \(comment?.rawValue ?? "")", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a refusal (\(kind)), got \(error)", sourceLocation: sourceLocation)
    }
}
