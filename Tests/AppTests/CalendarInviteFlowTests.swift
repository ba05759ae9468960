import Foundation
import HummingbirdTesting
import Notifications
import Scheduling
import Storage
import TestSupport
import Testing

/// Invitations along a request's life, read back by Python's `icalendar`: one UID from request to
/// session, SEQUENCE up by one each time, tentative, then confirmed, then cancelled.
@Suite struct CalendarInviteFlowTests {
    struct Parsed: Decodable, Sendable {
        let method: String
        let events: Int
        let uid: String
        let uids: [String]
        let statuses: [String]
        let sequence: Int
        let status: String
        let tzid: String
        let timezones: [String]
        let start_utc: String
        let end_utc: String
        let attendees: [String]
    }

    @Test(arguments: TestDatabase.available)
    func oneEventFromRequestToCancelledSession(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let parent = ours.parents[0]
            let asked = try await client.call(
                .post, "/api/v1/session-requests", token: world.token(parent),
                json: LifecycleAPITests.requestBody(ours.engagements[0].id, "2026-03-26T10:00:00Z"))
            #expect(asked.status == 201)
            let request = try #require(asked.json["id"] as? String)
            let tutor = world.token(ours.tutors[0])
            #expect(
                try await client.call(
                    .post, "/api/v1/session-requests/\(request)/propose", token: tutor, json: #"{"start":"2026-03-27T14:00:00Z","note":"Friday?"}"#
                )
                .status == 200)
            let accepted = try await client.call(
                .post, "/api/v1/session-requests/\(request)/respond", token: world.token(parent), json: #"{"action":"accept"}"#)
            #expect(accepted.status == 200)
            let session = try #require(accepted.json["sessionId"] as? String)
            #expect(
                try await client.call(.post, "/api/v1/sessions/\(session)/cancel", token: world.token(ours.admin), json: #"{"reason":"Tutor ill"}"#)
                    .status == 200)

            let messages = try await world.store.read { db in
                try await db.outboxMessages(organizationID: ours.organization.id, recipientID: parent.id)
            }
            let invites = messages.compactMap(\.attachment)
            #expect(invites.count == 4, "\(messages.map(\.kind))")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sd-ics-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let files = try invites.enumerated().map { index, invite in
                let file = folder.appendingPathComponent("\(index).ics").path
                try invite.text.write(toFile: file, atomically: true, encoding: .utf8)
                return file
            }
            // Written within one second, so put in order by what matters to a calendar: the SEQUENCE.
            let read = try TestPython.run("mail/parse_ics.py", files).split(separator: "\n").map {
                try JSONDecoder().decode(Parsed.self, from: Data($0.utf8))
            }
            #expect(zip(invites, read).allSatisfy { $0.contentType == "text/calendar; charset=utf-8; method=\($1.method)" })
            let parsed = read.sorted { $0.sequence < $1.sequence }
            #expect(parsed.map(\.method) == ["REQUEST", "REQUEST", "REQUEST", "CANCEL"])
            #expect(parsed.map(\.status) == ["TENTATIVE", "TENTATIVE", "CONFIRMED", "CANCELLED"])
            #expect(parsed.map(\.sequence) == [0, 1, 2, 3])
            #expect(Set(parsed.map(\.uid)) == ["request-\(request)@desk.test"])
            #expect(parsed.map(\.start_utc) == ["2026-03-26T10:00:00Z", "2026-03-27T14:00:00Z", "2026-03-27T14:00:00Z", "2026-03-27T14:00:00Z"])
            #expect(parsed.allSatisfy { $0.events == 1 && $0.tzid == "Europe/London" && $0.timezones == ["Europe/London"] })
            #expect(parsed[0].attendees.contains("mailto:\(parent.email)"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aSessionTheOfficeBooksIsItsOwnEventFromSequenceZero(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let admin = world.token(ours.admin)
            let booked = try await client.call(
                .post, "/api/v1/sessions", token: admin, json: #"{"engagementId":"\#(ours.engagements[2].id)","start":"2026-03-27T15:00:00Z"}"#)
            let session = try #require(booked.json["id"] as? String)
            #expect(try await client.call(.post, "/api/v1/sessions/\(session)/cancel", token: admin, json: #"{"reason":"Tutor ill"}"#).status == 200)

            let family = try #require(ours.students.first { $0.id == ours.engagements[2].studentID }?.guardianIDs.first)
            let invites = try await world.store.read { db in
                try await db.outboxMessages(organizationID: ours.organization.id, recipientID: family)
            }.compactMap(\.attachment).map(\.text)
            #expect(invites.count == 2)
            let sequences = invites.compactMap { text in
                text.split(separator: "\r\n").first { $0.hasPrefix("SEQUENCE:") }.map { String($0.dropFirst("SEQUENCE:".count)) }
            }
            #expect(sequences.sorted() == ["0", "1"], "booked at 0, cancelled at 1")
            #expect(invites.allSatisfy { $0.contains("UID:session-\(session)@desk.test\r\n") })
        }
    }
}
