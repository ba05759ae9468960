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
            if send {
                try await FamilyMessages(dependencies: dependencies, now: now).send(
                    .sessionReport, about: session, parties: parties, values: ["report": session.notes.report], by: caller, in: db)
            }
            return session
        }
    }
}
