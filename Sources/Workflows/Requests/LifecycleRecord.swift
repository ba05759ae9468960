import Foundation
import Notifications
import Scheduling
import Storage

/// Writes what a move leaves behind, inside the move's own transaction: the line of the
/// conversation, the audit event, and one outbox message per person to notify. Either all of it
/// and the move are stored, or none.
struct LifecycleRecord {
    let dependencies: Dependencies
    let parties: RequestParties
    let now: Date

    /// `body` is what the person wrote (a note, a reason) or, for the system, what happened;
    /// `place`, where and how a session the move booked happens.
    func requestEvent(
        _ event: LifecycleEvent, on request: SessionRequest, by mover: Mover, body: String, time: TimeRange?, place: String? = nil, in db: DB
    ) async throws {
        let actorName = mover.caller?.name ?? "SessionDesk"
        try await db.appendConversation(
            id: dependencies.ids.next(), requestID: request.id, organizationID: request.organizationID, author: mover, authorName: actorName,
            event: event, body: body, time: time, now: now)
        let message = LifecycleMessage(
            event: event, parties: parties, request: request, actorName: actorName, body: body, time: time, place: place ?? "")
        try await db.insertAuditEvent(audit(event, subjectType: "session_request", subjectID: request.id, by: mover, summary: message.auditSummary))
        let people = recipients(of: event)
        guard !people.isEmpty else { return }
        let wording = try await wording(for: event, in: db)
        let invite = try await invitations.forRequest(event, request, time: time, location: place ?? "", in: db)
        let shared = message.values(link: dependencies.url(WebPath.request(request.id)))
        let subject = wording.sharedSubject(shared)
        var messages: [OutboxMessage] = []
        var links: [ActionLinks.Issued] = []
        for person in people {
            var values = shared
            values["recipient"] = person.name
            // Their own copy of their move reads "You requested…", not their name twice.
            if person.id == mover.caller?.userID { values["actor"] = "You" }
            let issued = ActionLinks.issue(
                ActionLinks.actions(for: person, event: event, request: request, parties: parties), for: person, request: request,
                dependencies: dependencies)
            values.merge(MessageValues.actions(issued.map { ($0.label, $0.url) }), uniquingKeysWith: { $1 })
            links += issued
            messages.append(outboxMessage(event, to: person, values: values, wording: wording, subject: subject, invite: invite))
        }
        try await db.insertActionLinks(links.map { ($0.link, $0.tokenHash) }, now: now)
        try await db.enqueue(messages)
    }

    func sessionEvent(_ event: LifecycleEvent, on session: Session, by mover: Mover, body: String, in db: DB) async throws {
        let actorName = mover.caller?.name ?? "SessionDesk"
        let message = LifecycleMessage(
            event: event, parties: parties, request: nil, actorName: actorName, body: body, time: session.time,
            place: LifecycleMessage.place(SessionDetails(location: session.location, sessionType: session.sessionType)))
        try await db.insertAuditEvent(audit(event, subjectType: "session", subjectID: session.id, by: mover, summary: message.auditSummary))
        let people = recipients(of: event)
        guard !people.isEmpty else { return }
        let wording = try await wording(for: event, in: db)
        let invite = try await invitations.forSession(event, session, in: db)
        let shared = message.values(link: dependencies.url(WebPath.session(session.id)))
        let subject = wording.sharedSubject(shared)
        try await db.enqueue(
            people.map { person in
                var values = shared
                values["recipient"] = person.name
                // Their own copy of their move reads "You requested…", not their name twice.
                if person.id == mover.caller?.userID { values["actor"] = "You" }
                return outboxMessage(event, to: person, values: values, wording: wording, subject: subject, invite: invite)
            })
    }

    private var invitations: CalendarInvitations {
        CalendarInvitations(parties: parties, domain: CalendarInvitations.domain(of: dependencies), now: now)
    }

    /// The organization's wording of `event`'s message.
    private func wording(for event: LifecycleEvent, in db: DB) async throws -> MessageRendering {
        let (cache, organizationID, stamp) = (dependencies.directory, parties.organization.id, parties.directoryStamp)
        if let kept = cache.wording(.event(event), organizationID: organizationID, stamp: stamp) { return kept }
        let wording = try await MessageTemplates.rendering(.event(event), organizationID: organizationID, in: db, logger: dependencies.logger)
        cache.keep(wording, for: .event(event), organizationID: organizationID, stamp: stamp)
        return wording
    }

    private func recipients(of event: LifecycleEvent) -> [User] {
        parties.recipients(event.audiences(routing: parties.organization.settings.requestRouting))
    }

    private func audit(_ event: LifecycleEvent, subjectType: String, subjectID: String, by mover: Mover, summary: String) -> AuditEvent {
        AuditEvent(
            id: dependencies.ids.next(), organizationID: parties.organization.id, actorID: mover.caller?.userID,
            actorName: mover.caller?.name ?? "SessionDesk", actorRole: mover.caller?.role.rawValue ?? "system", action: .lifecycle(event),
            subjectType: subjectType, subjectID: subjectID, summary: summary, createdAt: now)
    }

    /// The message for `person`; the office's copies and text messages go without the invitation.
    /// `subject` is the one all recipients share, when the wording has one.
    private func outboxMessage(
        _ event: LifecycleEvent, to person: User, values: [String: Any], wording: MessageRendering, subject: String?,
        invite: OutboxMessage.Attachment?
    ) -> OutboxMessage {
        let contact = person.contact(textMessages: dependencies.textMessages)
        let words = wording.render(values, sms: contact.channel == .sms, subject: subject)
        return OutboxMessage(
            id: dependencies.ids.next(), organizationID: parties.organization.id, recipientID: person.id, channel: contact.channel,
            address: contact.address, kind: event.rawValue, subject: words.subject, body: words.body, createdAt: now,
            attachment: person.role == .admin || contact.channel == .sms ? nil : invite)
    }
}
