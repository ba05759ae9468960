import Foundation
import HummingbirdTesting
import Scheduling
import Storage
import TestSupport
import Testing

/// The office's pages: needs action across tutors, people and invitations, the audit log.
@Suite struct WebOfficeTests {
    @Test func needsActionListsEveryTutorsOpenRequestsAndFilters() async throws {
        try await withAPI(.sqlite) { client, world in
            let ours = world.ours
            for (engagement, start) in [(ours.engagements[0].id, "2026-03-26T10:00:00Z"), (ours.engagements[1].id, "2026-03-26T11:00:00Z")] {
                let asked = try await client.call(
                    .post, "/api/v1/session-requests", token: world.token(ours.parents[0]), json: LifecycleAPITests.requestBody(engagement, start))
                #expect(asked.status == 201)
            }
            let office = try await WebRequestTests.visitor(client, ours.admin)
            let all = try await office.get("/office/requests")
            #expect(all.body.contains("2 open requests") && all.body.contains("with Tutor Zero") && all.body.contains("with Tutor One"))
            let one = try await office.get("/office/requests?tutor=\(ours.tutors[1].id)&state=pending")
            #expect(one.body.contains("1 open request") && !one.body.contains("with Tutor Zero"))
            #expect(try await office.get("/office/requests?state=proposed").body.contains("0 open requests"))
            for user in [ours.tutors[0], ours.parents[0]] {
                #expect(try await WebRequestTests.visitor(client, user).get("/office/requests").status == 403)
            }
        }
    }

    @Test func peopleShowsRatesAndInvitesByEmail() async throws {
        try await withAPI(.sqlite) { client, world in
            let office = try await WebRequestTests.visitor(client, world.ours.admin)
            let page = try await office.get("/people")
            #expect(page.body.contains("Family pays £50.00/h · tutor earns £30.00/h · 60 min · In person · Room 1"))
            #expect(page.body.contains("Can request sessions · Student One, Student Zero"))

            let invalid = try await office.post(
                "/people/invitations", ["name": "Dana Cole", "email": "not-an-email", "role": "parent"], from: "/people")
            #expect(invalid.status == 422 && invalid.body.contains(#"value="Dana Cole""#), "what was typed is kept")
            let asTutor = try await office.post("/people/invitations", ["name": "Tom Cole", "email": "tom@", "role": "tutor"], from: "/people")
            #expect(asTutor.status == 422 && asTutor.body.contains(#"<option value="tutor" selected>Tutor</option>"#), "the role chosen is kept")
            let sent = try await office.post(
                "/people/invitations", ["name": "Dana Cole", "email": "dana@example.com", "role": "parent", "canRequestSessions": "yes"],
                from: "/people")
            #expect(sent.status == 200)
            #expect(sent.body.contains("Invitation sent to Dana Cole.") && sent.body.contains("https://desk.test/invitations/"))
            #expect(sent.body.contains("Invited: the link works until Mon 30 Mar"))
            #expect(try await WebRequestTests.visitor(client, world.ours.tutors[0]).get("/people").status == 403)
        }
    }

    /// The office sets a family up from the People page: a subject, a student with a guardian, and
    /// an engagement with rates; refusals stay in their form with what was typed.
    @Test func theOfficeAddsSubjectsStudentsAndEngagements() async throws {
        try await withAPI(.sqlite) { client, world in
            let office = try await WebRequestTests.visitor(client, world.ours.admin)
            func added(_ page: WebLoginTests.Page) throws -> String {
                let location = try #require(page.headers[.location])
                #expect(page.status == 302 && location.hasPrefix("/people?added="))
                return String(try #require(location.split(separator: "id=").last))
            }
            let physics = try await office.post("/people/subjects", ["name": "Physics"], from: "/people")
            let subject = try added(physics)
            #expect(try await office.get(try #require(physics.headers[.location])).body.contains("Physics was added to the subjects."))
            let twice = try await office.post("/people/subjects", ["name": "physics"], from: "/people")
            #expect(twice.status == 409 && twice.body.contains("The subject physics already exists."))
            #expect(twice.body.contains(#"<input id="subject-name" name="name" type="text" required maxlength="100" value="physics">"#))

            let ada = try await office.post(
                "/people/students", ["name": "Ada New", "guardians[]": world.ours.parents[1].id, "notes": "Prefers mornings"], from: "/people")
            let student = try added(ada)
            #expect(try await office.get(try #require(ada.headers[.location])).body.contains("Ada New was added."))

            var terms = [
                "tutor": world.ours.tutors[1].id, "student": student, "subject": subject, "clientRate": "lots", "tutorPay": "30",
                "duration": "45", "location": "Library", "sessionType": "In person",
            ]
            let refused = try await office.post("/people/engagements", terms, from: "/people")
            #expect(refused.status == 422 && refused.body.contains("Write what the family pays per hour as an amount, such as 45.00."))
            #expect(refused.body.contains(#"value="lots""#) && refused.body.contains(#"<option value="\#(student)" selected>Ada New</option>"#))
            terms["clientRate"] = "£45.50"
            let engaged = try await office.post("/people/engagements", terms, from: "/people")
            _ = try added(engaged)
            let page = try await office.get(try #require(engaged.headers[.location]))
            #expect(page.body.contains("Physics with Tutor One for Ada New was added."))
            #expect(page.body.contains("Family pays £45.50/h · tutor earns £30.00/h · 45 min · In person · Library"))
            let listed = try await client.call(.get, "/api/v1/engagements?studentId=\(student)", token: world.token(world.ours.admin))
            #expect(listed.items.first?["clientId"] as? String == world.ours.parents[1].id, "the first guardian pays")
            #expect(try await WebRequestTests.visitor(client, world.ours.tutors[0]).post("/people/subjects", ["name": "X"], from: "/").status == 403)
        }
    }

    /// The office corrects a parent, a student and an engagement from their pages, ends the
    /// engagement, and withdraws and resends an invitation; refusals stay on the edit page.
    @Test func theOfficeEditsPeopleEndsEngagementsAndManagesInvitations() async throws {
        try await withAPI(.sqlite) { client, world in
            let ours = world.ours
            let office = try await WebRequestTests.visitor(client, ours.admin)
            let parentPage = "/people/parents/\(ours.parents[0].id)"
            let form = try await office.get(parentPage)
            #expect(form.body.contains(#"value="Parent Zero""#) && form.body.contains(#"<option value="yes" selected>"#))
            let taken = try await office.post(
                parentPage, ["name": "Grace Zero", "email": ours.tutors[0].email, "phone": "", "canRequestSessions": "yes"], from: parentPage)
            #expect(taken.status == 409 && taken.body.contains("is already in this organization") && taken.body.contains(#"value="Grace Zero""#))
            let saved = try await office.post(
                parentPage, ["name": "Grace Zero", "email": ours.parents[0].email, "phone": "07700 900123", "canRequestSessions": "no"],
                from: parentPage)
            #expect(saved.status == 302)
            let people = try await office.get(try #require(saved.headers[.location]))
            #expect(people.body.contains("Grace Zero&#39;s details were saved."))
            #expect(people.body.contains("Cannot request sessions · Student One, Student Zero"))

            let engagementPage = "/people/engagements/\(ours.engagements[1].id)"
            let terms = [
                "client": ours.parents[0].id, "clientRate": "52.50", "tutorPay": "31", "duration": "45", "location": "", "sessionType": "Online",
            ]
            let changed = try await office.post(engagementPage, terms, from: engagementPage)
            #expect(changed.status == 302)
            #expect(try await office.get("/people").body.contains("Family pays £52.50/h · tutor earns £31.00/h · 45 min · Online"))
            let ended = try await office.post(engagementPage + "/end", [:], from: engagementPage)
            let afterEnd = try await office.get(try #require(ended.headers[.location]))
            #expect(afterEnd.body.contains("English with Tutor One for Student One has ended. The family can no longer request sessions through it."))
            #expect(try await office.get(engagementPage).body.contains("This engagement has ended."))

            let invited = try await office.post(
                "/people/invitations", ["name": "Dana Cole", "email": "dana@example.com", "role": "parent"], from: "/people")
            #expect(invited.body.contains("Withdraw the invitation"))
            let dana = try #require(
                try await client.call(.get, "/api/v1/parents", token: world.token(ours.admin)).items.first { $0["name"] as? String == "Dana Cole" }?[
                    "id"] as? String)
            let withdrawn = try await office.post("/people/parents/\(dana)/withdraw", [:], from: "/people")
            let listed = try await office.get(try #require(withdrawn.headers[.location]))
            #expect(listed.body.contains("invitation was withdrawn: its link no longer works."))
            #expect(listed.body.contains("No password yet, and no invitation that works") && listed.body.contains("Send an invitation"))
            let resent = try await office.post("/people/parents/\(dana)/resend", [:], from: "/people")
            #expect(
                resent.status == 200 && resent.body.contains("Invitation sent to Dana Cole.")
                    && resent.body.contains("https://desk.test/invitations/"))
            let activeResend = try await office.post("/people/parents/\(ours.parents[1].id)/resend", [:], from: "/people")
            #expect(activeResend.status == 409 && activeResend.body.contains(#"role="alert">Parent One &lt;"#))
            let colleague = try await office.post(
                "/people/invitations", ["name": "Olu Office", "email": "olu@example.com", "role": "admin"], from: "/people")
            #expect(colleague.status == 200 && colleague.body.contains("Invitation sent to Olu Office."))
            let olu = try #require(
                colleague.body.firstMatch(
                    of:
                        /<li><strong>Olu Office<\/strong><span class="due">olu@example.com · Invited: [^<]*<\/span>\s*<span class="row-actions"><form class="inline" method="post" action="\/people\/office\/([^"\/]+)\/resend">/
                ))
            #expect(try await office.get("/people/office/\(olu.1)").status == 404, "the office's own people correct their own details")
            let oluWithdrawn = try await office.post("/people/office/\(olu.1)/withdraw", [:], from: "/people")
            #expect(try await office.get(try #require(oluWithdrawn.headers[.location])).body.contains("Olu Office&#39;s invitation was withdrawn"))
            let subjectPage = "/people/subjects/\(ours.subjects[1].id)"
            let renamed = try await office.post(subjectPage, ["name": "English Literature"], from: subjectPage)
            #expect(try await office.get(try #require(renamed.headers[.location])).body.contains("The subject is now called English Literature."))
            let clash = try await office.post(subjectPage, ["name": "maths"], from: subjectPage)
            #expect(clash.status == 409 && clash.body.contains("The subject maths already exists.") && clash.body.contains(#"value="maths""#))
            #expect(try await WebRequestTests.visitor(client, ours.tutors[0]).get(parentPage).status == 403)
        }
    }

    /// Every change to how the organization runs is in the audit log beside the moves, each line
    /// "who did what to what" with the name once.
    @Test func everyChangeTheOfficeMakesIsInTheAuditLog() async throws {
        try await withAPI(.sqlite) { client, world in
            let admin = world.token(world.ours.admin)
            let tutor = world.ours.tutors[0]
            #expect(
                try await client.call(.patch, "/api/v1/organization/settings", token: admin, json: #"{"requestNoticeHours":48,"slotStepMinutes":60}"#)
                    .status == 200)
            #expect(try await client.call(.patch, "/api/v1/organization/settings", token: admin, json: #"{"requestNoticeHours":48}"#).status == 200)
            #expect(
                try await client.call(.put, "/api/v1/message-templates/declined", token: admin, json: MessageTemplateAPITests.declineBody).status
                    == 200)
            #expect(try await client.call(.delete, "/api/v1/message-templates/declined", token: admin).status == 200)
            #expect(try await client.call(.post, "/api/v1/subjects", token: admin, json: #"{"name":"Physics"}"#).status == 201)
            #expect(
                try await client.call(
                    .post, "/api/v1/invitations", token: admin, json: #"{"name":"Dana Cole","email":"dana@new.example","role":"parent"}"#
                )
                .status == 201)
            #expect(
                try await client.call(
                    .put, "/api/v1/tutors/\(tutor.id)/availability", token: world.token(tutor),
                    json: #"{"weekly":[{"weekday":"monday","start":"09:00","end":"12:00"}],"overrides":[],"timeOff":[]}"#
                ).status == 200)

            let log = try await client.call(.get, "/api/v1/audit-events", token: admin)
            let lines = log.items.map { "\($0["actorName"] as? String ?? "") \($0["summary"] as? String ?? "")" }
            #expect(
                lines.reversed() == [
                    "Office changed the settings: request notice 72 hours → 48 hours; slot step 30 minutes → 60 minutes",
                    "Office changed the wording of \"A request is declined\"",
                    "Office put back the standard wording of \"A request is declined\"",
                    "Office added the subject Physics",
                    "Office invited Dana Cole <dana@new.example> as a parent",
                    "Tutor Zero changed their availability",
                ], "a save that changes nothing is not logged")
            #expect(log.items.first?["action"] as? String == "availability_changed" && log.items.first?["subjectType"] as? String == "availability")

            let page = try await WebRequestTests.visitor(client, world.ours.admin).get("/audit")
            #expect(
                page.body.contains(#"<strong>Office</strong> <span class="role">(Office)</span> <a href="/people">added the subject Physics</a>"#))
            #expect(page.body.contains(#"<a href="/availability?tutor=\#(tutor.id)">changed their availability</a>"#))
        }
    }

    @Test func theAuditLogPagesThroughEventsOfOneSecondWithoutLosingAny() async throws {
        try await withAPI(.sqlite) { client, world in
            let ours = world.ours
            let second = world.clock.now
            try await world.store.write { db in
                for index in 0..<120 {
                    try await db.insertAuditEvent(
                        AuditEvent(
                            id: "event-\(index)", organizationID: ours.organization.id, actorID: ours.admin.id, actorName: "Office",
                            actorRole: "admin",
                            action: .lifecycle(.sessionCreated), subjectType: "session", subjectID: "session-\(index)", summary: "Event \(index)",
                            createdAt: second))
                }
            }
            let office = try await WebRequestTests.visitor(client, ours.admin)
            var seen: [String] = []
            var path: String? = "/audit"
            while let next = path {
                let page = try await office.get(next)
                seen += page.body.matches(of: /Event (\d+)</).map { String($0.1) }
                path = page.body.firstMatch(of: /href="(\/audit\?before=[^"]+)"/).map { String($0.1) }
            }
            #expect(seen.count == 120 && Set(seen).count == 120, "every event once, newest first")
            #expect(seen.first == "119")

            var ids: [String] = []
            var cursor: String?
            repeat {
                let page = try await client.call(
                    .get, "/api/v1/audit-events?limit=50" + (cursor.map { "&cursor=\($0)" } ?? ""), token: world.token(ours.admin))
                #expect(page.status == 200)
                ids += page.items.compactMap { $0["id"] as? String }
                cursor = page.json["nextCursor"] as? String
            } while cursor != nil
            #expect(ids.count == 120 && Set(ids).count == 120)
            #expect(try await client.call(.get, "/api/v1/audit-events?cursor=soon", token: world.token(ours.admin)).status == 400)
            let farEnd = try await client.call(
                .get, "/api/v1/audit-events?cursor=-92514.-9421910158417374542", token: world.token(ours.admin))
            #expect(farEnd.status == 200 && farEnd.items.isEmpty, "a documented cursor past 64 bits pages from its far end: nothing before it")
            let latest = try await client.call(.get, "/api/v1/audit-events?cursor=9999999999999999999.0", token: world.token(ours.admin))
            #expect(latest.status == 200 && latest.items.count == 100, "everything is before the far future")
        }
    }
}
