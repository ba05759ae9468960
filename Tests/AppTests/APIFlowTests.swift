import Foundation
import HTTPTypes
import Scheduling
import TestSupport
import Testing

@Suite struct APIFlowTests {
    @Test(arguments: TestDatabase.available)
    func aParentLogsInAndListsFreeSlotsInUTCAndLocalTime(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let login = try await client.call(
                .post, "/api/v1/login", json: #"{"email":"\#(world.ours.parents[0].email)","password":"\#(testPassword)"}"#)
            #expect(login.status == 200)
            let token = try #require(login.json["token"] as? String)
            let me = try await client.call(.get, "/api/v1/me", token: token)
            #expect(me.json["id"] as? String == world.ours.parents[0].id)
            let slots = try await client.call(
                .get, "/api/v1/engagements/\(world.ours.engagements[0].id)/free-slots?from=2026-03-26&to=2026-04-01", token: token)
            #expect(slots.status == 200)
            #expect(slots.json["timeZone"] as? String == "Europe/London")
            let list = try #require(slots.json["slots"] as? [[String: String]])
            #expect(
                list.first == [
                    "start": "2026-03-26T10:00:00Z", "end": "2026-03-26T11:00:00Z", "localStart": "2026-03-26T10:00:00+00:00",
                    "localEnd": "2026-03-26T11:00:00+00:00", "label": "Thu 26 Mar 10:00 GMT",
                ])
            // After the clocks change on Sunday 29 March, 09:00 local is 08:00 UTC.
            #expect(list.contains { $0["start"] == "2026-03-30T08:00:00Z" && $0["label"] == "Mon 30 Mar 09:00 BST" })

            #expect(try await client.call(.post, "/api/v1/logout", token: token).status == 204)
            #expect(try await client.call(.get, "/api/v1/me", token: token).status == 401)
        }
    }

    @Test(arguments: TestDatabase.available)
    func repeatedFailedLoginsAre429WithRetryAfter(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let body = #"{"email":"\#(world.ours.admin.email)","password":"not the password"}"#
            for _ in 0..<5 { #expect(try await client.call(.post, "/api/v1/login", json: body).status == 401) }
            let throttled = try await client.call(.post, "/api/v1/login", json: body)
            #expect(throttled.status == 429)
            #expect(throttled.headers[.retryAfter] == "900")
            #expect(throttled.json["retryAfterSeconds"] as? Int == 900)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theOfficeInvitesAParentWhoSetsAPasswordThroughTheLink(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let invited = try await client.call(
                .post, "/api/v1/invitations", token: world.token(world.ours.admin),
                json: #"{"email":"Sam@Family.example","name":"Sam Parent","role":"parent","canRequestSessions":true}"#)
            #expect(invited.status == 201)
            let link = try #require(invited.json["link"] as? String)
            let token = String(link.split(separator: "/").last!)
            let accepted = try await client.call(.post, "/api/v1/invitations/accept", json: #"{"token":"\#(token)","password":"sam's new password"}"#)
            #expect(accepted.status == 200)
            #expect((accepted.json["user"] as? [String: Any])?["email"] as? String == "sam@family.example")
            let again = try await client.call(.post, "/api/v1/invitations/accept", json: #"{"token":"\#(token)","password":"sam's new password"}"#)
            #expect(again.status == 409)
            #expect(again.detail == "This invitation was already used. Log in with your email and password.")
            let login = try await client.call(.post, "/api/v1/login", json: #"{"email":"sam@family.example","password":"sam's new password"}"#)
            #expect(login.status == 200)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theNoticeSettingChangesWhatParentsAreOffered(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let path = "/api/v1/engagements/\(world.ours.engagements[0].id)/free-slots?from=2026-03-23&to=2026-03-27"
            let parent = world.token(world.ours.parents[0])
            let before = try await client.call(.get, path, token: parent)
            #expect((before.json["slots"] as? [[String: String]])?.first?["label"] == "Thu 26 Mar 10:00 GMT")
            let changed = try await client.call(
                .patch, "/api/v1/organization/settings", token: world.token(world.ours.admin), json: #"{"requestNoticeHours":48}"#)
            #expect(changed.status == 200)
            let after = try await client.call(.get, path, token: parent)
            #expect((after.json["slots"] as? [[String: String]])?.first?["label"] == "Wed 25 Mar 10:00 GMT")

            // The office's contact: set, read by everyone, refused by field, removed with empty text.
            let admin = world.token(world.ours.admin)
            let contact = try await client.call(
                .patch, "/api/v1/organization/settings", token: admin, json: #"{"contactEmail":"Desk@Example.org","contactPhone":"020 7946 0000"}"#)
            #expect(contact.status == 200 && contact.json["contactEmail"] as? String == "desk@example.org")
            #expect(try await client.call(.get, "/api/v1/organization", token: parent).json["contactPhone"] as? String == "020 7946 0000")
            let bad = try await client.call(.patch, "/api/v1/organization/settings", token: admin, json: #"{"contactPhone":"call us"}"#)
            #expect(bad.status == 422 && bad.body.contains("contactPhone"))
            let removed = try await client.call(.patch, "/api/v1/organization/settings", token: admin, json: #"{"contactEmail":""}"#)
            #expect(removed.json["contactEmail"] == nil && removed.json["contactPhone"] as? String == "020 7946 0000")
        }
    }
}
