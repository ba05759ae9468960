import Foundation
public import Scheduling
import Storage

/// What happened to a booked session, as the office or its tutor records it: it took place
/// ("Mark completed"), or it did not and is charged as the organization's settings say ("Late
/// cancellation"). A late cancellation of a session still ahead frees the tutor's time and tells
/// the family, tutor and office, as any cancellation does.
public struct SessionRecords: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public func complete(_ sessionID: String, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> Session {
        let now = dependencies.currentInstant()
        return try await record(sessionID, by: caller, once: key) { session, parties, db in
            try SessionRecordRules.checkCompleting(session, in: parties.organization, now: now)
            try await db.completeSession(id: session.id, organizationID: session.organizationID)
            session.status = .completed
            try await OfficeAudit(dependencies: dependencies).record(
                .sessionCompleted, session: session, summary: "marked \(Self.what(session, parties)) completed", by: caller, at: now, in: db)
        }
    }

    public func markLateCancellation(_ sessionID: String, reason: String, by caller: Caller, once key: IdempotencyKey? = nil) async throws
        -> Session
    {
        let now = dependencies.currentInstant()
        return try await record(sessionID, by: caller, once: key) { session, parties, db in
            let reason = try SessionRecordRules.checkLateCancelling(session, reason: reason)
            let wasAhead = session.status == .scheduled && session.time.start > now
            try await db.markLateCancellation(id: session.id, organizationID: session.organizationID, reason: reason, at: now)
            session.status = .lateCancelled
            session.cancellationReason = reason
            session.cancellationRequest = nil
            try await OfficeAudit(dependencies: dependencies).record(
                .sessionLateCancelled, session: session,
                summary: "marked \(Self.what(session, parties)) a late cancellation" + (reason.isEmpty ? "" : ": \(reason)"), by: caller, at: now,
                in: db)
            if wasAhead {
                try await LifecycleRecord(dependencies: dependencies, parties: parties, now: now).sessionEvent(
                    .sessionCancelled, on: session, by: .person(caller), body: reason.isEmpty ? "Late cancellation" : reason, in: db)
            }
        }
    }

    /// Loads the session under its tutor's lock for a caller allowed to record it, applies
    /// `change` and returns the session as changed.
    private func record(
        _ sessionID: String, by caller: Caller, once key: IdempotencyKey?,
        _ change: @escaping @Sendable (inout Session, RequestParties, DB) async throws -> Void
    ) async throws -> Session {
        try await dependencies.write(once: key, by: caller) { db in
            guard let peek = try await db.session(id: sessionID, organizationID: caller.organizationID) else { throw DomainError.notFound("Session") }
            try await db.lockSchedule(ofTutor: peek.tutorID)
            guard var session = try await db.session(id: sessionID, organizationID: caller.organizationID) else {
                throw DomainError.notFound("Session")
            }
            let parties = try await SessionAccess.parties(of: session, for: caller, in: db)
            guard caller.role != .parent else { throw DomainError.forbidden("Only the office and the session's tutor record what happened.") }
            try await change(&session, parties, db)
            return session
        }
    }

    /// `Maths with Ada Lovelace for Ben, Tue 14 Jan 16:00–17:00 GMT`
    private static func what(_ session: Session, _ parties: RequestParties) -> String {
        "\(parties.subject.name) with \(parties.tutor.name) for \(parties.student.name), \(parties.organization.describe(session.time))"
    }
}
