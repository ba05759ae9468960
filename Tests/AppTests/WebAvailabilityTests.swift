import Foundation
import HummingbirdTesting
import Scheduling
import TestSupport
import Testing

/// The availability editor: weekly hours, date overrides and time off, and who may open whose.
@Suite struct WebAvailabilityTests {
    @Test func aTutorEditsTheirWeekAnOverrideAndTimeOffAndFamiliesFollow() async throws {
        try await withAPI(.sqlite) { client, world in
            let tutor = try await WebRequestTests.visitor(client, world.ours.tutors[0])
            let page = try await tutor.get("/availability")
            #expect(page.body.contains("Availability of Tutor Zero"))
            #expect(page.body.contains(#"name="monday_1_start" value="09:00""#))

            var week: [String: String] = [:]
            for day in ["monday", "tuesday", "wednesday", "thursday", "friday"] {
                week["\(day)_1_start"] = "09:00"
                week["\(day)_1_end"] = "12:00"
            }
            week["thursday_2_start"] = "14:00"
            week["thursday_2_end"] = "16:00"
            let saved = try await tutor.post("/availability/weekly", week, from: "/availability")
            #expect(saved.status == 302)
            let after = try await tutor.get("/availability?saved=1")
            #expect(after.body.contains(#"name="thursday_2_start" value="14:00""#) && after.body.contains("Saved."))

            let backwards = try await tutor.post("/availability/weekly", ["friday_1_start": "12:00", "friday_1_end": "09:00"], from: "/availability")
            #expect(backwards.status == 422 && backwards.body.contains("Fri: the hours must end after they start (12:00–09:00)."))

            let dayOff = try await tutor.post("/availability/overrides", ["date": "2026-03-27"], from: "/availability")
            #expect(dayOff.status == 302)
            let away = try await tutor.post(
                "/availability/time-off",
                ["fromDate": "2026-03-30", "fromTime": "09:00", "toDate": "2026-03-30", "toTime": "11:00", "reason": "Dentist"],
                from: "/availability")
            #expect(away.status == 302)
            let listed = try await tutor.get("/availability")
            #expect(listed.body.contains("Fri 27 Mar 2026</strong>: Not working"))
            #expect(listed.body.contains("Mon 30 Mar 09:00–11:00 BST</strong>: Dentist"))
            let key = try #require(listed.body.firstMatch(of: /name="key" value="([0-9-]+)"/)).1
            #expect(try await tutor.post("/availability/time-off-remove", ["key": String(key)], from: "/availability").status == 302)
            #expect(!(try await tutor.get("/availability").body.contains("Dentist")), "removed")

            let parent = try await WebRequestTests.visitor(client, world.ours.parents[0])
            let engagement = world.ours.engagements[0].id
            let thursday = try await parent.get("/requests/new?engagement=\(engagement)&date=2026-03-26")
            #expect(thursday.body.contains("14:00–15:00") && !thursday.body.contains("12:00–13:00"), "the new weekly hours")
            #expect(try await parent.get("/requests/new?engagement=\(engagement)&date=2026-03-27").body.contains("No free times that day."))
        }
    }

    @Test func theOfficeOpensAnyTutorAndFamiliesNone() async throws {
        try await withAPI(.sqlite) { client, world in
            let office = try await WebRequestTests.visitor(client, world.ours.admin)
            #expect(try await office.get("/availability").body.contains("Availability of Tutor One"), "the first tutor by name")
            #expect(try await office.get("/availability?tutor=\(world.ours.tutors[0].id)").body.contains("Availability of Tutor Zero"))
            let tutor = try await WebRequestTests.visitor(client, world.ours.tutors[0])
            #expect(try await tutor.get("/availability?tutor=\(world.ours.tutors[1].id)").status == 403)
            let parent = try await WebRequestTests.visitor(client, world.ours.parents[0])
            #expect(try await parent.get("/availability").status == 403)
            #expect(try await office.get("/availability?tutor=\(world.theirs.tutors[0].id)").status == 404)
        }
    }
}
