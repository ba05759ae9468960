import Foundation
public import Scheduling
import Storage

/// `request` cancellation mode: a family asks the office to cancel a session (it stays booked and
/// turns red), may take that back, and the office (or the tutor) clears it, or cancels the session
/// with `SessionCancellation`. Each step is audited and tells the other side, in one transaction.
public struct SessionCancellationRequests: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public func request(
        _ sessionID: String, comment: String, readWarning: Bool, by caller: Caller, once key: IdempotencyKey? = nil
    ) async throws -> Session {
        guard caller.role == .parent else { throw DomainError.forbidden("Families ask to cancel; the office and tutors cancel directly.") }
        guard caller.canRequestSessions else { throw DomainError.forbidden("The office has not enabled cancelling sessions for your account.") }
        return try await change(sessionID, by: caller, once: key) { session, parties, now in
            let words = try CancellationRequestRules.check(
                requesting: session, organization: parties.organization, now: now, comment: comment, readWarning: readWarning)
            return (
                CancellationRequest(requestedAt: now, parentID: caller.userID, parentName: caller.name, comment: words), .cancellationRequested, words
            )
        }
    }

    /// The family takes their request back: the session goes ahead.
    public func withdraw(_ sessionID: String, by caller: Caller) async throws -> Session {
        guard caller.role == .parent else { throw DomainError.forbidden("Only the family takes back their cancellation request.") }
        return try await change(sessionID, by: caller, once: nil) { session, _, _ in
            guard session.cancellationRequest != nil else { throw DomainError.conflict("Nobody has asked to cancel this session.") }
            return (nil, .cancellationRequestWithdrawn, "")
        }
    }

    /// The office (or the session's tutor) decides the session goes ahead after all.
    public func clear(_ sessionID: String, by caller: Caller) async throws -> Session {
        guard caller.role != .parent else { throw DomainError.forbidden("The office clears cancellation requests; you can take yours back.") }
        return try await change(sessionID, by: caller, once: nil) { session, _, _ in
            guard session.cancellationRequest != nil else { throw DomainError.conflict("Nobody has asked to cancel this session.") }
            return (nil, .cancellationRequestCleared, "")
        }
    }

    private func change(
        _ sessionID: String, by caller: Caller, once key: IdempotencyKey?,
        _ decide: @escaping @Sendable (Session, RequestParties, Date) throws -> (CancellationRequest?, LifecycleEvent, String)
    ) async throws -> Session {
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { [dependencies] db in
            guard var session = try await db.session(id: sessionID, organizationID: caller.organizationID) else {
                throw DomainError.notFound("Session")
            }
            let parties = try await SessionAccess.parties(of: session, for: caller, in: db)
            let (request, event, words) = try decide(session, parties, now)
            try await db.setCancellationRequest(request, sessionID: session.id, organizationID: session.organizationID)
            // Seed 003: the family's comment is kept in the session's private notes for the staff.
            if let request, !request.comment.isEmpty {
                let line = SessionNotesRules.cancellationComment(request, in: parties.organization)
                try await db.appendPrivateNote(line, sessionID: session.id, organizationID: session.organizationID)
                session.notes.privateNotes = session.notes.privateNotes.isEmpty ? line : "\(session.notes.privateNotes)\n\n\(line)"
            }
            session.cancellationRequest = request
            try await LifecycleRecord(dependencies: dependencies, parties: parties, now: now).sessionEvent(
                event, on: session, by: .person(caller), body: words, in: db)
            return session
        }
    }
}
