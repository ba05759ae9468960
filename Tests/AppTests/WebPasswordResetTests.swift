import Foundation
import HummingbirdTesting
import Scheduling
import Storage
import TestSupport
import Testing

/// "Forgot your password?": a one-time link by email, no hint whether an account exists, and
/// every other session ended once the new password is set.
@Suite struct WebPasswordResetTests {
    typealias Web = WebLoginTests

    /// Asks for a link for `email` through the form; returns the page.
    static func ask(_ client: some TestClientProtocol, _ email: String) async throws -> Web.Page {
        let form = try await Web.fetch(client, .get, "/password-reset")
        return try await Web.fetch(
            client, .post, "/password-reset", cookies: ["sessiondesk_login": try #require(form.cookie("sessiondesk_login"))],
            form: ["email": email, "csrf": try #require(form.csrfField)])
    }

    static func resetLinks(_ world: APIWorld, for user: User) async throws -> [String] {
        try await world.store.read { db in try await db.outboxMessages(organizationID: user.organizationID, recipientID: user.id) }
            .filter { $0.kind == "password_reset" }
            .compactMap { $0.body.firstMatch(of: /https:\/\/desk\.test(\/password-reset\/[A-Za-z0-9_-]+)/).map { String($0.1) } }
    }

    @Test func aParentResetsTheirPasswordOnceAndIsLoggedOutElsewhere() async throws {
        try await withAPI(.sqlite) { client, world in
            let parent = world.ours.parents[0]
            let oldSession = try await Web.logIn(client, parent)

            let unknown = try await Self.ask(client, "nobody@nowhere.example")
            let known = try await Self.ask(client, parent.email.uppercased())
            #expect(unknown.status == 200 && known.status == 200)
            let answer = "a link to choose a new password is on its way"
            #expect(unknown.body.contains(answer) && known.body.contains(answer), "the same answer whether or not the account exists")
            let links = try await Self.resetLinks(world, for: parent)
            #expect(links.count == 1)
            let link = try #require(links.first)

            let form = try await Web.fetch(client, .get, link)
            #expect(form.body.contains("Parent Zero, choose a new password."))
            let cookie = try #require(form.cookie("sessiondesk_login"))
            let short = try await Web.fetch(
                client, .post, link, cookies: ["sessiondesk_login": cookie], form: ["password": "short", "csrf": try #require(form.csrfField)])
            #expect(short.status == 422 && short.body.contains(#"name="password""#), "the form stays for another try")
            let done = try await Web.fetch(
                client, .post, link, cookies: ["sessiondesk_login": cookie],
                form: ["password": "a much better password", "csrf": try #require(form.csrfField)])
            #expect(done.status == 303 && done.cookie("sessiondesk_session") != nil)

            let stale = try await Web.fetch(client, .get, "/", cookies: ["sessiondesk_session": oldSession])
            #expect(stale.status == 303, "the session from before the reset has ended")
            _ = try await Web.logIn(client, parent, password: "a much better password")
            let again = try await Web.fetch(client, .get, link)
            #expect(again.status == 409 && again.body.contains("This link was already used."))
        }
    }

    @Test func atMostThreeLinksAnHourAndThenTheyExpire() async throws {
        try await withAPI(.sqlite) { client, world in
            let tutor = world.ours.tutors[0]
            for _ in 0..<5 { _ = try await Self.ask(client, tutor.email) }
            let links = try await Self.resetLinks(world, for: tutor)
            #expect(links.count == 3)
            var usable: [String] = []
            for link in links where try await Web.fetch(client, .get, link).status == 200 { usable.append(link) }
            #expect(usable.count == 1, "each new link replaces the ones before")
            world.clock.advance(by: 3601)
            let expired = try await Web.fetch(client, .get, try #require(usable.first))
            #expect(expired.status == 409 && expired.body.contains("This link expired at"))
            #expect(try await Web.fetch(client, .get, "/password-reset/not-a-link").status == 404)
        }
    }
}
