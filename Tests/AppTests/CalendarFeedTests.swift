import Foundation
import HummingbirdTesting
import Notifications
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

/// Each person's private ICS feed: their sessions only, the invitations' UIDs, a reset that kills
/// the old address; read back by Python's `icalendar`.
@Suite struct CalendarFeedTests {
    func path(of url: String) -> String { String(url.dropFirst("https://desk.test".count)) }

    @Test(arguments: TestDatabase.available)
    func aFeedShowsTheCallersSessionsUntilItIsReplaced(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let parent = ours.parents[0]
            let asked = try await client.call(
                .post, "/api/v1/session-requests", token: world.token(parent),
                json: LifecycleAPITests.requestBody(ours.engagements[0].id, "2026-03-26T10:00:00Z"))
            let request = try #require(asked.json["id"] as? String)
            #expect(
                try await client.call(
                    .post, "/api/v1/session-requests/\(request)/accept", token: world.token(ours.tutors[0]),
                    json: #"{"location":"Room 1","sessionType":"In person"}"#
                )
                .status == 200)
            let booked = try await client.call(
                .post, "/api/v1/sessions", token: world.token(ours.admin),
                json: #"{"engagementId":"\#(ours.engagements[2].id)","start":"2026-03-27T15:00:00Z"}"#)
            let officeSession = try #require(booked.json["id"] as? String)

            let none = try await client.call(.get, "/api/v1/calendar-feed", token: world.token(parent))
            #expect(none.status == 200 && none.json["createdAt"] == nil && none.json["url"] == nil)
            let first = try await client.call(.post, "/api/v1/calendar-feed/reset", token: world.token(parent))
            let url = try #require(first.json["url"] as? String)
            #expect(url.hasPrefix("https://desk.test/calendar/feed/") && url.hasSuffix(".ics"))
            let later = try await client.call(.get, "/api/v1/calendar-feed", token: world.token(parent))
            #expect(later.json["url"] == nil && later.json["createdAt"] as? String == first.json["createdAt"] as? String, "shown once")
            // Only the token's hash is stored: the database does not hold the address.
            let token = String(url.split(separator: "/").last!.dropLast(4))
            let stored = try await world.store.read { db in
                try await db.sql.raw("SELECT token_hash FROM calendar_feeds").all(decodingColumn: "token_hash", as: String.self)
            }
            #expect(!stored.isEmpty && !stored.contains(token) && stored.contains(SecretGenerator.hash(token)))

            let feed = try await client.execute(uri: path(of: url), method: .get) { response in
                (response.status.code, response.headers[.contentType], String(buffer: response.body))
            }
            #expect(feed.0 == 200 && feed.1 == "text/calendar; charset=utf-8")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("sd-feed-\(UUID().uuidString).ics").path
            try feed.2.write(toFile: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: file) }
            let parsed = try JSONDecoder().decode(
                CalendarInviteFlowTests.Parsed.self, from: Data(try TestPython.run("mail/parse_ics.py", [file]).utf8))
            #expect(parsed.method == "PUBLISH")
            // The office's booking is for another family's child (the third engagement): not in this feed.
            #expect(parsed.uids == ["request-\(request)@desk.test"], "\(parsed.uids), not session-\(officeSession)")
            #expect(parsed.statuses.allSatisfy { $0 == "CONFIRMED" } && parsed.timezones == ["Europe/London"])

            let office = try await client.call(.post, "/api/v1/calendar-feed/reset", token: world.token(ours.admin))
            let officeURL = try #require(office.json["url"] as? String)
            #expect(officeURL != url, "each person has their own")
            let officeFeed = try await client.execute(uri: path(of: officeURL), method: .get) { String(buffer: $0.body) }
            #expect(officeFeed.contains("UID:session-\(officeSession)@desk.test") && officeFeed.contains("UID:request-\(request)@desk.test"))

            let reset = try await client.call(.post, "/api/v1/calendar-feed/reset", token: world.token(parent))
            let replaced = try #require(reset.json["url"] as? String)
            #expect(replaced != url)
            #expect(try await client.execute(uri: path(of: url), method: .get) { $0.status.code } == 404, "the old address stops working")
            #expect(try await client.execute(uri: path(of: replaced), method: .get) { $0.status.code } == 200)
            #expect(try await client.execute(uri: "/calendar/feed/not-a-real-token-at-all-0000.ics", method: .get) { $0.status.code } == 404)
        }
    }

    @Test func theCalendarPageShowsANewAddressOnce() async throws {
        try await withAPI(.sqlite) { client, world in
            let parent = try await WebRequestTests.visitor(client, world.ours.parents[0])
            let before = try await parent.get("/calendar")
            #expect(before.body.contains("Get my calendar address") && !before.body.contains("/calendar/feed/"))
            let made = try await parent.post("/calendar/feed", [:], from: "/calendar")
            #expect(
                made.status == 200 && made.body.contains("value=\"https://desk.test/calendar/feed/") && made.body.contains("shown only this once"))
            let after = try await parent.get("/calendar")
            #expect(!after.body.contains("/calendar/feed/") && after.body.contains("You have a calendar address, made on"))
            #expect(after.body.contains("Make a new calendar address"))
        }
    }
}
