import Foundation
import HummingbirdTesting
import Scheduling
import TestSupport
import Testing

/// `request` cancellation mode over the API: `requestSessionCancellation` and
/// `deleteSessionCancellationRequest`, with the same rules and refusals as the pages.
@Suite struct CancellationRequestAPITests {
    @Test(arguments: TestDatabase.available)
    func familiesAskTheOfficeClearsAndOthersAreRefused(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            _ = try await ours.changeSettings(in: world.store) {
                $0.cancellationMode = .request
                $0.cancellationBufferHours = 48
            }
            let booked = try await client.call(
                .post, "/api/v1/sessions", token: world.token(ours.admin),
                json: #"{"engagementId":"\#(ours.engagements[0].id)","start":"2026-03-27T10:00:00Z"}"#)
            let path = "/api/v1/sessions/\(try #require(booked.json["id"] as? String))/cancellation-request"
            let parent = world.token(ours.parents[0])

            let asked = try await client.call(.post, path, token: parent, json: #"{"comment":"Exams that week"}"#)
            #expect(asked.status == 200)
            let request = try #require(asked.json["cancellationRequest"] as? [String: Any])
            #expect(request["comment"] as? String == "Exams that week" && request["parentName"] as? String == "Parent Zero")
            #expect(asked.json["status"] as? String == "scheduled", "the session stays booked")
            let again = try await client.call(.post, path, token: parent, json: "{}")
            #expect(again.status == 409 && again.detail.hasPrefix("Parent Zero already asked to cancel this session on"))

            #expect(try await client.call(.post, path, token: world.token(ours.tutors[0]), json: "{}").status == 403)
            let notEnabled = try await client.call(.post, path, token: world.token(ours.parents[1]), json: "{}")
            #expect(notEnabled.status == 403 && notEnabled.detail == "The office has not enabled cancelling sessions for your account.")
            #expect(try await client.call(.post, path, token: world.token(world.theirs.parents[0]), json: "{}").status == 404)
            #expect(try await client.call(.post, path, token: parent, json: #"{"reason":"x"}"#).status == 400, "closed schema")

            let cleared = try await client.call(.delete, path, token: world.token(ours.admin))
            #expect(cleared.status == 200 && cleared.json["cancellationRequest"] == nil)
            #expect(try await client.call(.delete, path, token: parent).status == 409, "nothing left to take back")

            _ = try await ours.changeSettings(in: world.store) {
                $0.cancellationMode = .request
                $0.cancellationBufferHours = 100
            }
            let late = try await client.call(.post, path, token: parent, json: "{}")
            #expect(late.status == 409)
            let cutoff = "the last moment for this one was Mon 23 Mar 06:00 GMT. Please contact the office."
            #expect(late.detail == "Cancellation requests close 100 hours before the start: \(cutoff)")
            let audit = try await client.call(.get, "/api/v1/audit-events", token: world.token(ours.admin))
            let actions = audit.items.compactMap { $0["action"] as? String }
            #expect(actions.contains("cancellation_requested") && actions.contains("cancellation_request_cleared"))
        }
    }
}
