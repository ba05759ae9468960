import Foundation
public import Notifications
public import Scheduling
import Storage

/// After the session (seed 002): the office or the session's tutor rates it, writes the report
/// and notes, and with "Save and send" the report goes to every family in the session by the
/// channel each chose, through the outbox, in the same transaction. Families read a sent report on
/// the session's page; rating and notes stay with the staff.
public struct SessionReports: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public func save(_ sessionID: String, _ draft: SessionNotesDraft, send: Bool, by caller: Caller, once key: IdempotencyKey? = nil)
        async throws -> Session
    {
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { [dependencies] db in
            guard var session = try await db.session(id: sessionID, organizationID: caller.organizationID) else {
                throw DomainError.notFound("Session")
            }
            let parties = try await SessionAccess.parties(of: session, for: caller, in: db)
            guard caller.role != .parent else { throw DomainError.forbidden("Only the office and the session's tutor write about a session.") }
            session.notes = try SessionNotesRules.apply(draft, to: session, send: send, in: parties.organization, now: now)
            try await db.saveSessionNotes(session.notes, sessionID: session.id, organizationID: session.organizationID)
            let what = "\(parties.summary), \(parties.organization.describe(session.time))"
            try await OfficeAudit(dependencies: dependencies).record(
                send ? .reportSent : .reportSaved, session: session,
                summary: send ? "sent the report on \(what) to the family" : "wrote about \(what)", by: caller, at: now, in: db)
            if send { try await Self.sendReport(of: session, parties: parties, by: caller, dependencies: dependencies, now: now, in: db) }
            return session
        }
    }

    /// One message per guardian of each student in the session, by the channel they chose.
    private static func sendReport(
        of session: Session, parties: RequestParties, by caller: Caller, dependencies: Dependencies, now: Date, in db: DB
    ) async throws {
        var guardianIDs: [String] = []
        for studentID in session.studentIDs {
            let student =
                studentID == parties.student.id ? parties.student : try await db.student(id: studentID, organizationID: session.organizationID)
            guardianIDs += student?.guardianIDs ?? []
        }
        let guardians = try await db.users(organizationID: session.organizationID, ids: Array(Set(guardianIDs)))
        let organization = parties.organization
        let wording = try await MessageTemplates.rendering(.sessionReport, organizationID: organization.id, in: db, logger: dependencies.logger)
        let shared: [String: Any] = [
            "organization": organization.name, "actor": caller.name, "what": parties.summary, "when": organization.describe(session.time),
            "report": session.notes.report, "link": dependencies.url(WebPath.session(session.id)),
        ]
        let subject = wording.sharedSubject(shared)
        try await db.enqueue(
            guardians.sorted { $0.name < $1.name }.map { person in
                var values = shared
                values["recipient"] = person.name
                let contact = person.contact(textMessages: dependencies.textMessages)
                let words = wording.render(values, sms: contact.channel == .sms, subject: subject)
                return OutboxMessage(
                    id: dependencies.ids.next(), organizationID: organization.id, recipientID: person.id, channel: contact.channel,
                    address: contact.address, kind: MessageKind.sessionReport.rawValue, subject: words.subject, body: words.body, createdAt: now)
            })
    }
}
