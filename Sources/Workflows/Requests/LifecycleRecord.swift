import Foundation
import Scheduling
import Storage

/// Writes what a move leaves behind, inside the move's own transaction: the line of the
/// conversation, the audit event, and one outbox message per person to notify. Either all of it
/// and the move are stored, or none.
struct LifecycleRecord {
    let dependencies: Dependencies
    let parties: RequestParties
    let now: Date

    /// `body` is what the person wrote (a note, a reason) or, for the system, what happened.
    func requestEvent(_ event: LifecycleEvent, on request: SessionRequest, by mover: Mover, body: String, time: TimeRange?, in db: DB) async throws {
        let actorName = mover.caller?.name ?? "SessionDesk"
        try await db.appendConversation(
            id: dependencies.ids.next(), requestID: request.id, organizationID: request.organizationID, author: mover, authorName: actorName,
            event: event, body: body, time: time, now: now)
        let message = LifecycleMessage(event: event, parties: parties, request: request, actorName: actorName, body: body, time: time)
        try await audit(event, subjectType: "session_request", subjectID: request.id, by: mover, summary: message.auditSummary, in: db)
        let invite = try await invitations.forRequest(event, request, time: time, in: db)
        try await notify(
            event, message: message, link: "\(dependencies.publicBaseURL)/requests/\(request.id)", invite: invite, request: request, in: db)
    }

    func sessionEvent(_ event: LifecycleEvent, on session: Session, by mover: Mover, body: String, in db: DB) async throws {
        let actorName = mover.caller?.name ?? "SessionDesk"
        let message = LifecycleMessage(event: event, parties: parties, request: nil, actorName: actorName, body: body, time: session.time)
        try await audit(event, subjectType: "session", subjectID: session.id, by: mover, summary: message.auditSummary, in: db)
        let invite = try await invitations.forSession(event, session, in: db)
        try await notify(
            event, message: message, link: "\(dependencies.publicBaseURL)/sessions/\(session.id)", invite: invite, request: nil, in: db)
    }

    private var invitations: CalendarInvitations {
        CalendarInvitations(parties: parties, domain: CalendarInvitations.domain(of: dependencies), now: now)
    }

    private func audit(_ event: LifecycleEvent, subjectType: String, subjectID: String, by mover: Mover, summary: String, in db: DB) async throws {
        try await db.insertAuditEvent(
            AuditEvent(
                id: dependencies.ids.next(), organizationID: parties.organization.id, actorID: mover.caller?.userID,
                actorName: mover.caller?.name ?? "SessionDesk", actorRole: mover.caller?.role.rawValue ?? "system", action: event,
                subjectType: subjectType, subjectID: subjectID, summary: summary, createdAt: now))
    }

    private func notify(
        _ event: LifecycleEvent, message: LifecycleMessage, link: String, invite: OutboxMessage.Attachment?, request: SessionRequest?, in db: DB
    ) async throws {
        let people = parties.recipients(event.audiences(routing: parties.organization.settings.requestRouting))
        guard !people.isEmpty else { return }
        let wording = try await MessageTemplates.rendering(
            .event(event), organizationID: parties.organization.id, in: db, logger: dependencies.logger)
        let shared = message.values(link: link)
        var messages: [OutboxMessage] = []
        for person in people {
            var values = shared
            values["recipient"] = person.name
            if let request {
                let actions = ActionLinks.actions(for: person, event: event, request: request, parties: parties)
                let links = try await ActionLinks.make(actions, for: person, request: request, dependencies: dependencies, now: now, in: db)
                values.merge(MessageValues.actions(links), uniquingKeysWith: { $1 })
            }
            let contact = person.contact(textMessages: dependencies.textMessages)
            let words = wording.render(values, sms: contact.channel == .sms)
            messages.append(
                OutboxMessage(
                    id: dependencies.ids.next(), organizationID: parties.organization.id, recipientID: person.id, channel: contact.channel,
                    address: contact.address, kind: event.rawValue, subject: words.subject, body: words.body, createdAt: now,
                    attachment: person.role == .admin || contact.channel == .sms ? nil : invite))
        }
        try await db.enqueue(messages)
    }
}
