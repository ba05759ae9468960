import Foundation
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

/// Monday 23 March 2026 10:00 GMT; tutor 0 works weekdays 09:00–17:00; the earliest requestable time is Thursday 10:00.
func at(_ iso: String) -> Date { try! Date(iso, strategy: .iso8601) }

@Suite struct RequestFlowTests {
    @Test(arguments: TestDatabase.available)
    func requestProposeReplyAccept(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, clock in
            let parent = org.caller(org.parents[0])
            let tutor = org.caller(org.tutors[0])
            let moves = RequestMoves(dependencies)
            let request = try await SessionRequesting(dependencies).request(
                .init(engagementID: org.engagements[0].id, start: at("2026-03-26T10:00:00Z"), note: "Algebra please"), by: parent)
            #expect(request.state == .pending)
            // The earlier of Monday 10:00 + 72 h and the end of Wednesday.
            #expect(request.respondBy == at("2026-03-26T00:00:00Z"))

            clock.advance(by: 3600)
            let proposed = try await moves.propose(request.id, start: at("2026-03-27T14:00:00Z"), note: "Friday afternoon suits me better", by: tutor)
            #expect(proposed.state == .proposed && proposed.heldTime == TimeRange(start: at("2026-03-27T14:00:00Z"), minutes: 60))
            clock.advance(by: 3600)
            let replied = try await moves.reply(request.id, message: "Could we do Friday 11:00?", start: at("2026-03-27T11:00:00Z"), by: parent)
            #expect(replied.state == .pending && replied.parentReplied)
            clock.advance(by: 3600)
            let accepted = try await moves.accept(
                request.id, details: SessionDetails(location: "Room 2", sessionType: "In person", className: "Year 9", room: "2"), by: tutor)
            #expect(accepted.state == .accepted && accepted.closedByName == "Tutor Zero")
            let sessionID = try #require(accepted.sessionID)

            let session = try await SessionDirectory(dependencies).session(sessionID, for: parent).session
            #expect(session.time == TimeRange(start: at("2026-03-27T11:00:00Z"), minutes: 60))
            #expect(session.location == "Room 2" && session.className == "Year 9" && session.status == .scheduled)

            let conversation = try await RequestDirectory(dependencies).conversation(request.id, for: tutor).entries
            #expect(conversation.map(\.event) == [.requested, .proposed, .replied, .accepted])
            #expect(conversation.map(\.authorName) == ["Parent Zero", "Tutor Zero", "Parent Zero", "Tutor Zero"])
            #expect(conversation.map(\.body) == ["Algebra please", "Friday afternoon suits me better", "Could we do Friday 11:00?", ""])
            #expect(conversation[1].time == TimeRange(start: at("2026-03-27T14:00:00Z"), minutes: 60))

            let audit = try await AuditLog(dependencies).events(subjectID: request.id, for: org.caller(org.admin))
            #expect(audit.map(\.action) == [.lifecycle(.accepted), .lifecycle(.replied), .lifecycle(.proposed), .lifecycle(.requested)])

            // A request goes to the family and the tutor; every later move also copies the office.
            let outbox = try await dependencies.store.read { db in try await db.outboxMessages(organizationID: org.organization.id) }
            let byKind = Dictionary(grouping: outbox, by: \.kind).mapValues { Set($0.compactMap(\.recipientID)) }
            #expect(byKind["requested"] == [org.parents[0].id, org.tutors[0].id])
            for kind in ["proposed", "replied", "accepted"] {
                #expect(byKind[kind] == [org.parents[0].id, org.tutors[0].id, org.admin.id], "\(kind)")
            }
            #expect(outbox.first { $0.kind == "proposed" }?.body.contains("Fri 27 Mar 14:00 GMT") == true)
            // Each reads their own move as theirs: "You requested…", "Parent Zero requested…" for the tutor.
            let requested = outbox.filter { $0.kind == "requested" }
            #expect(requested.first { $0.recipientID == org.parents[0].id }?.body.contains("You requested a session: ") == true)
            #expect(requested.first { $0.recipientID == org.tutors[0].id }?.body.contains("Parent Zero requested a session: ") == true)
            #expect(
                outbox.first { $0.kind == "replied" && $0.recipientID == org.parents[0].id }?.body.contains("You replied to the proposed time")
                    == true)
            // The confirmation says where, in its text and in the calendar event it carries.
            let confirmed = try #require(outbox.first { $0.kind == "accepted" && $0.recipientID == org.parents[0].id })
            #expect(confirmed.body.contains("on Fri 27 Mar 11:00 GMT (Room 2, In person)."))
            #expect(confirmed.attachment?.text.contains("LOCATION:Room 2\\, In person") == true)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aHeldTimeIsOfferedToNobodyElseUntilReleased(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let otherFamily = org.caller(try await org.allowRequests(by: org.parents[1], in: dependencies.store))
            let first = try await SessionRequesting(dependencies).request(
                .init(engagementID: org.engagements[0].id, start: at("2026-03-26T10:00:00Z")), by: org.caller(org.parents[0]))
            do {
                _ = try await SessionRequesting(dependencies).request(
                    .init(engagementID: org.engagements[2].id, start: at("2026-03-26T10:30:00Z")), by: otherFamily)
                Issue.record("an overlapping request was accepted")
            } catch let error as DomainError {
                #expect(error.kind == .conflict)
                #expect(error.message.hasPrefix("Thu 26 Mar 10:30 GMT is being held for another request."))
                #expect(error.alternatives.first?.label == "Thu 26 Mar 11:00 GMT")
            }
            let day = LocalDate(iso: "2026-03-26")!
            let offered = try await FreeSlotListing(dependencies).slots(engagementID: org.engagements[2].id, from: day, to: day, for: otherFamily)
            #expect(!offered.slots.contains { $0.overlaps(first.requestedTime) })

            _ = try await RequestMoves(dependencies).decline(first.id, reason: "Ill that day", by: org.caller(org.tutors[0]))
            let second = try await SessionRequesting(dependencies).request(
                .init(engagementID: org.engagements[2].id, start: at("2026-03-26T10:30:00Z")), by: otherFamily)
            #expect(second.state == .pending)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aClosedRequestRefusesFurtherMovesWithASentence(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let request = try await SessionRequesting(dependencies).request(
                .init(engagementID: org.engagements[0].id, start: at("2026-03-26T10:00:00Z")), by: org.caller(org.parents[0]))
            let details = SessionDetails(location: "Room 1", sessionType: "Online")
            _ = try await RequestMoves(dependencies).accept(request.id, details: details, by: org.caller(org.admin))
            do {
                _ = try await RequestMoves(dependencies).accept(request.id, details: details, by: org.caller(org.tutors[0]))
                Issue.record("accepted twice")
            } catch let error as DomainError {
                #expect(error.kind == .conflict)
                #expect(error.message == "This request was already accepted by Office on Mon 23 Mar 2026.")
            }
            let sessions = try await SessionDirectory(dependencies).list(
                .init(from: LocalDate(iso: "2026-03-23")!, to: LocalDate(iso: "2026-03-31")!), for: org.caller(org.admin))
            #expect(sessions.sessions.count == 1)
            await expectRefusal(.invalid) {
                try await RequestMoves(dependencies).accept(
                    request.id, details: SessionDetails(location: "", sessionType: "Online"), by: org.caller(org.admin))
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func whenTheOfficeAnswersTutorsNeitherSeeNorAnswer(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            _ = try await org.changeSettings(in: dependencies.store) { $0.requestRouting = .adminsOnly }
            let request = try await SessionRequesting(dependencies).request(
                .init(engagementID: org.engagements[0].id, start: at("2026-03-26T10:00:00Z")), by: org.caller(org.parents[0]))
            let tutorView = try await RequestDirectory(dependencies).list(.init(), for: org.caller(org.tutors[0]))
            #expect(tutorView.requests.isEmpty)
            await expectRefusal(.notFound) { try await RequestMoves(dependencies).decline(request.id, reason: "No", by: org.caller(org.tutors[0])) }
            let officeView = try await RequestDirectory(dependencies).list(.init(needsAction: true), for: org.caller(org.admin))
            #expect(officeView.requests.map(\.id) == [request.id])
            let outbox = try await dependencies.store.read { db in try await db.outboxMessages(organizationID: org.organization.id) }
            #expect(Set(outbox.compactMap(\.recipientID)) == [org.parents[0].id, org.admin.id], "the office, not the tutor, hears of the request")
        }
    }

    @Test(arguments: TestDatabase.available)
    func needsActionFollowsWhoseTurnItIs(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let parent = org.caller(org.parents[0])
            let tutor = org.caller(org.tutors[0])
            let request = try await SessionRequesting(dependencies).request(
                .init(engagementID: org.engagements[0].id, start: at("2026-03-26T10:00:00Z")), by: parent)
            let directory = RequestDirectory(dependencies)
            #expect(try await directory.list(.init(needsAction: true), for: tutor).requests.map(\.id) == [request.id])
            #expect(try await directory.list(.init(needsAction: true), for: parent).requests.isEmpty)
            _ = try await RequestMoves(dependencies).propose(request.id, start: at("2026-03-27T10:00:00Z"), note: "Friday?", by: tutor)
            #expect(try await directory.list(.init(needsAction: true), for: tutor).requests.isEmpty)
            #expect(try await directory.list(.init(needsAction: true), for: parent).requests.map(\.id) == [request.id])
            #expect(try await directory.list(.init(states: [.proposed]), for: org.caller(org.parents[1])).requests.isEmpty)
            await expectRefusal(.notFound) { try await directory.request(request.id, for: org.caller(org.parents[1])) }
            await expectRefusal(.notFound) { try await directory.request(request.id, for: org.caller(org.tutors[1])) }
        }
    }
}
