import Foundation
import HummingbirdTesting
import Scheduling
import TestSupport
import Testing

/// `getTutorEarnings` and `exportTutorEarnings`: what tutors earned in a period, for payroll.
@Suite struct TutorEarningsAPITests {
    @Test(arguments: TestDatabase.available)
    func payrollCountsHeldSessionsAndPaidLateCancellations(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let admin = world.token(ours.admin)
            _ = try await InvoiceAPITests.logPast(client, world, ours.engagements[0].id, "2026-03-16", minutes: 90)
            let late = try await InvoiceAPITests.logPast(client, world, ours.engagements[2].id, "2026-03-17")
            #expect(try await client.call(.post, "/api/v1/sessions/\(late)/late-cancellation", token: admin, json: "{}").status == 200)
            let cancelled = try await client.call(
                .post, "/api/v1/session-log", token: admin,
                json: #"{"engagementId":"\#(ours.engagements[0].id)","date":"2026-03-18","startTime":"16:00","cancelled":true}"#)
            #expect(cancelled.status == 201)
            let ahead = try await client.call(
                .post, "/api/v1/session-log", token: admin,
                json: #"{"engagementId":"\#(ours.engagements[0].id)","date":"2026-03-25","startTime":"16:00"}"#)
            #expect(ahead.status == 201, "booked, not yet paid")
            _ = try await InvoiceAPITests.logPast(client, world, ours.engagements[1].id, "2026-03-02")
            let march = "from=2026-03-01&to=2026-03-31"

            let report = try await client.call(.get, "/api/v1/earnings?\(march)", token: admin)
            #expect(report.status == 200 && report.json["total"] as? Int == 4500 + 3000 + 3000)
            let tutors = try #require(report.json["tutors"] as? [[String: Any]])
            #expect(tutors.compactMap { $0["tutorName"] as? String } == ["Tutor One", "Tutor Zero"])
            let zero = try #require(tutors.last)
            #expect(zero["total"] as? Int == 7500 && zero["sessions"] as? Int == 2 && zero["minutes"] as? Int == 150)
            #expect((zero["lines"] as? [[String: Any]])?.compactMap { $0["status"] as? String } == ["completed", "late_cancelled"])

            let own = try await client.call(.get, "/api/v1/earnings?\(march)&tutorId=\(ours.tutors[1].id)", token: world.token(ours.tutors[0]))
            #expect((own.json["tutors"] as? [[String: Any]])?.compactMap { $0["tutorName"] as? String } == ["Tutor Zero"], "a tutor sees their own")
            #expect(try await client.call(.get, "/api/v1/earnings?\(march)", token: world.token(ours.parents[0])).status == 403)
            let backwards = try await client.call(.get, "/api/v1/earnings?from=2026-03-31&to=2026-03-01", token: admin)
            #expect(backwards.status == 422 && backwards.detail == "The end date 2026-03-01 is before the start date 2026-03-31.")

            let export = try await client.call(.get, "/api/v1/exports/earnings?\(march)&tutorId=\(ours.tutors[0].id)", token: admin)
            let lines = export.body.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(
                lines == [
                    "\u{FEFF}Tutor,Date,Start,Students,Subject,Minutes,Status,Earnings,Currency",
                    "Tutor Zero,2026-03-16,16:00,Student Zero,Maths,90,completed,45.00,GBP",
                    "Tutor Zero,2026-03-17,16:00,Student Two,Maths,60,late_cancelled,30.00,GBP",
                ])

            _ = try await client.call(.patch, "/api/v1/organization/settings", token: admin, json: #"{"lateCancellationPaid":false}"#)
            let unpaid = try await client.call(.get, "/api/v1/earnings?\(march)&tutorId=\(ours.tutors[0].id)", token: admin)
            #expect(unpaid.json["total"] as? Int == 4500, "late cancellations not paid to the tutor leave payroll")
        }
    }
}
