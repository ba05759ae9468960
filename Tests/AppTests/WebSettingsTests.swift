import Foundation
import HummingbirdTesting
import Scheduling
import TestSupport
import Testing

/// The office's settings page: every setting explained, saved through the same rules as the API.
@Suite struct WebSettingsTests {
    typealias Visitor = WebRequestTests.Visitor

    @Test func theOfficeShortensTheNoticeAndTheParentsFreeTimesFollow() async throws {
        try await withAPI(.sqlite) { client, world in
            let office = try await WebRequestTests.visitor(client, world.ours.admin)
            let page = try await office.get("/settings")
            #expect(page.status == 200)
            #expect(page.body.contains("Parents can request sessions starting at least this many hours ahead. Default 72."))
            #expect(page.body.contains(#"name="requestNoticeHours" type="number" inputmode="numeric" value="72""#))

            var values = Self.fields(of: page.body)
            values["requestNoticeHours"] = "24"
            let saved = try await office.post("/settings", values, from: "/settings")
            #expect(saved.status == 302 && saved.headers[.location] == "/settings?saved=1")
            #expect(try await office.get("/settings?saved=1").body.contains("Saved."))

            let parent = try await WebRequestTests.visitor(client, world.ours.parents[0])
            let form = try await parent.get("/requests/new?engagement=\(world.ours.engagements[0].id)&date=2026-03-24")
            #expect(form.body.contains("at least 24 hours ahead"))
            #expect(form.body.contains(#"value="2026-03-24T10:00:00Z""#), "a slot a day ahead is now offered")
        }
    }

    @Test func badValuesAreNamedAndNothingIsSaved() async throws {
        try await withAPI(.sqlite) { client, world in
            let office = try await WebRequestTests.visitor(client, world.ours.admin)
            var values = Self.fields(of: try await office.get("/settings").body)
            values["requestNoticeHours"] = "soon"
            values["timeZone"] = "Mars/Olympus"
            let refused = try await office.post("/settings", values, from: "/settings")
            #expect(refused.status == 422)
            #expect(refused.body.contains("Request notice must be a whole number."))
            values["requestNoticeHours"] = "12"
            let zone = try await office.post("/settings", values, from: "/settings")
            #expect(zone.status == 422)
            #expect(zone.body.contains("is not an IANA time zone name"))
            #expect(try await office.get("/settings").body.contains(#"value="72""#), "nothing was saved")

            for user in [world.ours.tutors[0], world.ours.parents[0]] {
                let other = try await WebRequestTests.visitor(client, user)
                #expect(try await other.get("/settings").status == 403)
                #expect(try await other.post("/settings", values, from: "/").status == 403)
            }
        }
    }

    /// Every `name="…" … value="…"` pair and selected option of the settings form.
    static func fields(of html: String) -> [String: String] {
        var values: [String: String] = [:]
        let input = /<input id="(\w+)" name="\w+" type="(?:number|text)"[^>]* value="([^"]*)"/
        for match in html.matches(of: input) { values[String(match.1)] = String(match.2) }
        let select = /<select id="(\w+)"[^>]*>(.*?)<\/select>/
        for match in html.matches(of: select) {
            if let chosen = String(match.2).firstMatch(of: /<option value="([^"]*)" selected>/) { values[String(match.1)] = String(chosen.1) }
        }
        return values
    }
}
