import Foundation
import Scheduling
import Storage

/// Writes an audit event for a change the office (or a tutor, to their own hours) made, in the
/// change's own transaction: the log holds every change to how the organization runs, not only
/// the moves on requests and sessions.
struct OfficeAudit {
    let dependencies: Dependencies

    /// `summary` says what was done without who did it: "added the subject Physics".
    func record(
        _ change: OfficeChange, subjectType: String, subjectID: String, summary: String, by caller: Caller, at now: Date, in db: DB
    ) async throws {
        try await insert(.office(change), subjectType: subjectType, subjectID: subjectID, summary: summary, by: caller, at: now, in: db)
    }

    /// What a session's record says happened: "logged Maths with Ada for Ben, Tue 14 Jan 16:00–17:00 GMT".
    func record(_ change: SessionRecordChange, session: Session, summary: String, by caller: Caller, at now: Date, in db: DB) async throws {
        try await insert(.record(change), subjectType: "session", subjectID: session.id, summary: summary, by: caller, at: now, in: db)
    }

    /// What was done to an invoice: "issued INV-0004 to Mary Smith for £90.00".
    func record(_ change: BillingChange, invoice: Invoice, summary: String, by caller: Caller, at now: Date, in db: DB) async throws {
        try await insert(.billing(change), subjectType: "invoice", subjectID: invoice.id, summary: summary, by: caller, at: now, in: db)
    }

    private func insert(
        _ action: AuditAction, subjectType: String, subjectID: String, summary: String, by caller: Caller, at now: Date, in db: DB
    ) async throws {
        try await db.insertAuditEvent(
            AuditEvent(
                id: dependencies.ids.next(), organizationID: caller.organizationID, actorID: caller.userID, actorName: caller.name,
                actorRole: caller.role.rawValue, action: action, subjectType: subjectType, subjectID: subjectID, summary: summary,
                createdAt: now))
    }
}
