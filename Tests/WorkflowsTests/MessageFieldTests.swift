import Foundation
import Notifications
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

/// The preview of a message kind fills every field; the messages real moves send must too. An
/// office's wording that prints each field shows no gap in any message the lifecycle sends.
@Suite struct MessageFieldTests {
    /// The fields every lifecycle message has; a note, a deadline and answer links only some.
    static let always = ["recipient", "organization", "actor", "what", "when", "link"]

    @Test(arguments: TestDatabase.available)
    func everyFieldIsFilledInEveryMessageAMoveSends(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, clock in
            let office = org.caller(org.admin)
            let parent = org.caller(org.parents[0])
            let tutor = org.caller(org.tutors[0])
            for kind in MessageKind.allCases {
                guard case .event = kind else { continue }
                let printed = kind.fields.map(\.name).filter(Self.always.contains).map { "\($0)=[{{\($0)}}]" }.joined(separator: " ")
                _ = try await MessageTemplates(dependencies).save(
                    MessageTemplate(subject: "{{what}}, {{when}}", body: printed, text: printed), for: kind, by: office)
            }
            let requesting = SessionRequesting(dependencies)
            let moves = RequestMoves(dependencies)
            func request(_ start: String) async throws -> SessionRequest {
                try await requesting.request(.init(engagementID: org.engagements[0].id, start: at(start), note: "Please"), by: parent)
            }

            _ = try await moves.decline(try await request("2026-03-26T10:00:00Z").id, reason: "I am away", by: tutor)
            let haggled = try await request("2026-03-26T11:00:00Z")
            _ = try await moves.propose(haggled.id, start: at("2026-03-27T14:00:00Z"), note: "Friday suits me", by: tutor)
            _ = try await moves.reply(haggled.id, message: "Friday is hard for us", start: nil, by: parent)
            _ = try await moves.propose(haggled.id, start: at("2026-03-27T15:00:00Z"), note: "Friday suits me", by: tutor)
            _ = try await moves.declineProposal(haggled.id, message: "", by: parent)
            _ = try await moves.withdraw(try await request("2026-03-26T12:00:00Z").id, message: "", by: parent)
            let booked = try await moves.accept(
                try await request("2026-03-26T14:00:00Z").id, details: SessionDetails(location: "Room 1", sessionType: "In person"), by: tutor)
            let move = try await requesting.request(
                .init(engagementID: org.engagements[0].id, start: at("2026-03-27T10:00:00Z"), replacesSessionID: booked.sessionID), by: parent)
            _ = try await moves.decline(move.id, reason: "Friday is full", by: tutor)
            let kept = try await moves.accept(
                try await request("2026-03-26T15:00:00Z").id, details: SessionDetails(location: "Room 1", sessionType: "In person"), by: tutor)
            _ = try await SessionCancellation(dependencies).cancel(try #require(kept.sessionID), reason: "Tutor unwell", by: office)
            let forgotten = try await request("2026-03-30T10:00:00Z")
            clock.set(forgotten.respondBy.addingTimeInterval(60))
            #expect(try await RequestExpiry(dependencies).expireOverdue() == 1)

            let outbox = try await dependencies.store.read { db in try await db.outboxMessages(organizationID: org.organization.id) }
            #expect(
                Set(outbox.map(\.kind)).isSuperset(of: [
                    "requested", "declined", "proposed", "replied", "proposal_declined", "withdrawn", "accepted", "reschedule_requested",
                    "original_cancelled", "session_cancelled", "expired",
                ]))
            for message in outbox {
                #expect(!message.body.contains("=[]"), "\(message.kind): \(message.body)")
                #expect(!message.subject.hasPrefix(",") && !message.subject.hasSuffix(","), "\(message.kind): \(message.subject)")
            }
            // Each decline names the time it turns down: the request's, and the reschedule's.
            let declined = outbox.filter { $0.kind == "declined" && $0.recipientID == org.parents[0].id }.map(\.subject)
            #expect(
                Set(declined) == [
                    "Maths with Tutor Zero for Student Zero, Thu 26 Mar 10:00 GMT", "Maths with Tutor Zero for Student Zero, Fri 27 Mar 10:00 GMT",
                ])
        }
    }
}
