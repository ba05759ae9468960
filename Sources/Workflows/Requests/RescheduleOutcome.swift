import Foundation
import Scheduling
import Storage

/// What closing a reschedule request does to the session it names (seed 000): accepted, the old
/// session is cancelled as the new one is created; declined or expired, the old session does not
/// take place either, unless the organization turned that off. Withdrawn, it stays.
enum RescheduleOutcome {
    static func settle(_ request: SessionRequest, parties: RequestParties, record: LifecycleRecord, now: Date, in db: DB) async throws {
        guard let originalID = request.replacesSessionID, !request.state.isOpen,
            let original = try await db.session(id: originalID, organizationID: request.organizationID), original.status == .scheduled
        else { return }
        let reason: String
        switch request.state {
        case .accepted:
            guard let sessionID = request.sessionID, let replacement = try await db.session(id: sessionID, organizationID: request.organizationID)
            else { return }
            reason = "Rescheduled to \(parties.organization.describe(replacement.time.start))."
        case .declined, .expired:
            guard parties.organization.settings.declinedRescheduleCancelsOriginal else { return }
            reason = request.state == .declined ? "The reschedule request was declined." : "The reschedule request expired unanswered."
        default:
            return
        }
        try await db.cancelSession(id: originalID, organizationID: request.organizationID, reason: reason, at: now)
        try await record.sessionEvent(.originalCancelled, on: original, by: .system, body: reason, in: db)
    }
}
