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

    /// Time off over a booked session is saved with a warning that lists the session (the API
    /// answer names it too), and the tutor's calendar shows the time off and changed hours.
    @Test func timeOffOverABookedSessionIsListedAndShownOnTheCalendar() async throws {
        try await withAPI(.sqlite) { client, world in
            let ours = world.ours
            let booked = try await client.call(
                .post, "/api/v1/sessions", token: world.token(ours.admin),
                json: #"{"engagementId":"\#(ours.engagements[0].id)","start":"2026-03-30T09:00:00Z"}"#)
            #expect(booked.status == 201)
            let sessionID = try #require(booked.json["id"] as? String)
            let tutor = try await WebRequestTests.visitor(client, ours.tutors[0])
            #expect(!(try await tutor.get("/availability").body.contains("These booked sessions")))
            let away = try await tutor.post(
                "/availability/time-off",
                ["fromDate": "2026-03-30", "fromTime": "09:00", "toDate": "2026-03-31", "toTime": "12:00", "reason": "Dentist"], from: "/availability"
            )
            #expect(away.status == 302)
            _ = try await tutor.post("/availability/overrides", ["date": "2026-04-01", "start": "13:00", "end": "15:00"], from: "/availability")
            let warned = try await tutor.get("/availability?saved=1")
            #expect(warned.body.contains("These booked sessions fall in time off or outside a day's changed hours"))
            #expect(
                warned.body.contains(
                    #"<li><a href="/sessions/\#(sessionID)">Mon 30 Mar 10:00–11:00 BST: Maths · Student Zero with Tutor Zero</a></li>"#))
            let api = try await client.call(.get, "/api/v1/tutors/\(ours.tutors[0].id)/availability", token: world.token(ours.tutors[0]))
            #expect(api.json["sessionsOutsideHours"] as? [String] == [sessionID])

            let week = try await tutor.get("/calendar?view=week&date=2026-03-30")
            #expect(
                week.body.contains(
                    #"<li class="entry away"><a href="/availability"><span class="time">09:00–24:00</span> Time off <span class="note">(Dentist)</span></a></li>"#
                ))
            #expect(week.body.contains(#"<span class="time">00:00–12:00</span> Time off"#), "the second day's part")
            #expect(week.body.contains(#"<span class="time">13:00–15:00</span> Changed hours"#))
            #expect(week.body.contains(#"<span class="swatch away"></span>Time off"#))
            let office = try await WebRequestTests.visitor(client, ours.admin)
            let narrowed = try await office.get("/calendar?view=week&date=2026-03-30&tutor=\(ours.tutors[0].id)")
            #expect(narrowed.body.contains(#"<a href="/availability?tutor=\#(ours.tutors[0].id)"><span class="time">09:00–24:00</span> Time off"#))
            #expect(!(try await office.get("/calendar?view=week&date=2026-03-30").body.contains("Time off")), "only one tutor's calendar shows it")
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
