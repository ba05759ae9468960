import Foundation
import Notifications
import Scheduling
import Storage

/// A message about a session to every guardian of its students (each once), by the channel each
/// chose, written to the outbox in the caller's transaction: session reports and the session
/// emails the office sends from a session.
struct FamilyMessages {
    let dependencies: Dependencies
    let now: Date

    /// `values` adds to the names every such message has: recipient, organization, actor, what, when, link.
    func send(_ kind: MessageKind, about session: Session, parties: RequestParties, values: [String: Any], by caller: Caller, in db: DB)
        async throws
    {
        var guardianIDs: [String] = []
        for studentID in session.studentIDs {
            let student =
                studentID == parties.student.id ? parties.student : try await db.student(id: studentID, organizationID: session.organizationID)
            guardianIDs += student?.guardianIDs ?? []
        }
        let guardians = try await db.users(organizationID: session.organizationID, ids: Array(Set(guardianIDs)))
        let organization = parties.organization
        let wording = try await MessageTemplates.rendering(kind, organizationID: organization.id, in: db, logger: dependencies.logger)
        var shared: [String: Any] = [
            "organization": organization.name, "actor": caller.name, "what": parties.summary, "when": organization.describe(session.time),
            "link": dependencies.url(WebPath.session(session.id)),
        ]
        shared.merge(values) { _, new in new }
        let subject = wording.sharedSubject(shared)
        try await db.enqueue(
            guardians.sorted { $0.name < $1.name }.map { person in
                var values = shared
                values["recipient"] = person.name
                let contact = person.contact(textMessages: dependencies.textMessages)
                let words = wording.render(values, sms: contact.channel == .sms, subject: subject)
                return OutboxMessage(
                    id: dependencies.ids.next(), organizationID: organization.id, recipientID: person.id, channel: contact.channel,
                    address: contact.address, kind: kind.rawValue, subject: words.subject, body: words.body, createdAt: now)
            })
    }
}
