import Foundation
import HTTPTypes
import Scheduling
import TestSupport
import Testing

/// Many people at once, through the whole HTTP stack, on each database: nothing is ever doubled.
@Suite struct BookingRaceTests {
    @Test(arguments: TestDatabase.available)
    func twoHundredFamiliesRequestTheSameSlotAndOneHoldsIt(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let families = try await world.ours.addFamilies(200, taughtBy: world.ours.tutors[0], in: world.store, now: world.clock.now)
            var tokens: [(String, String)] = []
            for family in families {
                tokens.append((try await world.ours.token(for: family.parent, in: world.store, now: world.clock.now), family.engagement.id))
            }
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for (token, engagement) in tokens {
                    group.addTask {
                        try await client.call(
                            .post, "/api/v1/session-requests", token: token,
                            json: #"{"engagementId":"\#(engagement)","start":"2026-03-26T10:00:00Z"}"#
                        ).status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 1)
            #expect(statuses.filter { $0 == 409 }.count == 199)
            let pending = try await client.call(.get, "/api/v1/session-requests?state=pending", token: world.token(world.ours.admin))
            #expect(pending.items.count == 1)
        }
    }

    /// Two contested times on Thursday: 10:00, held by a pending request that tutor and office both
    /// try to accept while the office books sessions over it; and 14:00, proposed to a family that
    /// accepts it again and again while the office books over it too. One session results at each.
    @Test(arguments: TestDatabase.available)
    func twoHundredOverlappingAttemptsMakeOneSessionPerTime(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let parent = world.token(ours.parents[0])
            let admin = world.token(ours.admin)
            let tutor = world.token(ours.tutors[0])
            let pending = try await client.call(
                .post, "/api/v1/session-requests", token: parent,
                json: #"{"engagementId":"\#(ours.engagements[0].id)","start":"2026-03-26T10:00:00Z"}"#)
            let proposed = try await client.call(
                .post, "/api/v1/session-requests", token: parent,
                json: #"{"engagementId":"\#(ours.engagements[0].id)","start":"2026-03-27T10:00:00Z"}"#)
            let pendingID = try #require(pending.json["id"] as? String)
            let proposedID = try #require(proposed.json["id"] as? String)
            let offer = try await client.call(
                .post, "/api/v1/session-requests/\(proposedID)/propose", token: tutor,
                json: #"{"start":"2026-03-26T14:00:00Z","note":"Thursday 2pm?"}"#)
            #expect(offer.status == 200)

            let attempts: [(String, String, String)] = (0..<200).map { index in
                switch index % 5 {
                case 0: (tutor, "/api/v1/session-requests/\(pendingID)/accept", #"{"location":"Room 1","sessionType":"In person"}"#)
                case 1: (admin, "/api/v1/session-requests/\(pendingID)/accept", #"{"location":"Room 1","sessionType":"In person"}"#)
                case 2: (admin, "/api/v1/sessions", #"{"engagementId":"\#(ours.engagements[2].id)","start":"2026-03-26T10:30:00Z"}"#)
                case 3: (parent, "/api/v1/session-requests/\(proposedID)/respond", #"{"action":"accept"}"#)
                default: (admin, "/api/v1/sessions", #"{"engagementId":"\#(ours.engagements[2].id)","start":"2026-03-26T13:30:00Z"}"#)
                }
            }
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for (token, path, body) in attempts {
                    group.addTask { try await client.call(.post, path, token: token, json: body).status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { [200, 201, 409].contains($0) }, "every attempt is 2xx or 409: \(Set(statuses))")
            let sessions = try await client.call(.get, "/api/v1/sessions?from=2026-03-26&to=2026-03-26&status=scheduled", token: admin)
            let starts = sessions.items.compactMap { ($0["time"] as? [String: Any])?["start"] as? String }
            #expect(starts.sorted() == ["2026-03-26T10:00:00Z", "2026-03-26T14:00:00Z"], "one session per contested time, from the requests")
        }
    }
}
