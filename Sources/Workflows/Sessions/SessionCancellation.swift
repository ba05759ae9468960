import Foundation
public import Scheduling
import Storage

/// Cancelling a session in `direct` mode: a family with notice and a reason, the tutor or office any
/// time with a reason. Cancelled sessions free the tutor's time.
public struct SessionCancellation: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public func cancel(_ sessionID: String, reason: String, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> Session {
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { db in
            guard let peek = try await db.session(id: sessionID, organizationID: caller.organizationID) else { throw DomainError.notFound("Session") }
            try await db.lockSchedule(ofTutor: peek.tutorID)
            guard var session = try await db.session(id: sessionID, organizationID: caller.organizationID) else {
                throw DomainError.notFound("Session")
            }
            let parties = try await SessionAccess.parties(of: session, for: caller, in: db)
            let isGuardian = parties.student.guardianIDs.contains(caller.userID)
            let reason = try CancellationRules.check(
                cancelling: session, by: caller, isGuardian: isGuardian, organization: parties.organization, now: now, reason: reason)
            try await db.cancelSession(id: session.id, organizationID: session.organizationID, reason: reason, at: now)
            session.status = .cancelled
            session.cancellationReason = reason
            try await LifecycleRecord(dependencies: dependencies, parties: parties, now: now).sessionEvent(
                .sessionCancelled, on: session, by: .person(caller), body: reason, in: db)
            return session
        }
    }
}
