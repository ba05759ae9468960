import Foundation
import HummingbirdTesting
import Scheduling
import Storage
import TestSupport
import Testing

/// `updateSession` and `deleteSession`: the office corrects a session or deletes one logged by
/// mistake; a move ahead is told to everyone, billed sessions keep their time, and the audit log
/// keeps what was done.
@Suite struct SessionEditAPITests {
    @Test(arguments: TestDatabase.available)
    func theOfficeMovesASessionAheadAndEveryoneIsTold(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let admin = world.token(ours.admin)
            _ = try await ours.changeSettings(in: world.store) { $0.cancellationMode = .request }
            let booked = try await client.call(
                .post, "/api/v1/session-log", token: admin,
                json: #"{"engagementId":"\#(ours.engagements[0].id)","date":"2026-03-26","startTime":"10:00"}"#)
            let id = try #require(booked.json["id"] as? String)
            let path = "/api/v1/sessions/\(id)"
            #expect(try await client.call(.post, path + "/cancellation-request", token: world.token(ours.parents[0]), json: "{}").status == 200)
            let before = try await SessionLogAPITests.familyMessages(world)

            #expect(try await client.call(.put, path, token: world.token(ours.tutors[0]), json: #"{"startTime":"11:00"}"#).status == 403)
            #expect(try await client.call(.put, path, token: world.token(ours.parents[0]), json: #"{"startTime":"11:00"}"#).status == 403)
            #expect(try await client.call(.put, path, token: world.token(world.theirs.admin), json: #"{"startTime":"11:00"}"#).status == 404)
            _ = try await client.call(
                .post, "/api/v1/session-log", token: admin,
                json: #"{"engagementId":"\#(ours.engagements[2].id)","date":"2026-03-27","startTime":"14:00"}"#)
            let taken = try await client.call(.put, path, token: admin, json: #"{"date":"2026-03-27","startTime":"2:30 PM"}"#)
            #expect(taken.status == 409 && taken.detail.hasPrefix("Tutor Zero already has a session at Fri 27 Mar 14:30 GMT."), "\(taken.detail)")

            let moved = try await client.call(.put, path, token: admin, json: #"{"date":"2026-03-27","startTime":"9:00 AM","durationMinutes":90}"#)
            #expect(moved.status == 200, "\(moved.body)")
            #expect((moved.json["time"] as? [String: Any])?["label"] as? String == "Fri 27 Mar 09:00 GMT")
            #expect(moved.json["clientAmount"] as? Int == 7500, "the new length is billed")
            #expect(moved.json["cancellationRequest"] != nil, "a move keeps the family's request to cancel until staff clear it")
            let after = try await SessionLogAPITests.familyMessages(world)
            #expect(after.count == before.count + 1 && after.contains("session_moved"), "the family is told")
            let message = try #require(
                try await world.store.read { db in
                    try await db.outboxMessages(organizationID: ours.organization.id, recipientID: ours.parents[0].id).first {
                        $0.kind == "session_moved"
                    }
                })
            #expect(message.subject == "Session moved: Maths with Tutor Zero for Student Zero, now Fri 27 Mar 09:00 GMT", "\(message.subject)")
            #expect(message.attachment?.contentType.hasPrefix("text/calendar") == true, "with the calendar event at its new time")
            let audit = try await client.call(.get, "/api/v1/audit-events?subjectId=\(id)", token: admin)
            #expect(
                audit.items.first?["summary"] as? String
                    == "moved Maths with Tutor Zero for Student Zero to Fri 27 Mar 09:00 GMT. It was on Thu 26 Mar 10:00–11:00 GMT.")
            let same = try await client.call(.put, path, token: admin, json: #"{"location":"Room 1","sessionType":"In person"}"#)
            let unchanged = try await SessionLogAPITests.familyMessages(world)
            #expect(same.status == 200 && unchanged.count == after.count, "nothing changed, nobody told")
        }
    }

    @Test(arguments: TestDatabase.available)
    func billedSessionsKeepTheirTimeAndOnlyMistakesAreDeleted(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let admin = world.token(ours.admin)
            let billed = try await InvoiceAPITests.logPast(client, world, ours.engagements[0].id, "2026-03-16")
            let mistake = try await InvoiceAPITests.logPast(client, world, ours.engagements[0].id, "2026-03-17")
            let drafted = try await InvoiceAPITests.logPast(client, world, ours.engagements[0].id, "2026-03-18")
            let invoice = try await client.call(
                .post, "/api/v1/invoices", token: admin, json: #"{"clientId":"\#(ours.parents[0].id)","sessionIds":["\#(billed)"]}"#)
            let invoiceID = try #require(invoice.json["id"] as? String)
            _ = try await client.call(.post, "/api/v1/invoices/\(invoiceID)/issue", token: admin, json: "{}")
            _ = try await client.call(
                .post, "/api/v1/invoices", token: admin, json: #"{"clientId":"\#(ours.parents[0].id)","sessionIds":["\#(drafted)"]}"#)

            let longer = try await client.call(.put, "/api/v1/sessions/\(billed)", token: admin, json: #"{"durationMinutes":90}"#)
            #expect(
                longer.status == 409 && longer.detail == "This session is billed on INV-0001: void the invoice before changing its time or length.")
            let room = try await client.call(.put, "/api/v1/sessions/\(billed)", token: admin, json: #"{"location":"Library"}"#)
            #expect(room.status == 200 && room.json["location"] as? String == "Library")
            let ahead = try await client.call(.put, "/api/v1/sessions/\(mistake)", token: admin, json: #"{"date":"2026-03-30"}"#)
            #expect(ahead.status == 422 && ahead.detail == "This session is marked completed, so it cannot move to a time still ahead.")
            let audit = try await client.call(.get, "/api/v1/audit-events?subjectId=\(billed)", token: admin)
            #expect(audit.items.first?["action"] as? String == "session_changed")
            #expect(
                audit.items.first?["summary"] as? String
                    == "changed Maths with Tutor Zero for Student Zero, Mon 16 Mar 16:00–17:00 GMT (Library, In person)")

            let onIssued = try await client.call(.delete, "/api/v1/sessions/\(billed)", token: admin)
            #expect(onIssued.status == 409 && onIssued.detail.hasPrefix("This session was billed on INV-0001, so it stays for the record"))
            let onDraft = try await client.call(.delete, "/api/v1/sessions/\(drafted)", token: admin)
            #expect(
                onDraft.status == 409 && onDraft.detail == "This session is on the draft INV-0002: take it off the draft before deleting the session."
            )
            #expect(try await client.call(.delete, "/api/v1/sessions/\(mistake)", token: world.token(ours.tutors[0])).status == 403)
            #expect(try await client.call(.delete, "/api/v1/sessions/\(mistake)", token: admin).status == 204)
            #expect(try await client.call(.get, "/api/v1/sessions/\(mistake)", token: admin).status == 404)
            let gone = try await client.call(.get, "/api/v1/audit-events?subjectId=\(mistake)", token: admin)
            #expect(gone.items.first?["action"] as? String == "session_deleted", "the audit log keeps it")
            #expect(
                gone.items.first?["summary"] as? String == "deleted Maths with Tutor Zero for Student Zero, Tue 17 Mar 16:00–17:00 GMT (completed)")

            let request = try await client.call(
                .post, "/api/v1/session-requests", token: world.token(ours.parents[0]),
                json: #"{"engagementId":"\#(ours.engagements[0].id)","start":"2026-03-26T10:00:00Z"}"#)
            let accepted = try await client.call(
                .post, "/api/v1/session-requests/\(try #require(request.json["id"] as? String))/accept", token: admin,
                json: #"{"location":"Room","sessionType":"Online"}"#)
            let fromRequest = try await client.call(.delete, "/api/v1/sessions/\(try #require(accepted.json["sessionId"] as? String))", token: admin)
            #expect(fromRequest.status == 409 && fromRequest.detail.hasPrefix("A family's request made or moves this session"))
        }
    }
}
