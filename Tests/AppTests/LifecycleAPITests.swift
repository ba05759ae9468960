import Foundation
import HTTPTypes
import Hummingbird
import Scheduling
import TestSupport
import Testing

@Suite struct LifecycleAPITests {
    static let thursday10 = "2026-03-26T10:00:00Z"

    static func requestBody(_ engagement: String, _ start: String, note: String = "") -> String {
        #"{"engagementId":"\#(engagement)","start":"\#(start)","note":"\#(note)"}"#
    }

    @Test(arguments: TestDatabase.available)
    func theNegotiationOverHTTP(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let parent = world.token(world.ours.parents[0])
            let tutor = world.token(world.ours.tutors[0])
            let created = try await client.call(
                .post, "/api/v1/session-requests", token: parent,
                json: Self.requestBody(world.ours.engagements[0].id, Self.thursday10, note: "Fractions"))
            #expect(created.status == 201)
            let id = try #require(created.json["id"] as? String)
            #expect(created.json["state"] as? String == "pending")
            #expect(created.json["needsActionBy"] as? String == "tutor")
            #expect(created.json["respondByLabel"] as? String == "Thu 26 Mar 00:00 GMT")
            #expect((created.json["heldTime"] as? [String: Any])?["label"] as? String == "Thu 26 Mar 10:00 GMT")

            let proposed = try await client.call(
                .post, "/api/v1/session-requests/\(id)/propose", token: tutor, json: #"{"start":"2026-03-27T14:00:00Z","note":"Friday?"}"#)
            #expect(proposed.status == 200 && proposed.json["needsActionBy"] as? String == "family")
            let accepted = try await client.call(.post, "/api/v1/session-requests/\(id)/respond", token: parent, json: #"{"action":"accept"}"#)
            #expect(accepted.status == 200 && accepted.json["state"] as? String == "accepted")
            let sessionID = try #require(accepted.json["sessionId"] as? String)

            let session = try await client.call(.get, "/api/v1/sessions/\(sessionID)", token: parent)
            #expect((session.json["time"] as? [String: Any])?["label"] as? String == "Fri 27 Mar 14:00 GMT")
            #expect(session.json["cancellableUntil"] as? String == "2026-03-24T14:00:00Z")
            let calendar = try await client.call(.get, "/api/v1/sessions?from=2026-03-23&to=2026-03-29", token: tutor)
            #expect(calendar.ids == [sessionID])

            let conversation = try await client.call(.get, "/api/v1/session-requests/\(id)/conversation", token: tutor)
            #expect(conversation.items.map { $0["event"] as? String } == ["requested", "proposed", "proposal_accepted"])
            let again = try await client.call(.post, "/api/v1/session-requests/\(id)/withdraw", token: parent, json: "{}")
            #expect(again.status == 409)
            #expect(again.detail == "This request was already accepted by Parent Zero on Mon 23 Mar 2026.")

            let audit = try await client.call(.get, "/api/v1/audit-events?subjectId=\(id)", token: world.token(world.ours.admin))
            #expect(audit.items.count == 3)
            #expect(try await client.call(.get, "/api/v1/audit-events", token: tutor).status == 403)
        }
    }

    /// A family moves a session only while they could cancel it, and the answer is due by then:
    /// a move declined or left unanswered cancels the session, so asked later it would be a late
    /// cancellation nobody agreed to.
    @Test(arguments: TestDatabase.available)
    func aSessionIsMovedOnlyWhileItCouldBeCancelledAndAnsweredByThen(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let admin = world.token(world.ours.admin)
            let parent = world.token(world.ours.parents[0])
            let engagement = world.ours.engagements[0].id
            func book(_ start: String) async throws -> String {
                let booked = try await client.call(
                    .post, "/api/v1/sessions", token: admin, json: #"{"engagementId":"\#(engagement)","start":"\#(start)"}"#)
                return try #require(booked.json["id"] as? String, "\(booked.body)")
            }
            func move(_ session: String, to start: String) async throws -> APIResponse {
                try await client.call(
                    .post, "/api/v1/session-requests", token: parent,
                    json: #"{"engagementId":"\#(engagement)","start":"\#(start)","replacesSessionId":"\#(session)"}"#)
            }
            // Wednesday 10:00 is 48 hours away, inside the 72-hour cancellation notice.
            let soon = try await book("2026-03-25T10:00:00Z")
            let late = try await move(soon, to: "2026-03-27T10:00:00Z")
            #expect(late.status == 409, "\(late.body)")
            #expect(
                late.detail
                    == "Sessions can be moved up to 72 hours ahead, as long as they could still be cancelled: the last moment for this one was Sun 22 Mar 10:00 GMT. Please contact the office."
            )
            // With a long response window, the answer is due by the moved session's cutoff, not later.
            #expect(try await client.call(.patch, "/api/v1/organization/settings", token: admin, json: #"{"responseWindowHours":240}"#).status == 200)
            let later = try await book("2026-04-03T09:00:00Z")
            let asked = try await move(later, to: "2026-04-02T10:00:00Z")
            #expect(asked.status == 201, "\(asked.body)")
            #expect(asked.json["respondBy"] as? String == "2026-03-31T09:00:00Z", "72 hours before Friday 10:00 BST")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aTakenTimeIs409WithTheNextFreeSlotsAndTheNoticeIs422(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let admin = world.token(world.ours.admin)
            let booked = try await client.call(
                .post, "/api/v1/sessions", token: admin, json: #"{"engagementId":"\#(world.ours.engagements[2].id)","start":"\#(Self.thursday10)"}"#)
            #expect(booked.status == 201)
            let taken = try await client.call(
                .post, "/api/v1/session-requests", token: world.token(world.ours.parents[0]),
                json: Self.requestBody(world.ours.engagements[0].id, Self.thursday10))
            #expect(taken.status == 409)
            let alternatives = try #require(taken.json["alternatives"] as? [[String: Any]])
            #expect(alternatives.first?["start"] as? String == "2026-03-26T11:00:00Z")
            #expect(alternatives.first?["label"] as? String == "Thu 26 Mar 11:00 GMT")
            let early = try await client.call(
                .post, "/api/v1/session-requests", token: world.token(world.ours.parents[0]),
                json: Self.requestBody(world.ours.engagements[0].id, "2026-03-25T10:00:00Z"))
            #expect(early.status == 422)
            #expect(early.detail == "Requests must be made at least 72 hours ahead: the earliest is Thu 26 Mar 10:00 GMT.")
            #expect(early.problemFields == ["start"])
            let ancient = try await client.call(
                .post, "/api/v1/sessions", token: admin, json: #"{"engagementId":"\#(world.ours.engagements[2].id)","start":"0001-01-01T00:00:00Z"}"#)
            #expect(ancient.status == 422)
            #expect(ancient.detail.hasPrefix("Sessions can be logged up to a year back: the earliest date is "))
        }
    }

    @Test(arguments: TestDatabase.available)
    func anotherOrganizationsRequestsAndSessionsAreNotFound(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let theirRequest = try await client.call(
                .post, "/api/v1/session-requests", token: world.token(world.theirs.parents[0]),
                json: Self.requestBody(world.theirs.engagements[0].id, Self.thursday10))
            let requestID = try #require(theirRequest.json["id"] as? String)
            let theirSession = try await client.call(
                .post, "/api/v1/sessions", token: world.token(world.theirs.admin),
                json: #"{"engagementId":"\#(world.theirs.engagements[0].id)","start":"2026-03-27T10:00:00Z"}"#)
            let sessionID = try #require(theirSession.json["id"] as? String)
            let calls: [(HTTPRequest.Method, String, String?)] = [
                (.get, "/api/v1/session-requests/\(requestID)", nil),
                (.get, "/api/v1/session-requests/\(requestID)/conversation", nil),
                (.post, "/api/v1/session-requests/\(requestID)/accept", #"{"location":"Room","sessionType":"Online"}"#),
                (.post, "/api/v1/session-requests/\(requestID)/decline", #"{"reason":"No"}"#),
                (.post, "/api/v1/session-requests/\(requestID)/propose", #"{"start":"2026-03-27T12:00:00Z","note":"?"}"#),
                (.get, "/api/v1/sessions/\(sessionID)", nil),
                (.post, "/api/v1/sessions/\(sessionID)/cancel", #"{"reason":"No"}"#),
            ]
            for (method, path, body) in calls {
                let response = try await client.call(method, path, token: world.token(world.ours.admin), json: body)
                #expect(response.status == 404, "\(method) \(path)")
            }
            for person in [world.ours.admin, world.ours.tutors[0], world.ours.parents[0]] {
                let lists = try await client.call(.get, "/api/v1/session-requests", token: world.token(person))
                #expect(!lists.ids.contains(requestID))
                let sessions = try await client.call(.get, "/api/v1/sessions?from=2026-03-23&to=2026-04-05", token: world.token(person))
                #expect(!sessions.ids.contains(sessionID))
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func anIdempotencyKeyReplaysTheFirstAnswer(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let parent = world.token(world.ours.parents[0])
            let engagement = world.ours.engagements[0].id
            let body = Self.requestBody(engagement, Self.thursday10)
            func post(_ key: String, _ body: String, to path: String = "/api/v1/session-requests") async throws -> APIResponse {
                try await client.execute(
                    uri: path, method: .post,
                    headers: [.authorization: "Bearer \(parent)", .contentType: "application/json", HTTPField.Name("Idempotency-Key")!: key],
                    body: ByteBuffer(string: body)
                ) { APIResponse(status: $0.status.code, headers: $0.headers, body: String(buffer: $0.body)) }
            }
            let first = try await post("key-1", body)
            let repeated = try await post("key-1", body)
            #expect(first.status == 201 && repeated.status == 201)
            #expect(repeated.body == first.body)
            let reordered = try await post("key-1", #"{"note":"","start":"\#(Self.thursday10)","engagementId":"\#(engagement)"}"#)
            #expect(reordered.status == 201 && reordered.body == first.body, "the same JSON in another key order is the same request")
            let changed = try await post("key-1", Self.requestBody(engagement, "2026-03-26T12:00:00Z"))
            #expect(changed.status == 422 && changed.problemFields == ["Idempotency-Key"])
            let id = try #require(first.json["id"] as? String)
            let elsewhere = try await post("key-1", "{}", to: "/api/v1/session-requests/\(id)/withdraw")
            #expect(elsewhere.status == 422, "a key belongs to one operation")

            // A refusal changed nothing and is not kept: once the time is free, the same key and body succeed.
            let conflict = try await post("key-2", body)
            #expect(conflict.status == 409)
            #expect(try await post("withdraw-1", "{}", to: "/api/v1/session-requests/\(id)/withdraw").status == 200)
            #expect(try await post("key-2", body).status == 201)
            let requests = try await client.call(.get, "/api/v1/session-requests", token: parent)
            #expect(requests.items.count == 2, "each repeat of key-1 returned the first request without making another")
        }
    }

    /// Repeats of one call sent at once (a client retrying before the first answer came) make one
    /// request and all get its answer: the key is claimed in the move's transaction, so the repeats
    /// wait for the first to commit (PostgreSQL) or come after it (SQLite's single writer).
    @Test(arguments: TestDatabase.available)
    func concurrentRepeatsOfOneKeyActOnce(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let parent = world.token(world.ours.parents[0])
            let body = Self.requestBody(world.ours.engagements[0].id, Self.thursday10)
            let answers = try await withThrowingTaskGroup(of: APIResponse.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await client.execute(
                            uri: "/api/v1/session-requests", method: .post,
                            headers: [
                                .authorization: "Bearer \(parent)", .contentType: "application/json", HTTPField.Name("Idempotency-Key")!: "same",
                            ],
                            body: ByteBuffer(string: body)
                        ) { APIResponse(status: $0.status.code, headers: $0.headers, body: String(buffer: $0.body)) }
                    }
                }
                return try await group.reduce(into: [APIResponse]()) { $0.append($1) }
            }
            #expect(answers.allSatisfy { $0.status == 201 }, "\(answers.map(\.status))")
            #expect(Set(answers.map(\.body)).count == 1)
            let requests = try await client.call(.get, "/api/v1/session-requests", token: parent)
            #expect(requests.items.count == 1)
        }
    }
}
