import Foundation
import HummingbirdTesting
import Scheduling
import Storage
import TestSupport
import Testing

/// `logSession`, `completeSession` and `markLateCancellation` (seed 002): who may, what a logged
/// session costs and earns at the rates of the day it was made, and who hears of what.
@Suite struct SessionLogAPITests {
    /// The family's messages so far, newest first.
    static func familyMessages(_ world: APIWorld) async throws -> [String] {
        try await world.store.read { db in
            try await db.outboxMessages(organizationID: world.ours.organization.id, recipientID: world.ours.parents[0].id).map(\.kind)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aTutorLogsAPastSessionAtTheEngagementsRatesAndEachRoleSeesItsShare(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let tutor = world.token(ours.tutors[0])
            let messagesBefore = try await Self.familyMessages(world)
            // Friday 20 March, typed the 12-hour way in a 24-hour organization.
            let logged = try await client.call(
                .post, "/api/v1/session-log", token: tutor,
                json: #"{"engagementId":"\#(ours.engagements[0].id)","date":"2026-03-20","startTime":"4:30 PM","durationMinutes":90}"#)
            #expect(logged.status == 201, "\(logged.body)")
            #expect(logged.json["status"] as? String == "completed", "a session logged after it ended took place")
            #expect((logged.json["time"] as? [String: Any])?["label"] as? String == "Fri 20 Mar 16:30 GMT")
            #expect(logged.json["location"] as? String == "Room 1", "the engagement's place when none is given")
            #expect(logged.json["tutorEarnings"] as? Int == 4500, "30.00/h for 90 minutes")
            #expect(logged.json["clientAmount"] == nil, "a tutor does not see what the family pays")
            let place = try #require((logged.json["students"] as? [[String: Any]])?.first)
            #expect(place["clientRatePerHour"] == nil && place["tutorPayRatePerHour"] as? Int == 3000)
            #expect(try await Self.familyMessages(world) == messagesBefore, "a record of the past is told to nobody")
            let id = try #require(logged.json["id"] as? String)

            // A later change of the engagement does not rewrite what happened.
            let changed = try await client.call(
                .put, "/api/v1/engagements/\(ours.engagements[0].id)", token: world.token(ours.admin),
                json: #"{"clientRatePerHour":6000,"tutorPayRatePerHour":3600,"defaultDurationMinutes":60,"sessionType":"In person"}"#)
            #expect(changed.status == 200)
            let office = try await client.call(.get, "/api/v1/sessions/\(id)", token: world.token(ours.admin))
            #expect(
                office.json["clientAmount"] as? Int == 7500 && office.json["tutorEarnings"] as? Int == 4500
                    && office.json["currency"] as? String == "GBP")
            let family = try await client.call(.get, "/api/v1/sessions/\(id)", token: world.token(ours.parents[0]))
            #expect(family.json["clientAmount"] as? Int == 7500 && family.json["tutorEarnings"] == nil, "the paying family sees its amount only")
            #expect(try await client.call(.get, "/api/v1/sessions/\(id)", token: world.token(ours.parents[1])).status == 404)
            let later = try await client.call(
                .post, "/api/v1/session-log", token: tutor,
                json: #"{"engagementId":"\#(ours.engagements[0].id)","date":"2026-03-19","startTime":"16:30"}"#)
            #expect(later.json["tutorEarnings"] as? Int == 3600, "a session logged after the change takes the new rates")

            let audit = try await client.call(.get, "/api/v1/audit-events?subjectId=\(id)", token: world.token(ours.admin))
            let line = try #require(audit.items.first)
            #expect(line["action"] as? String == "session_logged" && line["actorName"] as? String == "Tutor Zero")
            #expect(line["summary"] as? String == "logged Maths with Tutor Zero for Student Zero, Fri 20 Mar 16:30–18:00 GMT (completed)")
        }
    }

    @Test(arguments: TestDatabase.available)
    func loggingIsRefusedToOthersAndOnTakenOrImpossibleTimes(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let admin = world.token(ours.admin)
            func log(_ token: String, _ body: String) async throws -> (status: Int, json: [String: Any], detail: String) {
                let response = try await client.call(.post, "/api/v1/session-log", token: token, json: body)
                return (response.status, response.json, response.detail)
            }
            let e0 = ours.engagements[0].id
            #expect(try await log(world.token(ours.tutors[1]), #"{"engagementId":"\#(e0)","date":"2026-03-20","startTime":"16:00"}"#).status == 404)
            let parent = try await log(world.token(ours.parents[0]), #"{"engagementId":"\#(e0)","date":"2026-03-20","startTime":"16:00"}"#)
            #expect(parent.status == 403 && parent.detail == "Only the office and tutors log sessions.")

            // Ahead: a booking like any other, told to the family.
            let ahead = try await log(admin, #"{"engagementId":"\#(e0)","date":"2026-03-26","startTime":"14:00"}"#)
            #expect(ahead.status == 201 && ahead.json["status"] as? String == "scheduled")
            #expect(try await Self.familyMessages(world).filter { $0 == "session_created" }.count == 1, "the family is told")
            let taken = try await log(admin, #"{"engagementId":"\#(ours.engagements[2].id)","date":"2026-03-26","startTime":"2:30 PM"}"#)
            #expect(
                taken.status == 409
                    && taken.detail.hasPrefix("Tutor Zero already has a session at Thu 26 Mar 14:30 GMT. Free instead: Thu 26 Mar 09:00 GMT"))
            #expect((taken.json["alternatives"] as? [[String: Any]])?.count == 3, "the next free slots, as for a request")

            // Past: refused over another session, without slots to offer.
            #expect(try await log(admin, #"{"engagementId":"\#(e0)","date":"2026-03-20","startTime":"16:00"}"#).status == 201)
            let overlap = try await log(admin, #"{"engagementId":"\#(ours.engagements[2].id)","date":"2026-03-20","startTime":"16:30"}"#)
            #expect(overlap.status == 409 && overlap.detail == "Tutor Zero already has a session at Fri 20 Mar 16:30 GMT.")
            #expect(overlap.json["alternatives"] == nil)
            let cancelled = try await log(
                admin,
                #"{"engagementId":"\#(ours.engagements[2].id)","date":"2026-03-20","startTime":"16:30","cancelled":true,"cancellationReason":"Snow"}"#
            )
            #expect(cancelled.status == 201 && cancelled.json["status"] as? String == "cancelled", "a cancelled session takes no time")
            #expect(cancelled.json["clientAmount"] as? Int == 0 && cancelled.json["cancellationReason"] as? String == "Snow")

            let gap = try await log(admin, #"{"engagementId":"\#(e0)","date":"2026-03-29","startTime":"1:30 AM"}"#)
            #expect(
                gap.status == 422 && gap.detail == "1:30 AM does not exist on Sun 29 Mar 2026 in Europe/London: the clocks go forward then."
                    || gap.detail.hasPrefix("01:30 does not exist"))
            let badTime = try await log(admin, #"{"engagementId":"\#(e0)","date":"2026-03-20","startTime":"25:00"}"#)
            #expect(badTime.status == 422 && badTime.detail == "Write the start time as 16:30 or 4:30 PM.")
            let tooOld = try await log(admin, #"{"engagementId":"\#(e0)","date":"2025-03-01","startTime":"16:00"}"#)
            #expect(tooOld.status == 422 && tooOld.detail.hasPrefix("Sessions can be logged up to a year back"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func completedAndLateCancelledSessionsAreBilledAsTheSettingsSay(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let (admin, tutor) = (world.token(ours.admin), world.token(ours.tutors[0]))
            let booked = try await client.call(
                .post, "/api/v1/session-log", token: admin,
                json: #"{"engagementId":"\#(ours.engagements[0].id)","date":"2026-03-23","startTime":"10:30"}"#)
            let id = try #require(booked.json["id"] as? String)
            let early = try await client.call(.post, "/api/v1/sessions/\(id)/complete", token: tutor)
            #expect(early.status == 409 && early.detail == "This session has not started yet: it can be marked completed from Mon 23 Mar 10:30 GMT.")

            world.clock.advance(by: 45 * 60)
            #expect(try await client.call(.post, "/api/v1/sessions/\(id)/complete", token: world.token(ours.parents[0])).status == 403)
            #expect(try await client.call(.post, "/api/v1/sessions/\(id)/complete", token: world.token(ours.tutors[1])).status == 404)
            let done = try await client.call(.post, "/api/v1/sessions/\(id)/complete", token: tutor)
            #expect(done.status == 200 && done.json["status"] as? String == "completed")
            #expect(try await client.call(.post, "/api/v1/sessions/\(id)/complete", token: tutor).status == 409)

            let late = try await client.call(.post, "/api/v1/sessions/\(id)/late-cancellation", token: admin, json: #"{"reason":"Called at 9:30"}"#)
            #expect(late.status == 200 && late.json["status"] as? String == "late_cancelled")
            #expect(late.json["clientAmount"] as? Int == 5000 && late.json["tutorEarnings"] as? Int == 3000, "billed and paid in full by default")
            let settings = try await client.call(
                .patch, "/api/v1/organization/settings", token: admin, json: #"{"lateCancellationBilled":false,"timeFormat":"12h"}"#)
            #expect(settings.status == 200)
            let stored = settings.json["settings"] as? [String: Any]
            #expect(stored?["lateCancellationBilled"] as? Bool == false && stored?["lateCancellationPaid"] as? Bool == true)
            #expect(stored?["timeFormat"] as? String == "12h")
            let after = try await client.call(.get, "/api/v1/sessions/\(id)", token: admin)
            #expect(after.json["clientAmount"] as? Int == 0 && after.json["tutorEarnings"] as? Int == 3000)
            #expect(try await client.call(.post, "/api/v1/sessions/\(id)/late-cancellation", token: admin, json: "{}").status == 409)

            // A late cancellation of a session still ahead cancels it for everyone.
            let ahead = try await client.call(
                .post, "/api/v1/session-log", token: admin,
                json: #"{"engagementId":"\#(ours.engagements[0].id)","date":"2026-03-26","startTime":"11:00"}"#)
            let aheadID = try #require(ahead.json["id"] as? String)
            let cancelledAhead = try await client.call(.post, "/api/v1/sessions/\(aheadID)/late-cancellation", token: tutor, json: "{}")
            #expect(cancelledAhead.status == 200, "\(cancelledAhead.body)")
            #expect(try await Self.familyMessages(world).filter { $0 == "session_cancelled" }.count == 1, "the family is told")
            let audit = try await client.call(.get, "/api/v1/audit-events?subjectId=\(id)", token: admin)
            let actions = audit.items.compactMap { $0["action"] as? String }
            #expect(actions.contains("session_completed") && actions.contains("session_late_cancelled"))
        }
    }
}
