import Foundation
import HummingbirdTesting
import Scheduling
import TestSupport
import Testing

/// Requesting and answering through the web forms: the same rules as the API, said on the page.
@Suite struct WebRequestTests {
    typealias Web = WebLoginTests

    /// A signed-in person: their session cookie and the page they last saw.
    struct Visitor {
        let client: any TestClientProtocol
        let session: String

        func get(_ path: String) async throws -> Web.Page {
            try await Web.fetch(client, .get, path, cookies: ["sessiondesk_session": session])
        }

        /// Posts `form` with the CSRF token of the page at `from`.
        func post(_ path: String, _ form: [String: String], from: String) async throws -> Web.Page {
            let page = try await get(from)
            let csrf = try #require(page.csrfField)
            var form = form
            form["csrf"] = csrf
            return try await Web.fetch(client, .post, path, cookies: ["sessiondesk_session": session], form: form)
        }
    }

    static func visitor(_ client: some TestClientProtocol, _ user: User) async throws -> Visitor {
        Visitor(client: client, session: try await Web.logIn(client, user))
    }

    @Test(arguments: TestDatabase.available)
    func aParentRequestsTheTutorProposesAndTheParentAccepts(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let parent = try await Self.visitor(client, world.ours.parents[0])
            let engagement = world.ours.engagements[0].id
            let form = try await parent.get("/requests/new?engagement=\(engagement)&date=2026-03-26")
            #expect(form.status == 200)
            #expect(form.body.contains("Requests must be made at least 72 hours ahead: the earliest is Thu 26 Mar 10:00 GMT."))
            #expect(form.body.contains(#"value="2026-03-26T10:00:00Z""#), "the first free slot after the notice")
            #expect(!form.body.contains(#"value="2026-03-26T09:00:00Z""#), "inside the notice period")
            #expect(form.body.contains("Times are in Europe/London (GMT)."))

            let sent = try await parent.post(
                "/requests", ["engagement": engagement, "start": "2026-03-26T10:00:00Z", "note": "Fractions, please"],
                from: "/requests/new?engagement=\(engagement)")
            #expect(sent.status == 302)
            let link = try #require(sent.headers[.location])
            let pending = try await parent.get(link)
            #expect(pending.body.contains("Waiting for the tutor"))
            #expect(pending.body.contains("Thu 26 Mar 10:00–11:00 GMT"))
            #expect(pending.body.contains("The tutor answers by Thu 26 Mar 00:00 GMT (auto-declines in 2 days 14 h)."))
            #expect(pending.body.contains("Fractions, please"))
            #expect(pending.body.contains("/withdraw\""), "the family may withdraw")
            #expect(!pending.body.contains("/accept\""), "only the tutor or office makes the session")

            let tutor = try await Self.visitor(client, world.ours.tutors[0])
            let home = try await tutor.get("/")
            #expect(home.body.contains(#"<q class="note">Fractions, please</q>"#), "the family's note, on the tutor's dashboard")
            #expect(home.body.contains("auto-declines in 2 days 14 h"))
            let answer = try await tutor.get(link + "?date=2026-03-27")
            #expect(answer.body.contains("Make session") && answer.body.contains("Propose this time") && answer.body.contains("Decline request"))
            #expect(answer.body.contains(#"value="2026-03-27T14:00:00Z""#), "the tutor picks from their own free slots")
            let proposed = try await tutor.post(
                link + "/propose", ["start": "2026-03-27T14:00:00Z", "note": "Friday suits me better"], from: link)
            #expect(proposed.status == 302 && proposed.headers[.location] == link + "?done=propose")
            let told = try await tutor.get(link + "?done=propose")
            #expect(
                told.body.contains(
                    #"<p class="notice" role="status">You proposed Fri 27 Mar 14:00 GMT; Parent Zero and the office have been told.</p>"#))

            let choice = try await parent.get(link)
            #expect(choice.body.contains("Another time was proposed: waiting for the family"))
            #expect(choice.body.contains("Accept Fri 27 Mar 14:00–15:00 GMT"))
            #expect(choice.body.contains("Friday suits me better"))
            let note = try #require(choice.body.range(of: "Friday suits me better")), forms = try #require(choice.body.range(of: "Your answer"))
            #expect(note.lowerBound < forms.lowerBound, "the tutor's note is read before the forms")
            #expect(choice.body.contains("/decline-proposal\"") && !choice.body.contains("/withdraw\""), "declining the time withdraws: one form")
            let familyHome = try await parent.get("/")
            #expect(
                familyHome.body.contains(#"<q class="note">Friday suits me better</q>"#), "the family's dashboard quotes the tutor, not themselves")
            let accepted = try await parent.post(link + "/accept-proposal", [:], from: link)
            #expect(accepted.status == 302)
            let done = try await parent.get(try #require(accepted.headers[.location]))
            #expect(done.body.contains("Accepted") && done.body.contains("See the session"))
            #expect(done.body.contains("You accepted the request: the session is booked; Tutor Zero and the office have been told."))
            #expect(done.body.contains("Accepted by Parent Zero on Mon 23 Mar 10:00 GMT.") && !done.body.contains("already"))
            // The same address in another's hands, or a stale `done`, claims nothing.
            #expect(!(try await tutor.get(link + "?done=accept-proposal")).body.contains("You accepted"))
            #expect(!(try await parent.get(link + "?done=withdraw")).body.contains("You withdrew"))
            #expect(!done.body.contains("<blockquote></blockquote>"), "a move without words shows no empty quote")
            let after = try await tutor.get("/")
            #expect(after.body.contains("Fri 27 Mar 14:00 GMT"), "the session is on the tutor's dashboard")
        }
    }

    /// The family answers a proposal with a time of their own: the tutor's page shows only that
    /// time, and making the session says which time it books.
    @Test func aReplyWithAnotherTimeReplacesTheProposalOnTheTutorsPage() async throws {
        try await withAPI(.sqlite) { client, world in
            let parent = try await Self.visitor(client, world.ours.parents[0])
            let tutor = try await Self.visitor(client, world.ours.tutors[0])
            let engagement = world.ours.engagements[0].id
            let sent = try await parent.post(
                "/requests", ["engagement": engagement, "start": "2026-03-26T10:00:00Z"], from: "/requests/new?engagement=\(engagement)")
            let link = try #require(sent.headers[.location])
            _ = try await tutor.post(link + "/propose", ["start": "2026-03-27T14:00:00Z", "note": "Friday?"], from: link)
            let replied = try await parent.post(link + "/reply", ["start": "2026-03-27T11:00:00Z", "message": "Earlier, please"], from: link)
            #expect(replied.status == 302)
            let page = try await tutor.get(link)
            #expect(!page.body.contains("Proposed instead") && page.body.contains("<dt>Asked for</dt><dd>Fri 27 Mar 11:00–12:00 GMT</dd>"))
            #expect(page.body.contains("<h3>Make the session for Fri 27 Mar 11:00–12:00 GMT</h3>"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func refusalsAreSaidOnThePageAndChangeNothing(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let parent = try await Self.visitor(client, world.ours.parents[0])
            let engagement = world.ours.engagements[0].id
            let tooSoon = try await parent.get("/requests/new?engagement=\(engagement)&date=2026-03-24")
            #expect(
                tooSoon.body.contains(
                    #"<p class="error" role="alert">Requests must be made at least 72 hours ahead: the earliest is Thu 26 Mar 10:00 GMT.</p>"#))
            #expect(!tooSoon.body.contains(#"type="radio""#), "no times inside the notice are offered")
            let tooFar = try await parent.get("/requests/new?engagement=\(engagement)&date=2028-03-27")
            #expect(tooFar.body.contains("Sessions can be booked up to two years ahead: the latest date is Fri 24 Mar 2028."))
            #expect(!tooFar.body.contains(#"type="radio""#), "no times past the booking window are offered")
            let early = try await parent.post(
                "/requests", ["engagement": engagement, "start": "2026-03-24T10:00:00Z"], from: "/requests/new?engagement=\(engagement)")
            #expect(early.status == 422)
            #expect(early.body.contains("Requests must be made at least 72 hours ahead: the earliest is Thu 26 Mar 10:00 GMT."))

            let first = try await parent.post(
                "/requests", ["engagement": engagement, "start": "2026-03-26T10:00:00Z"], from: "/requests/new?engagement=\(engagement)")
            #expect(first.status == 302)
            let link = try #require(first.headers[.location])
            let tutor = try await Self.visitor(client, world.ours.tutors[0])
            let noReason = try await tutor.post(link + "/decline", ["reason": "  "], from: link)
            #expect(noReason.status == 422)
            #expect(try await parent.get(link).body.contains("Waiting for the tutor"), "still pending")

            let forged = try await Web.fetch(
                client, .post, link + "/withdraw", cookies: ["sessiondesk_session": parent.session], form: ["csrf": "guessed"])
            #expect(forged.status == 403)
            #expect(try await parent.get(link).body.contains("Waiting for the tutor"), "a forged form changes nothing")

            let stranger = try await Self.visitor(client, world.theirs.parents[0])
            let foreign = try await stranger.get(link)
            #expect(foreign.status == 404)
            #expect(foreign.body.contains("This page does not exist, or it is not one you can see."))
            let otherFamily = try await Self.visitor(client, world.ours.parents[1])
            #expect(try await otherFamily.get(link).status == 404, "another family's request reads as missing")
        }
    }

    @Test func whatPeopleWriteIsShownInert() async throws {
        try await withAPI(.sqlite) { client, world in
            let parent = try await Self.visitor(client, world.ours.parents[0])
            let engagement = world.ours.engagements[0].id
            let sent = try await parent.post(
                "/requests", ["engagement": engagement, "start": "2026-03-26T10:00:00Z", "note": "<script>alert(1)</script>"],
                from: "/requests/new?engagement=\(engagement)")
            let page = try await parent.get(try #require(sent.headers[.location]))
            #expect(!page.body.contains("<script>alert(1)</script>"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }
}
