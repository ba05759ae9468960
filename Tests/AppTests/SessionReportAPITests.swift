import Foundation
import HummingbirdTesting
import Scheduling
import Storage
import TestSupport
import Testing

/// `saveSessionReport` (seed 002): the staff write, the family reads only a sent report, and
/// "send" reaches the family through the outbox exactly once per guardian.
@Suite struct SessionReportAPITests {
    @Test(arguments: TestDatabase.available)
    func theTutorWritesAndSendsAndTheFamilyReadsOnlyTheSentReport(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let tutor = world.token(ours.tutors[0])
            let logged = try await client.call(
                .post, "/api/v1/session-log", token: tutor,
                json: #"{"engagementId":"\#(ours.engagements[0].id)","date":"2026-03-20","startTime":"16:00"}"#)
            let path = "/api/v1/sessions/\(try #require(logged.json["id"] as? String))"

            let saved = try await client.call(
                .put, "\(path)/report", token: tutor,
                json: #"{"rating":4,"report":"  Fractions went well.\nNext: decimals.  ","internalNote":"Tired today"}"#)
            #expect(saved.status == 200 && saved.json["report"] as? String == "Fractions went well.\nNext: decimals.")
            #expect(saved.json["rating"] as? Int == 4 && saved.json["reportSentAt"] == nil)
            let family = world.token(ours.parents[0])
            let unsent = try await client.call(.get, path, token: family)
            #expect(unsent.json["report"] == nil && unsent.json["rating"] == nil && unsent.json["internalNote"] == nil, "nothing before it is sent")

            #expect(try await client.call(.put, "\(path)/report", token: family, json: #"{"report":"x"}"#).status == 403)
            #expect(try await client.call(.put, "\(path)/report", token: world.token(ours.tutors[1]), json: #"{"report":"x"}"#).status == 404)
            let badRating = try await client.call(.put, "\(path)/report", token: tutor, json: #"{"rating":6}"#)
            #expect(badRating.status == 422 && badRating.problemFields == ["rating"])

            let sent = try await client.call(.put, "\(path)/report", token: tutor, json: #"{"send":true}"#)
            #expect(sent.status == 200 && sent.json["reportSentAt"] as? String == "2026-03-23T10:00:00Z")
            let read = try await client.call(.get, path, token: family)
            #expect(read.json["report"] as? String == "Fractions went well.\nNext: decimals.")
            #expect(read.json["rating"] == nil && read.json["internalNote"] == nil, "rating and notes stay with the staff")
            let office = try await client.call(.get, path, token: world.token(ours.admin))
            #expect(office.json["internalNote"] as? String == "Tired today" && office.json["rating"] as? Int == 4)

            let messages = try await world.store.read { db in
                try await db.outboxMessages(organizationID: ours.organization.id).filter { $0.kind == "session_report" }
            }
            #expect(messages.map(\.recipientID) == [ours.parents[0].id], "the family's guardian, once")
            let message = try #require(messages.first)
            #expect(message.subject == "Session report: Maths with Tutor Zero for Student Zero, Fri 20 Mar 16:00–17:00 GMT")
            #expect(
                message.body.contains("Tutor Zero wrote a report on the session") && message.body.contains("Fractions went well.\nNext: decimals."))
            let audit = try await client.call(
                .get, "/api/v1/audit-events?subjectId=\(read.json["id"] as? String ?? "")", token: world.token(ours.admin))
            let actions = audit.items.compactMap { $0["action"] as? String }
            #expect(actions.contains("session_report_saved") && actions.contains("session_report_sent"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aReportGoesOnlyAboutASessionThatTookPlaceAndOnlyOnceWritten(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let admin = world.token(ours.admin)
            let ahead = try await client.call(
                .post, "/api/v1/session-log", token: admin,
                json: #"{"engagementId":"\#(ours.engagements[0].id)","date":"2026-03-26","startTime":"16:00"}"#)
            let path = "/api/v1/sessions/\(try #require(ahead.json["id"] as? String))/report"
            let early = try await client.call(.put, path, token: admin, json: #"{"report":"Planned: algebra","send":true}"#)
            #expect(early.status == 409 && early.detail == "The report can be sent once the session has started, from Thu 26 Mar 16:00 GMT.")
            let notSaved = try await client.call(.get, String(path.dropLast("/report".count)), token: admin)
            #expect(notSaved.json["report"] == nil, "a refused send saves nothing")
            let empty = try await client.call(
                .put, "/api/v1/sessions/\(try await Self.pastSession(client, world))/report", token: admin, json: #"{"send":true}"#)
            #expect(empty.status == 422 && empty.detail == "Write the report before sending it.")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aFamilysCancellationCommentIsKeptInThePrivateNotes(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            _ = try await ours.changeSettings(in: world.store) { $0.cancellationMode = .request }
            let booked = try await client.call(
                .post, "/api/v1/sessions", token: world.token(ours.admin),
                json: #"{"engagementId":"\#(ours.engagements[0].id)","start":"2026-03-27T10:00:00Z"}"#)
            let path = "/api/v1/sessions/\(try #require(booked.json["id"] as? String))"
            _ = try await client.call(.put, "\(path)/report", token: world.token(ours.admin), json: #"{"privateNotes":"Prefers mornings"}"#)
            let asked = try await client.call(
                .post, "\(path)/cancellation-request", token: world.token(ours.parents[0]), json: #"{"comment":"Exams that week"}"#)
            #expect(asked.status == 200 && asked.json["privateNotes"] == nil, "the family never reads the notes")
            let office = try await client.call(.get, path, token: world.token(ours.admin))
            #expect(
                office.json["privateNotes"] as? String == "Prefers mornings\n\nParent Zero asked to cancel on Mon 23 Mar 10:00 GMT: Exams that week")
        }
    }

    static func pastSession(_ client: some TestClientProtocol, _ world: APIWorld) async throws -> String {
        let logged = try await client.call(
            .post, "/api/v1/session-log", token: world.token(world.ours.admin),
            json: #"{"engagementId":"\#(world.ours.engagements[1].id)","date":"2026-03-19","startTime":"10:00"}"#)
        return try #require(logged.json["id"] as? String)
    }
}

/// `sendSessionEmail` (seed 003, 12): the office's one-click emails to a session's family.
@Suite struct SessionEmailAPITests {
    @Test(arguments: TestDatabase.available)
    func theOfficeTellsTheFamilyTheCancellationWasProcessed(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let booked = try await client.call(
                .post, "/api/v1/sessions", token: world.token(ours.admin),
                json: #"{"engagementId":"\#(ours.engagements[0].id)","start":"2026-03-27T10:00:00Z"}"#)
            let path = "/api/v1/sessions/\(try #require(booked.json["id"] as? String))/emails"
            let sent = try await client.call(
                .post, path, token: world.token(ours.admin), json: #"{"template":"cancellation_processed","message":"No charge this time."}"#)
            #expect(sent.status == 200, "\(sent.body)")
            let message = try #require(
                try await world.store.read { db in
                    try await db.outboxMessages(organizationID: ours.organization.id, recipientID: ours.parents[0].id)
                }.first { $0.kind == "cancellation_processed" })
            #expect(
                message.subject == "Your cancellation request has been processed: Maths with Tutor Zero for Student Zero, Fri 27 Mar 10:00–11:00 GMT")
            #expect(message.body.contains("No charge this time."))
            #expect(
                try await client.call(.post, path, token: world.token(ours.tutors[0]), json: #"{"template":"session_stays_booked"}"#).status == 403)
            #expect(
                try await client.call(.post, path, token: world.token(ours.parents[0]), json: #"{"template":"session_stays_booked"}"#).status == 403)
            #expect(
                try await client.call(.post, path, token: world.token(world.theirs.admin), json: #"{"template":"session_stays_booked"}"#).status
                    == 404)
            let audit = try await client.call(.get, "/api/v1/audit-events", token: world.token(ours.admin))
            #expect(
                audit.items.contains {
                    ($0["summary"] as? String)?.hasPrefix("emailed the family that their cancellation request was processed") == true
                })
        }
    }
}
