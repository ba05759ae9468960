import Foundation
import HummingbirdTesting
import Scheduling
import Storage
import TestSupport
import Testing

/// Answering from the email: the links in the tutor's and the family's messages, opened (nothing
/// happens), used (the move happens, once), and refused when used, expired or another's.
@Suite struct ActionLinkTests {
    typealias Web = WebLoginTests

    /// The answer links in the newest message to `user` whose kind is `kind`: label → path.
    static func links(to user: User, kind: String, in world: APIWorld) async throws -> [String: String] {
        let messages = try await world.store.read { db in
            try await db.outboxMessages(organizationID: world.ours.organization.id, recipientID: user.id)
        }
        let body = try #require(messages.first { $0.kind == kind }?.body)
        var links: [String: String] = [:]
        for line in body.split(separator: "\n") where line.contains("https://desk.test/a/") {
            let parts = line.components(separatedBy: ": https://desk.test")
            links[parts[0]] = parts[1]
        }
        return links
    }

    @Test(arguments: TestDatabase.available)
    func theTutorAcceptsFromTheEmailOnce(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let asked = try await client.call(
                .post, "/api/v1/session-requests", token: world.token(ours.parents[0]),
                json: LifecycleAPITests.requestBody(ours.engagements[0].id, "2026-03-26T10:00:00Z", note: "Could we go over fractions?"))
            let id = try #require(asked.json["id"] as? String)
            let tutorLinks = try await Self.links(to: ours.tutors[0], kind: "requested", in: world)
            #expect(Set(tutorLinks.keys) == ["Accept", "Decline"])
            #expect(try await Self.links(to: ours.parents[0], kind: "requested", in: world).isEmpty, "the family cannot accept its own request")
            let accept = try #require(tutorLinks["Accept"])
            #expect(accept.count >= "/a/".count + 43, "a 256-bit token")
            let stored = try await world.store.read { db in
                try await db.sql.raw("SELECT token_hash FROM action_links").all().map { try $0.decode(column: "token_hash", as: String.self) }
            }
            #expect(!stored.contains(String(accept.dropFirst(3))), "only its hash is stored")

            let opened = try await Web.fetch(client, .get, accept)
            #expect(opened.status == 200 && opened.body.contains("Accept: Maths with Tutor Zero for Student Zero?"))
            #expect(opened.body.contains(#"value="Room 1""#) && opened.body.contains(#"value="In person""#))
            #expect(opened.body.contains("<p>Could we go over fractions?</p><footer>Parent Zero</footer>"), "the family's note is shown")
            #expect(!opened.body.contains("answering here answers as"))
            let office = try await WebRequestTests.visitor(client, ours.admin)
            #expect(
                try await office.get(accept).body.contains(
                    "This link was sent to Tutor Zero: answering here answers as Tutor Zero, not as you (Office)."),
                "a link opened while someone else is logged in says whose it is")
            #expect(
                try await client.call(.get, "/api/v1/session-requests/\(id)", token: world.token(ours.admin)).json["state"] as? String == "pending",
                "opening does nothing")

            let slip = try await Web.fetch(client, .post, accept, form: ["location": "", "sessionType": "In person"])
            #expect(slip.status == 422 && slip.body.contains("<form"), "a mistake keeps the link usable")
            let used = try await Web.fetch(client, .post, accept, form: ["location": "Room 2", "sessionType": "In person"])
            #expect(used.status == 200 && used.body.contains("Confirmed: Maths with Tutor Zero for Student Zero."))
            let after = try await client.call(.get, "/api/v1/session-requests/\(id)", token: world.token(ours.admin))
            #expect(after.json["state"] as? String == "accepted")

            let again = try await Web.fetch(client, .post, accept, form: ["location": "Room 2", "sessionType": "In person"])
            #expect(again.status == 410 && again.body.contains("This link was already used"))
            let answered = "This request was already accepted by Tutor Zero on Mon 23 Mar 2026."
            let declineLink = try #require(tutorLinks["Decline"])
            let declineOpened = try await Web.fetch(client, .get, declineLink)
            #expect(declineOpened.body.contains(answered) && !declineOpened.body.contains("<form"), "answered: no form, and by whom")
            let decline = try await Web.fetch(client, .post, declineLink, form: ["reason": "Too late"])
            #expect(decline.status == 410 && decline.body.contains(answered))
            let usedLinks = try await world.store.read { db in
                try await db.sql.raw("SELECT COUNT(*) AS n FROM action_links WHERE used_at IS NOT NULL").first()?.decode(column: "n", as: Int.self)
            }
            #expect(usedLinks == 1, "only the Accept link was used; opening the answered Decline link did not use it")
            let unknown = try await Web.fetch(client, .get, "/a/not-a-token")
            #expect(unknown.status == 404 && unknown.body.contains("This link is not one SessionDesk made, or it was copied incompletely."))
        }
    }

    @Test func theFamilyAnswersAProposalAndLinksExpireAtTheDeadline() async throws {
        try await withAPI(.sqlite) { client, world in
            let ours = world.ours
            for (start, proposal) in [("2026-03-26T10:00:00Z", "2026-03-27T14:00:00Z"), ("2026-03-30T10:00:00Z", "2026-03-31T14:00:00Z")] {
                let asked = try await client.call(
                    .post, "/api/v1/session-requests", token: world.token(ours.parents[0]),
                    json: LifecycleAPITests.requestBody(ours.engagements[0].id, start))
                let id = try #require(asked.json["id"] as? String)
                #expect(
                    try await client.call(
                        .post, "/api/v1/session-requests/\(id)/propose", token: world.token(ours.tutors[0]),
                        json: #"{"start":"\#(proposal)","note":"?"}"#
                    ).status == 200)
            }
            let links = try await Self.links(to: ours.parents[0], kind: "proposed", in: world)
            #expect(Set(links.keys) == ["Accept the proposed time", "Decline the proposed time"])
            let accepted = try await Web.fetch(client, .post, try #require(links["Accept the proposed time"]), form: [:])
            #expect(accepted.status == 200 && accepted.body.contains("Confirmed"))

            world.clock.advance(by: 14 * 86_400)
            let all = try await world.store.read { db in
                try await db.outboxMessages(organizationID: ours.organization.id, recipientID: ours.parents[0].id)
            }
            let olderBody = try #require(all.filter { $0.kind == "proposed" }.last?.body)
            let olderDecline = try #require(olderBody.split(separator: "\n").first { $0.hasPrefix("Decline the proposed time: ") })
            let path = String(olderDecline.dropFirst("Decline the proposed time: https://desk.test".count))
            let expired = try await Web.fetch(client, .get, path)
            #expect(expired.status == 410 && expired.body.contains("This link expired at") && expired.body.contains("Log in"))
        }
    }
}
