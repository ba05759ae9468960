public import Foundation
public import Scheduling
import Storage

/// Every move on an existing request: the tutor or office accepts, declines or proposes; the family
/// accepts or declines a proposal, replies, or withdraws. Each move is one transaction that locks
/// the tutor's schedule, re-checks the time, and stores the request, any session and their trail.
public struct RequestMoves: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public func accept(_ requestID: String, details: SessionDetails, by caller: Caller, once key: IdempotencyKey? = nil) async throws
        -> SessionRequest
    {
        try await move(.accept(try details.validated()), requestID, by: caller, once: key)
    }

    public func decline(_ requestID: String, reason: String, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> SessionRequest {
        try await move(.decline(reason), requestID, by: caller, once: key)
    }

    /// Offers `start` instead, keeping the requested length.
    public func propose(_ requestID: String, start: Date, note: String, by caller: Caller, once key: IdempotencyKey? = nil) async throws
        -> SessionRequest
    {
        try await move(.propose(start, note), requestID, by: caller, once: key)
    }

    public func acceptProposal(_ requestID: String, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> SessionRequest {
        try await move(.acceptProposal, requestID, by: caller, once: key)
    }

    public func declineProposal(_ requestID: String, message: String, by caller: Caller, once key: IdempotencyKey? = nil) async throws
        -> SessionRequest
    {
        try await move(.declineProposal(message), requestID, by: caller, once: key)
    }

    /// A message, another time (keeping the length), or both.
    public func reply(_ requestID: String, message: String, start: Date?, by caller: Caller, once key: IdempotencyKey? = nil) async throws
        -> SessionRequest
    {
        try await move(.reply(message, start), requestID, by: caller, once: key)
    }

    public func withdraw(_ requestID: String, message: String, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> SessionRequest {
        try await move(.withdraw(message), requestID, by: caller, once: key)
    }

    /// A move as asked for, before the request (and so the session length) is known.
    private enum Intent: Sendable {
        case accept(SessionDetails)
        case decline(String)
        case propose(Date, String)
        case acceptProposal
        case declineProposal(String)
        case reply(String, Date?)
        case withdraw(String)

        func resolve(for request: SessionRequest) -> (move: RequestMove, words: String) {
            let length = request.requestedTime.duration
            func slot(_ start: Date) -> TimeRange { TimeRange(start: start, end: start.addingTimeInterval(length))! }
            switch self {
            case .accept(let details): return (.accept(details), "")
            case .decline(let reason): return (.decline(reason: reason), reason.trimmingCharacters(in: .whitespacesAndNewlines))
            case .propose(let start, let note): return (.propose(time: slot(start), note: note), note.trimmingCharacters(in: .whitespacesAndNewlines))
            case .acceptProposal: return (.acceptProposal, "")
            case .declineProposal(let message): return (.declineProposal, message.trimmingCharacters(in: .whitespacesAndNewlines))
            case .reply(let message, let start):
                return (.reply(message: message, time: start.map(slot)), message.trimmingCharacters(in: .whitespacesAndNewlines))
            case .withdraw(let message): return (.withdraw, message.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
    }

    private func move(_ intent: Intent, _ requestID: String, by caller: Caller, once key: IdempotencyKey?) async throws -> SessionRequest {
        let now = dependencies.currentInstant()
        let newSessionID = dependencies.ids.next()
        return try await dependencies.write(once: key, by: caller) { db in
            guard let request = try await db.requestLockingSchedule(id: requestID, organizationID: caller.organizationID) else {
                throw DomainError.notFound("Session request")
            }
            let parties = try await RequestParties.load(for: request, cache: dependencies.directory, in: db)
            guard RequestVisibility.allows(caller, toSee: request, parties: parties) else { throw DomainError.notFound("Session request") }
            let (move, words) = intent.resolve(for: request)
            var next = try RequestLifecycle.apply(
                move, to: request, by: .person(caller),
                in: parties.lifecycleContext(now: now, answerBy: try await Self.answerBy(request, parties: parties, in: db)))
            let record = LifecycleRecord(dependencies: dependencies, parties: parties, now: now)

            var booked: SessionDetails?
            switch move {
            case .accept(let details):
                let engagement = try await Directory.engagement(
                    request.engagementID, for: caller, stamp: parties.directoryStamp, cache: dependencies.directory, in: db)
                next.sessionID = try await createSession(
                    newSessionID, for: request, through: engagement, at: request.requestedTime, details: details, parties: parties, now: now,
                    in: db)
                booked = details
            case .acceptProposal:
                let engagement = try await Directory.engagement(
                    request.engagementID, for: caller, stamp: parties.directoryStamp, cache: dependencies.directory, in: db)
                let details = SessionDetails(location: engagement.terms.location, sessionType: engagement.terms.sessionType)
                next.sessionID = try await createSession(
                    newSessionID, for: request, through: engagement, at: request.proposedTime!, details: details, parties: parties, now: now,
                    in: db)
                booked = details
            case .propose(let time, _), .reply(_, let time?):
                try await TutorSchedule.check(
                    time, parties: parties, now: now, excludingSession: request.replacesSessionID, excludingRequest: request.id,
                    cache: dependencies.directory, in: db)
            default:
                break
            }
            try await db.updateRequest(next)
            let time: TimeRange? =
                switch move {
                case .propose(let time, _): time
                case .reply(_, let time): time
                case .acceptProposal: request.proposedTime
                case .accept: request.requestedTime
                default: nil
                }
            try await record.requestEvent(
                LifecycleEvent.of(move), on: next, by: .person(caller), body: words, time: time, place: booked.map(LifecycleMessage.place), in: db)
            try await RescheduleOutcome.settle(next, parties: parties, record: record, now: now, in: db)
            return next
        }
    }

    /// For a reschedule, the moved session's cancellation cutoff, by which every answer is due (its
    /// start, should the organization since have stopped families from cancelling).
    static func answerBy(_ request: SessionRequest, parties: RequestParties, in db: DB) async throws -> Date? {
        guard let sessionID = request.replacesSessionID, let session = try await db.session(id: sessionID, organizationID: request.organizationID)
        else { return nil }
        return RescheduleRules.cutoff(of: session, settings: parties.organization.settings) ?? session.time.start
    }

    /// The session an accepted request becomes, at the engagement's rates of today, after making
    /// sure the tutor's time is still free.
    private func createSession(
        _ id: String, for request: SessionRequest, through engagement: Engagement, at time: TimeRange, details: SessionDetails,
        parties: RequestParties, now: Date, in db: DB
    ) async throws -> String {
        let taken = try await db.busyTimes(
            tutorID: request.tutorID, organizationID: request.organizationID, overlapping: time, excludingSession: request.replacesSessionID)
        guard taken.isEmpty else {
            throw DomainError.conflict("\(parties.tutor.name) already has a session at \(parties.organization.describe(time.start)).")
        }
        let session = Session(
            id: id, organizationID: request.organizationID, tutorID: request.tutorID, students: [SessionStudent(through: engagement)],
            subjectID: request.subjectID,
            engagementID: request.engagementID, time: time, status: .scheduled, location: details.location, sessionType: details.sessionType,
            className: details.className, room: details.room)
        do {
            try await db.insertSession(session, now: now)
        } catch StoreError.exclusionViolation {
            // PostgreSQL's constraint caught what the check above could not see in time.
            throw DomainError.conflict("\(parties.tutor.name) already has a session at \(parties.organization.describe(time.start)).")
        }
        try await SessionReminders.schedule(session, in: parties.organization, ids: dependencies.ids, now: now, db: db)
        return id
    }
}
