import Foundation
import HummingbirdTesting
import Scheduling
import TestSupport
import Testing

@testable import Web

/// The calendar's week, month and list views, in the seed colours, showing only what the caller may see.
@Suite struct WebCalendarTests {
    @Test func weekMonthAndListShowSessionsAndRequestsInTheirColours() async throws {
        try await withAPI(.sqlite) { client, world in
            let ours = world.ours
            let admin = world.token(ours.admin)
            let booked = try await client.call(
                .post, "/api/v1/sessions", token: admin, json: #"{"engagementId":"\#(ours.engagements[2].id)","start":"2026-03-26T10:00:00Z"}"#)
            #expect(booked.status == 201)
            let asked = try await client.call(
                .post, "/api/v1/session-requests", token: world.token(ours.parents[0]),
                json: LifecycleAPITests.requestBody(ours.engagements[0].id, "2026-03-27T14:00:00Z"))
            #expect(asked.status == 201)

            // Last Friday's session took place: completed, in a look of its own.
            let engagement = ours.engagements[0]
            try await world.store.write { db in
                try await db.insertSession(
                    Session(
                        id: "completed-1", organizationID: ours.organization.id, tutorID: engagement.tutorID,
                        students: [SessionStudent(through: engagement)],
                        subjectID: engagement.subjectID, engagementID: engagement.id,
                        time: TimeRange(start: try Date("2026-03-20T10:00:00Z", strategy: .iso8601), minutes: 60),
                        status: .completed, location: "Room 1", sessionType: "In person"),
                    now: world.clock.now)
            }

            let tutor = try await WebRequestTests.visitor(client, ours.tutors[0])
            let past = try await tutor.get("/calendar?view=week&date=2026-03-20")
            #expect(past.body.contains(#"<li class="entry completed"><a href="/sessions/completed-1"#))
            #expect(past.body.contains(#"<li><span class="swatch completed"></span>Completed</li>"#))
            #expect(try await tutor.get("/sessions/completed-1").body.contains(#"<section class="card entry-card completed">"#))
            let week = try await tutor.get("/calendar?view=week&date=2026-03-25")
            #expect(week.status == 200)
            #expect(week.body.contains("Week of Mon 23 Mar 2026"))
            #expect(week.body.contains(#"<li class="entry session"><a href="/sessions/"#))
            #expect(week.body.contains(#"<li class="entry pending needs-answer"><a href="/requests/"#), "the tutor must answer: striped")
            #expect(week.body.contains("14:00–15:00"))
            #expect(!week.body.contains(#"<span class="note">()</span>"#), "no empty notes")

            let parent = try await WebRequestTests.visitor(client, ours.parents[0])
            let month = try await parent.get("/calendar?view=month&date=2026-03-01")
            #expect(month.body.contains("Mar 2026"))
            #expect(month.body.contains(#"<li class="entry pending"><a href="/requests/"#), "waiting for the tutor: light blue, not striped")
            #expect(month.body.contains("Mon 23 Feb 2026"), "the month's first week starts on Monday")
            #expect(month.body.contains("Sun 5 Apr 2026"), "and its last week ends on Sunday")

            let list = try await parent.get("/calendar?view=list&date=2026-03-10")
            #expect(list.body.contains("Fri 27 Mar 2026"))
            #expect(!list.body.contains("Thu 26 Mar 2026"), "the other family's session is not theirs to see")

            let otherFamily = try await WebRequestTests.visitor(client, ours.parents[1])
            let theirs = try await otherFamily.get("/calendar?view=list&date=2026-03-10")
            #expect(theirs.body.contains("Thu 26 Mar 2026") && !theirs.body.contains("Fri 27 Mar 2026"))

            // The office narrows every tutor's calendar to one tutor, or to cancellation requests.
            let office = try await WebRequestTests.visitor(client, ours.admin)
            let everyone = try await office.get("/calendar?view=week&date=2026-03-25")
            #expect(everyone.body.contains("Student Two") && everyone.body.contains("Student Zero"), "both tutors' sessions and requests")
            #expect(everyone.body.contains(#"<select id="tutor" name="tutor">"#))
            let tutorOne = ours.tutors[1].id
            let one = try await office.get("/calendar?view=week&date=2026-03-25&tutor=\(tutorOne)")
            #expect(!one.body.contains("Student Two") && !one.body.contains("Student Zero"), "tutor one has nothing that week")
            #expect(one.body.contains(#"<option value="\#(tutorOne)" selected>Tutor One</option>"#))
            #expect(one.body.contains("view=month&amp;date=2026-03-25&amp;tutor=\(tutorOne)"), "the views keep the filter")
            let onlyAsked = try await office.get("/calendar?view=week&date=2026-03-25&only=cancellation-requests")
            #expect(!onlyAsked.body.contains("Student Two") && !onlyAsked.body.contains("/requests/"), "no session was asked to be cancelled")
            #expect(!(try await tutor.get("/calendar?view=week&date=2026-03-25")).body.contains(#"name="only""#), "filters are the office's")

            for edge in ["9999-12-15", "0000-01-10"] {
                let far = try await parent.get("/calendar?view=month&date=\(edge)")
                #expect(far.status == 200 && far.body.contains("Mar 2026"), "a date at the edge of four-digit years shows today's month")
            }
        }
    }

    @Test func viewsCoverWholeWeeksAcrossYearEnds() {
        let december = LocalDate(year: 2026, month: 12, day: 15)!
        let (first, last) = CalendarPage.range(of: .month, around: december)
        #expect(first == LocalDate(year: 2026, month: 11, day: 30) && last == LocalDate(year: 2027, month: 1, day: 3))
        #expect(CalendarPage.month(of: december, plus: 1) == LocalDate(year: 2027, month: 1, day: 1))
        #expect(CalendarPage.month(of: LocalDate(year: 2027, month: 1, day: 31)!, plus: -1) == LocalDate(year: 2026, month: 12, day: 1))
        let (monday, sunday) = CalendarPage.range(of: .week, around: LocalDate(year: 2027, month: 1, day: 1)!)
        #expect(monday == LocalDate(year: 2026, month: 12, day: 28) && sunday == LocalDate(year: 2027, month: 1, day: 3))
    }
}
