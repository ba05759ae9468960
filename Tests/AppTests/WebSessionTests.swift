import Foundation
import HummingbirdTesting
import Scheduling
import TestSupport
import Testing
import Workflows

@testable import Web

/// A session's page: cancelling with a reason (or reading why not), and asking to move it.
@Suite struct WebSessionTests {
    /// The office books Student Zero's maths for Fri 27 Mar 10:00 GMT; returns the session's page.
    static func book(_ client: some TestClientProtocol, _ world: APIWorld) async throws -> String {
        let booked = try await client.call(
            .post, "/api/v1/sessions", token: world.token(world.ours.admin),
            json: #"{"engagementId":"\#(world.ours.engagements[0].id)","start":"2026-03-27T10:00:00Z"}"#)
        #expect(booked.status == 201)
        return "/sessions/\(try #require(booked.json["id"] as? String))"
    }

    @Test(arguments: TestDatabase.available)
    func aParentCancelsWithNoticeAndAReasonAndLaterReadsWhyNot(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let link = try await Self.book(client, world)
            let parent = try await WebRequestTests.visitor(client, world.ours.parents[0])
            let page = try await parent.get(link)
            #expect(page.body.contains("Fri 27 Mar 10:00–11:00 GMT") && page.body.contains("Confirmed"))
            #expect(page.body.contains("You can cancel until Tue 24 Mar 10:00 GMT."))

            let noReason = try await parent.post(link + "/cancel", ["reason": " "], from: link)
            #expect(noReason.status == 422 && noReason.body.contains("Cancelling needs a reason."))

            world.clock.advance(by: 25 * 3600)
            let late = try await parent.get(link)
            #expect(!late.body.contains("/cancel\""), "no cancel form once the cutoff has passed")
            #expect(
                late.body.contains(
                    "Sessions can be cancelled or moved up to 72 hours ahead: the last moment for this one was Tue 24 Mar 10:00 GMT. Please contact the office."
                ))
            let refused = try await parent.post(link + "/cancel", ["reason": "Ill"], from: link)
            #expect(refused.status == 409)
            // Once the office gives its email and phone, the refusal says how to reach it.
            let office = try await WebRequestTests.visitor(client, world.ours.admin)
            var settings = SettingsPage.values(of: world.ours.organization)
            settings["contactEmail"] = "Desk@Northside.example"
            settings["contactPhone"] = "020 7946 0000"
            #expect(try await office.post("/settings", settings, from: "/settings").status == 302)
            #expect(
                try await parent.get(link).body.contains(
                    "the last moment for this one was Tue 24 Mar 10:00 GMT. Please contact the office: desk@northside.example, 020 7946 0000."))
            settings["contactPhone"] = "call us"
            let badPhone = try await office.post("/settings", settings, from: "/settings")
            #expect(badPhone.status == 422 && badPhone.body.contains("&quot;call us&quot; is not a phone number"))

            let tutor = try await WebRequestTests.visitor(client, world.ours.tutors[0])
            let cancelled = try await tutor.post(link + "/cancel", ["reason": "I am ill, sorry"], from: link)
            #expect(cancelled.status == 302)
            let told = try await tutor.get(try #require(cancelled.headers[.location]))
            #expect(told.body.contains("You cancelled the session; the family and the office have been told."))
            let after = try await parent.get(link)
            #expect(after.body.contains("Cancelled because") && after.body.contains("I am ill, sorry"))
            #expect(!after.body.contains("already") && !after.body.contains("You cancelled"), "the status says it; only the canceller is told")

            let stranger = try await WebRequestTests.visitor(client, world.ours.parents[1])
            #expect(try await stranger.get(link).status == 404, "another family's session reads as missing")
        }
    }

    /// The office books from the tutor's free times (inside the families' notice too) or at a time
    /// of its own, never over another session; a time the clocks skip is named.
    @Test func theOfficeBooksASessionFromTheWebApp() async throws {
        try await withAPI(.sqlite) { client, world in
            let office = try await WebRequestTests.visitor(client, world.ours.admin)
            let engagement = world.ours.engagements[0].id
            let form = "/sessions/new?engagement=\(engagement)&date=2026-03-24"
            let page = try await office.get(form)
            #expect(page.status == 200 && page.body.contains(#"value="09:00""#), "tomorrow: inside the notice, open to the office")
            #expect(page.body.contains(#"<optgroup label="Tutor Zero">"#), "engagements under their tutor")
            #expect(page.body.contains(#"<option value="\#(engagement)" selected>Student Zero · Maths · paid by Parent Zero</option>"#))
            var fields = ["engagement": engagement, "date": "2026-03-24", "start": "09:00", "duration": "60"]
            fields["location"] = "Room 1"
            fields["sessionType"] = "In person"
            let booked = try await office.post("/sessions", fields, from: form)
            let link = try #require(booked.headers[.location])
            #expect(booked.status == 302 && link.hasSuffix("?done=book"))
            let session = try await office.get(link)
            #expect(session.body.contains("You booked the session; the family and Tutor Zero have been told."))
            #expect(session.body.contains("Tue 24 Mar 09:00–10:00 GMT"))
            #expect(session.body.contains("£50.00 (£50.00/h for 60 min)") && session.body.contains("Tutor earnings"))

            fields["start"] = ""
            fields["time"] = "9:30 AM"
            let overlap = try await office.post("/sessions", fields, from: form)
            #expect(overlap.status == 409 && overlap.body.contains("Tutor Zero already has a session at"))
            #expect(overlap.body.contains(#"value="9:30 AM""#), "what was typed is kept")
            fields["date"] = "2026-03-29"
            fields["time"] = "01:30"
            let skipped = try await office.post("/sessions", fields, from: form)
            #expect(
                skipped.status == 422
                    && skipped.body.contains("01:30 does not exist on Sun 29 Mar 2026 in Europe/London: the clocks go forward then."))
            fields["date"] = "2026-03-24"
            fields["time"] = "18:30"
            #expect(try await office.post("/sessions", fields, from: form).status == 302, "outside the tutor's hours: the office may")
            let parentForm = try await WebRequestTests.visitor(client, world.ours.parents[0]).get(form)
            #expect(parentForm.status == 403)
        }
    }

    /// A tutor logs last week's session from the web app, sees what they earn (not what the family
    /// pays), and the office marks another a late cancellation, charged as the settings say.
    @Test func aTutorLogsAPastSessionAndTheOfficeMarksALateCancellation() async throws {
        try await withAPI(.sqlite) { client, world in
            let tutor = try await WebRequestTests.visitor(client, world.ours.tutors[0])
            let home = try await tutor.get("/")
            #expect(home.body.contains(#"href="/sessions/new""#) && home.body.contains("Log session"), "tutors log sessions too")
            let blank = try await tutor.get("/sessions/new")
            #expect(blank.body.contains(#"<option value="">Choose…</option>"#), "nothing chosen for them")
            #expect(blank.body.contains(#"<label for="engagement">Student and subject</label>"#))
            let engagement = world.ours.engagements[2].id
            let form = "/sessions/new?engagement=\(engagement)&date=2026-03-19"
            let page = try await tutor.get(form)
            #expect(page.status == 200 && page.body.contains("The session was cancelled") && !page.body.contains("free times"))
            #expect(!page.body.contains("Student One"), "only the tutor's own engagements")
            let fields = [
                "engagement": engagement, "date": "2026-03-19", "time": "4:15 pm", "duration": "45", "location": "", "sessionType": "Online",
            ]
            let logged = try await tutor.post("/sessions", fields, from: form)
            let link = try #require(logged.headers[.location])
            #expect(logged.status == 302 && link.hasSuffix("?done=log"))
            let session = try await tutor.get(link)
            #expect(session.body.contains("You logged the session.") && session.body.contains("Thu 19 Mar 16:15–17:00 GMT"))
            #expect(session.body.contains("<h2 id=\"status\">Completed</h2>"))
            #expect(session.body.contains("£22.50 (£30.00/h for 45 min)"), "the tutor's earnings")
            #expect(!session.body.contains("Client amount") && !session.body.contains("£37.50"), "not what the family pays")
            let parent = try await WebRequestTests.visitor(client, world.ours.parents[1])
            let familyView = try await parent.get(String(link.prefix { $0 != "?" }))
            #expect(familyView.body.contains("Your amount") && familyView.body.contains("£37.50 (£50.00/h for 45 min)"))
            #expect(!familyView.body.contains("Tutor earnings") && !familyView.body.contains("Late cancellation"))

            let office = try await WebRequestTests.visitor(client, world.ours.admin)
            let sessionPath = String(link.prefix { $0 != "?" })
            let marked = try await office.post("\(sessionPath)/late-cancellation", ["reason": "Called an hour before"], from: sessionPath)
            #expect(marked.status == 302)
            let after = try await office.get(try #require(marked.headers[.location]))
            #expect(after.body.contains("You marked the session a late cancellation.") && after.body.contains("Called an hour before"))
            #expect(after.body.contains("£37.50 (£50.00/h for 45 min)"), "billed in full by default")
            #expect(after.body.contains("<h2 id=\"status\">Late cancellation</h2>"))
            let again = try await office.post("\(sessionPath)/late-cancellation", [:], from: sessionPath)
            #expect(again.status == 409 && again.body.contains("This session is already marked a late cancellation."))
        }
    }

    /// A booked session that has started can be marked completed by its tutor from its page.
    @Test func theTutorMarksAStartedSessionCompleted() async throws {
        try await withAPI(.sqlite) { client, world in
            let office = try await WebRequestTests.visitor(client, world.ours.admin)
            let engagement = world.ours.engagements[0].id
            let form = "/sessions/new?engagement=\(engagement)&date=2026-03-23"
            let fields = ["engagement": engagement, "date": "2026-03-23", "time": "10:30", "duration": "60", "location": "", "sessionType": "Online"]
            let booked = try await office.post("/sessions", fields, from: form)
            let path = String(try #require(booked.headers[.location]).prefix { $0 != "?" })
            let tutor = try await WebRequestTests.visitor(client, world.ours.tutors[0])
            #expect(!(try await tutor.get(path).body.contains("Mark completed")), "not before it starts")
            world.clock.advance(by: 45 * 60)
            #expect(try await tutor.get(path).body.contains("Mark completed"))
            let done = try await tutor.post("\(path)/complete", [:], from: path)
            let page = try await tutor.get(try #require(done.headers[.location]))
            #expect(page.body.contains("You marked the session completed.") && page.body.contains("<h2 id=\"status\">Completed</h2>"))
            #expect(!page.body.contains("Mark completed"))
        }
    }

    /// The tutor writes and sends the report from the session's page; the family reads it there,
    /// never the rating or notes.
    @Test func theTutorSendsAReportAndTheFamilyReadsIt() async throws {
        try await withAPI(.sqlite) { client, world in
            let path = "/sessions/\(try await SessionReportAPITests.pastSession(client, world))"
            let tutor = try await WebRequestTests.visitor(client, world.ours.tutors[1])
            let page = try await tutor.get(path)
            #expect(page.body.contains("After the session") && page.body.contains("Save and send report"))
            let fields = [
                "rating": "5", "report": "Read two chapters.\nGreat focus.", "internalNote": "Bring the workbook", "privateNotes": "",
                "action": "save",
            ]
            let saved = try await tutor.post("\(path)/report", fields, from: path)
            let afterSave = try await tutor.get(try #require(saved.headers[.location]))
            #expect(afterSave.body.contains("<p class=\"notice\" role=\"status\">Saved.</p>") && afterSave.body.contains("Bring the workbook"))
            #expect(afterSave.body.contains(#"<option value="5" selected>5 of 5</option>"#))
            let family = try await WebRequestTests.visitor(client, world.ours.parents[0])
            #expect(!(try await family.get(path).body.contains("Read two chapters")), "not before it is sent")

            var send = fields
            send["action"] = "send"
            let sent = try await tutor.post("\(path)/report", send, from: path)
            let afterSend = try await tutor.get(try #require(sent.headers[.location]))
            #expect(
                afterSend.body.contains("You sent the report to the family.")
                    && afterSend.body.contains("Last sent to the family on Mon 23 Mar 10:00 GMT."))
            let read = try await family.get(path)
            #expect(read.body.contains("<h2>Session report</h2>") && read.body.contains("Read two chapters.\nGreat focus."))
            #expect(!read.body.contains("Bring the workbook") && !read.body.contains("After the session") && !read.body.contains("5 of 5"))
        }
    }

    /// An organization that writes times the 12-hour way sees them so on its pages and in its messages.
    @Test func twelveHourTimesAreWrittenOnPagesAndInMessages() async throws {
        try await withAPI(.sqlite) { client, world in
            let ours = world.ours
            _ = try await ours.changeSettings(in: world.store) { $0.timeFormat = .twelveHour }
            let past = try await InvoiceAPITests.logPast(client, world, ours.engagements[0].id, "2026-03-16")
            let office = try await WebRequestTests.visitor(client, ours.admin)
            #expect(try await office.get(WebPath.session(past)).body.contains("Mon 16 Mar 4:00 PM–5:00 PM GMT"))
            let ahead = try await client.call(
                .post, "/api/v1/session-log", token: world.token(ours.admin),
                json: #"{"engagementId":"\#(ours.engagements[0].id)","date":"2026-03-26","startTime":"9:30 AM"}"#)
            #expect(ahead.status == 201)
            let told = try await world.store.read { db in
                try await db.outboxMessages(organizationID: ours.organization.id, recipientID: ours.parents[0].id).first {
                    $0.kind == "session_created"
                }
            }
            #expect(told?.subject == "Session booked: Maths with Tutor Zero for Student Zero, Thu 26 Mar 9:30 AM GMT", "\(told?.subject ?? "")")
        }
    }

    /// The office corrects a session's time from its page, and deletes one logged by mistake.
    @Test func theOfficeCorrectsASessionAndDeletesAMistake() async throws {
        try await withAPI(.sqlite) { client, world in
            let ours = world.ours
            let id = try await InvoiceAPITests.logPast(client, world, ours.engagements[0].id, "2026-03-16")
            let office = try await WebRequestTests.visitor(client, ours.admin)
            let page = try await office.get(WebPath.session(id))
            #expect(page.body.contains("Correct the session") && page.body.contains(#"value="16:00""#))
            let tutor = try await WebRequestTests.visitor(client, ours.tutors[0])
            #expect(!(try await tutor.get(WebPath.session(id))).body.contains("Correct the session"), "the office's alone")
            let saved = try await office.post(
                WebPath.session(id) + "/edit",
                ["date": "2026-03-16", "time": "5:00 PM", "duration": "45", "location": "Library", "sessionType": "In person"],
                from: WebPath.session(id))
            #expect(saved.headers[.location] == WebPath.session(id) + "?done=edit")
            let changed = try await office.get(WebPath.session(id) + "?done=edit")
            #expect(changed.body.contains("Saved.") && changed.body.contains("17:00–17:45") && changed.body.contains("Library"))
            let bad = try await office.post(
                WebPath.session(id) + "/edit", ["date": "2026-03-16", "time": "25:00", "duration": "45"], from: WebPath.session(id))
            #expect(bad.status == 422 && bad.body.contains("Write the start time as 16:30 or 4:30 PM."))
            let deleted = try await office.post(WebPath.session(id) + "/delete", [:], from: WebPath.session(id))
            #expect(deleted.headers[.location] == "/sessions")
            #expect(try await office.get(WebPath.session(id)).status == 404)
        }
    }

    /// The Sessions page filters what each person may see, and exports exactly that as a download.
    @Test func theSessionListFiltersAndExports() async throws {
        try await withAPI(.sqlite) { client, world in
            _ = try await SessionListAPITests.logWeek(client, world)
            let office = try await WebRequestTests.visitor(client, world.ours.admin)
            let list = try await office.get("/sessions?from=2026-03-16&to=2026-03-22")
            #expect(list.status == 200 && list.body.contains("7 sessions") && list.body.contains(#"<td data-label="Client">Parent One</td>"#))
            let filtered = try await office.get("/sessions?from=2026-03-16&to=2026-03-22&client=\(world.ours.parents[1].id)&report=not_written")
            #expect(filtered.body.contains("2 sessions") && !filtered.body.contains("Student Zero</td>"))
            #expect(
                filtered.body.contains(
                    #"href="/sessions/export?from=2026-03-16&amp;to=2026-03-22&amp;client=\#(world.ours.parents[1].id)&amp;report=not_written""#))
            let export = try await office.get("/sessions/export?from=2026-03-16&to=2026-03-22&client=\(world.ours.parents[1].id)")
            #expect(export.status == 200 && export.headers[.contentDisposition] == #"attachment; filename="sessions-2026-03-16-to-2026-03-22.csv""#)
            #expect(export.body.hasPrefix("\u{FEFF}Date,") && export.body.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 3)
            let tutor = try await WebRequestTests.visitor(client, world.ours.tutors[1])
            let own = try await tutor.get("/sessions?from=2026-03-16&to=2026-03-22")
            #expect(own.body.contains("1 session") && own.body.contains("Tutor earns") && !own.body.contains(">Amount<"))
        }
    }

    @Test func aParentAsksToMoveASessionAndIsWarnedFirst() async throws {
        try await withAPI(.sqlite) { client, world in
            let link = try await Self.book(client, world)
            let parent = try await WebRequestTests.visitor(client, world.ours.parents[0])
            let page = try await parent.get(link)
            #expect(
                page.body.contains(
                    "If you ask to move this session and the request is declined or not answered in time, this session will be cancelled too."))
            let move = try #require(page.body.firstMatch(of: /href="(\/requests\/new\?engagement=[^"]+)"/)).1.replacingOccurrences(
                of: "&amp;", with: "&")
            let form = try await parent.get(String(move) + "&date=2026-03-30")
            #expect(form.body.contains("Moving the session on <strong>Fri 27 Mar 10:00–11:00 GMT</strong>."))
            #expect(form.body.contains(#"name="replaces""#))

            let sessionID = String(link.dropFirst("/sessions/".count))
            let sent = try await parent.post(
                "/requests", ["engagement": world.ours.engagements[0].id, "start": "2026-03-30T09:00:00Z", "replaces": sessionID], from: link)
            #expect(sent.status == 302)
            let request = try await parent.get(try #require(sent.headers[.location]))
            #expect(request.body.contains("This request moves <a href=\"\(link)\">the session of Fri 27 Mar 10:00 GMT</a>.</p>"))
            // The tutor sees what declining it would do.
            let tutor = try await WebRequestTests.visitor(client, world.ours.tutors[0])
            let answering = try await tutor.get(try #require(sent.headers[.location]))
            #expect(
                answering.body.contains(
                    "Declining it, or leaving it unanswered, cancels the session of Fri 27 Mar 10:00 GMT, as the organization&#39;s settings say."))
            let original = try await parent.get(link)
            #expect(original.body.contains("A request to move this session is"), "the session points at the waiting request")
            #expect(!original.body.contains("Ask for another time"), "one move at a time")
        }
    }
}

/// `request` cancellation mode on the web: the family asks (after the warning), the session turns
/// red and stays booked, the office sees it, and it is taken back, cleared or cancelled.
@Suite struct WebCancellationRequestTests {
    @Test(arguments: TestDatabase.available)
    func aFamilyAsksTheOfficeToCancelAndTheOfficeDecides(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            _ = try await world.ours.changeSettings(in: world.store) {
                $0.cancellationMode = .request
                $0.cancellationWarningBufferHours = 120
                $0.cancellationWarningText = "Late cancellations are charged in full."
            }
            let link = try await WebSessionTests.book(client, world)
            let parent = try await WebRequestTests.visitor(client, world.ours.parents[0])
            let page = try await parent.get(link)
            #expect(page.body.contains("Ask the office to cancel") && page.body.contains("Late cancellations are charged in full."))
            #expect(!page.body.contains("/cancel\""), "no direct cancel in request mode")

            let unread = try await parent.post(link + "/cancellation-request", ["comment": "Exams that week"], from: link)
            #expect(unread.status == 422 && unread.body.contains("Please read this first and confirm"))
            let asked = try await parent.post(link + "/cancellation-request", ["comment": "Exams that week", "readWarning": "yes"], from: link)
            #expect(asked.status == 302)
            let red = try await parent.get(try #require(asked.headers[.location]))
            #expect(red.body.contains("You asked the office to cancel the session; the office has been told."))
            #expect(red.body.contains("Confirmed · cancellation requested") && red.body.contains("Until the office does, it goes ahead."))
            #expect(red.body.contains(#"<section class="card entry-card cancellation-requested">"#))
            let calendar = try await parent.get("/calendar?view=week&date=2026-03-27")
            #expect(calendar.body.contains(#"<li class="entry cancellation-requested">"#))

            let familyHome = try await parent.get("/")
            #expect(familyHome.body.contains("<h2>Waiting for the office to cancel</h2>") && familyHome.body.contains("Exams that week"))
            let office = try await WebRequestTests.visitor(client, world.ours.admin)
            let officeHome = try await office.get("/")
            #expect(officeHome.body.contains(#"<a class="needs" href="/office/requests">1 cancellation request waits for your answer</a>"#))
            #expect(officeHome.body.contains("<h2>Cancellation requests</h2>"))
            let filtered = try await office.get("/calendar?view=week&date=2026-03-27&only=cancellation-requests")
            #expect(filtered.body.contains(#"<li class="entry cancellation-requested">"#), "the office's filter finds it")
            let needs = try await office.get("/office/requests")
            #expect(needs.body.contains("Cancellation requests") && needs.body.contains("Exams that week"))
            let notified = try await world.store.read { db in try await db.outboxMessages(organizationID: world.ours.organization.id) }
            #expect(notified.contains { $0.kind == "cancellation_requested" && $0.recipientID == world.ours.admin.id })

            #expect(try await parent.post(link + "/cancellation-request/withdraw", [:], from: link).status == 302)
            #expect(try await parent.get(link).body.contains("Ask the office to cancel"), "taken back: the family may ask again")
            _ = try await parent.post(link + "/cancellation-request", ["readWarning": "yes"], from: link)
            #expect(try await parent.post(link + "/cancellation-request/clear", [:], from: link).status == 403, "only staff clear")
            let clear = try await office.post(link + "/cancellation-request/clear", [:], from: link)
            #expect(clear.status == 302)
            #expect(
                try await office.get(try #require(clear.headers[.location])).body.contains(
                    "You cleared the request to cancel: the session goes ahead; the family has been told."))
            let cleared = try await world.store.read { db in try await db.outboxMessages(organizationID: world.ours.organization.id) }
            #expect(cleared.contains { $0.kind == "cancellation_request_cleared" && $0.recipientID == world.ours.parents[0].id })
            #expect(try await parent.get(link).body.contains("Confirmed</h2>"))

            _ = try await parent.post(link + "/cancellation-request", ["readWarning": "yes"], from: link)
            #expect(try await office.post(link + "/cancel", ["reason": "As the family asked"], from: link).status == 302)
            let done = try await parent.get(link)
            #expect(done.body.contains("Cancelled because") && !done.body.contains("cancellation-requested"))
        }
    }
}
