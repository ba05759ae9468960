import Foundation
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

@Suite struct AuthenticationTests {
    private func login(_ email: String, _ password: String = testPassword, organization: String? = nil) -> Authentication.Login {
        .init(email: email, password: password, organizationID: organization, remoteAddress: "192.0.2.1", kind: .api)
    }

    @Test(arguments: TestDatabase.available)
    func loginGrantsATokenThatIdentifiesTheCallerUntilLogout(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let authentication = Authentication(dependencies)
            let granted = try await authentication.logIn(login("  " + org.tutors[0].email.uppercased()))
            #expect(granted.user.id == org.tutors[0].id)
            let caller = try await authentication.caller(token: granted.token, kind: .api)
            #expect(caller?.userID == org.tutors[0].id)
            #expect(try await authentication.caller(token: granted.token, kind: .web) == nil, "an API token is not a web session")
            try await authentication.logOut(token: granted.token)
            #expect(try await authentication.caller(token: granted.token, kind: .api) == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func tokensExpire(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, clock in
            let authentication = Authentication(dependencies)
            let granted = try await authentication.logIn(login(org.admin.email))
            clock.advance(by: Authentication.apiTokenLifetime - 1)
            #expect(try await authentication.caller(token: granted.token, kind: .api) != nil)
            clock.advance(by: 1)
            #expect(try await authentication.caller(token: granted.token, kind: .api) == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func wrongPasswordsAndUnknownEmailsReadTheSame(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let authentication = Authentication(dependencies)
            var messages: [String] = []
            for attempt in [login(org.admin.email, "wrong password!"), login("nobody@nowhere.example")] {
                do {
                    _ = try await authentication.logIn(attempt)
                } catch let error as DomainError {
                    #expect(error.kind == .unauthenticated)
                    messages.append(error.message)
                }
            }
            #expect(messages.count == 2 && messages[0] == messages[1])
        }
    }

    @Test(arguments: TestDatabase.available)
    func fiveFailuresThrottleTheEmailAndASuccessLaterClearsThem(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, clock in
            let authentication = Authentication(dependencies)
            for _ in 0..<5 {
                await expectRefusal(.unauthenticated) { try await authentication.logIn(login(org.admin.email, "guess guess guess")) }
            }
            // Even the right password is refused while throttled.
            await expectRefusal(.rateLimited) { try await authentication.logIn(login(org.admin.email)) }
            clock.advance(by: 15 * 60)
            _ = try await authentication.logIn(login(org.admin.email))
            await expectRefusal(.unauthenticated) { try await authentication.logIn(login(org.admin.email, "guess again!!")) }
            _ = try await authentication.logIn(login(org.admin.email))
        }
    }

    @Test(arguments: TestDatabase.available)
    func oneEmailInTwoOrganizationsMustNameTheOrganization(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let first = try await TestOrganization.seed(in: store, now: testEpoch, domain: "both.example")
            let second = try await TestOrganization.seed(in: store, name: "Second", now: testEpoch, domain: "both.example")
            let authentication = Authentication(testDependencies(store, clock: TestClock(testEpoch)))
            await expectRefusal(.invalid) { try await authentication.logIn(login(first.admin.email)) }
            let granted = try await authentication.logIn(login(first.admin.email, organization: second.organization.id))
            #expect(granted.user.organizationID == second.organization.id)
        }
    }
}
