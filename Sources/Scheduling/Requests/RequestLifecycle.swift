public import Foundation

/// The moves of PRODUCT.md's table: which are legal in which state, who may make them, and what
/// each leaves behind. Pure: the workflow loads the request, asks here, and stores the answer.
///
/// | from | move | by | to |
/// |---|---|---|---|
/// | pending | accept, decline, propose | tutor (unless routed to the office) or office | accepted, declined, proposed |
/// | proposed | accept the proposed time | family | accepted |
/// | proposed | reply with a message or another time | family | pending, "parent replied" |
/// | proposed | decline the proposed time | family | withdrawn |
/// | pending, proposed | withdraw | family | withdrawn |
/// | pending, proposed | deadline passes | system | expired |
public enum RequestLifecycle {
    /// What a move needs to know besides the request itself.
    public struct Context: Sendable {
        public let organization: Organization
        public let now: Date
        /// Guardians of the request's student: any of them speaks for the family.
        public let guardianIDs: Set<String>
        /// For a reschedule: the moved session's cancellation cutoff, by which every answer is due
        /// (`RescheduleRules`).
        public let answerBy: Date?

        public init(organization: Organization, now: Date, guardianIDs: Set<String>, answerBy: Date? = nil) {
            self.organization = organization
            self.now = now
            self.guardianIDs = guardianIDs
            self.answerBy = answerBy
        }
    }

    /// The request after `move`, or the refusal a person will read.
    public static func apply(_ move: RequestMove, to request: SessionRequest, by mover: Mover, in context: Context) throws(DomainError)
        -> SessionRequest
    {
        try checkState(move, request, context)
        try checkMover(move, request, mover, context)
        var next = request
        next.updatedAt = context.now
        switch move {
        case .accept:
            next.state = .accepted
            close(&next, by: mover, context)
        case .decline(let reason):
            next.state = .declined
            next.declineReason = try requiredText(reason, field: "reason", "Declining needs a reason; the family will read it.")
            close(&next, by: mover, context)
        case .propose(let time, let note):
            _ = try requiredText(note, field: "note", "Proposing another time needs a note for the family.")
            next.state = .proposed
            next.proposedTime = time
            next.parentReplied = false
            next.respondBy = deadline(askedAt: context.now, for: time, context)
        case .acceptProposal:
            next.state = .accepted
            close(&next, by: mover, context)
        case .reply(let message, let time):
            guard time != nil || !message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw DomainError.invalid("message", "A reply needs a message, another time, or both.")
            }
            next.state = .pending
            next.parentReplied = true
            // The family answered the proposal: it is off the table, and the tutor answers what they ask now.
            next.proposedTime = nil
            if let time { next.requestedTime = time }
            next.respondBy = deadline(askedAt: context.now, for: next.requestedTime, context)
        case .declineProposal, .withdraw:
            next.state = .withdrawn
            close(&next, by: mover, context)
        case .expire:
            next.state = .expired
            close(&next, by: mover, context)
        }
        return next
    }

    /// When the answer to a question asked at `askedAt` about `time` is due.
    public static func deadline(askedAt: Date, for time: TimeRange, _ context: Context) -> Date {
        let due = ResponseDeadline.due(
            askedAt: askedAt, sessionStart: time.start, settings: context.organization.settings, zone: context.organization.timeZone)
        return context.answerBy.map { min(due, $0) } ?? due
    }

    private static func close(_ request: inout SessionRequest, by mover: Mover, _ context: Context) {
        request.closedAt = context.now
        request.closedByName = mover.caller?.name
    }

    private static func requiredText(_ text: String, field: String, _ message: String) throws(DomainError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw DomainError.invalid(field, message) }
        guard TextRules.length(text) <= 2000 else { throw DomainError.invalid(field, "A message can be at most 2000 characters.") }
        return trimmed
    }

    // MARK: Legal states

    /// Whether `request`, as it stands, still takes `move` (whoever makes it); the refusal says
    /// what happened instead: "This request was already accepted by Ms Okafor on Mon 7 Dec."
    public static func checkState(_ move: RequestMove, _ request: SessionRequest, _ context: Context) throws(DomainError) {
        guard request.state.isOpen else { throw DomainError.conflict(closedSentence(request, context)) }
        let overdue = request.respondBy <= context.now
        if case .expire = move {
            guard overdue else { throw DomainError.conflict("This request is not due until \(context.organization.describe(request.respondBy)).") }
            return
        }
        // Past its deadline a request is over, even before the expiry job has written it down.
        guard !overdue else {
            throw DomainError.conflict(
                "This request expired on \(ZoneTimeline.describe(context.organization.localDate(of: request.respondBy))): nobody answered in time.")
        }
        switch (move, request.state) {
        case (.accept, .pending), (.decline, .pending), (.propose, .pending): return
        case (.acceptProposal, .proposed), (.reply, .proposed), (.declineProposal, .proposed): return
        case (.withdraw, _): return
        case (.accept, _), (.decline, _), (.propose, _):
            let time = request.proposedTime.map { context.organization.describe($0.start) } ?? "another time"
            throw DomainError.conflict("Another time (\(time)) was already proposed; the family's answer is awaited.")
        default:
            throw DomainError.conflict("There is no proposed time to answer: the request is waiting for the tutor.")
        }
    }

    /// "This request was already declined by Ms Shah on Tue 14 Jan."
    private static func closedSentence(_ request: SessionRequest, _ context: Context) -> String {
        let when = request.closedAt.map { " on \(ZoneTimeline.describe(context.organization.localDate(of: $0)))" } ?? ""
        switch request.state {
        case .expired: return "This request expired\(when): nobody answered in time."
        case .accepted: return "This request was already accepted\(by(request))\(when)."
        case .declined: return "This request was already declined\(by(request))\(when)."
        case .withdrawn: return "This request was already withdrawn\(by(request))\(when)."
        case .pending, .proposed: return "This request is still open."
        }
    }

    private static func by(_ request: SessionRequest) -> String { request.closedByName.map { " by \($0)" } ?? "" }

    // MARK: Who may move

    private static func checkMover(_ move: RequestMove, _ request: SessionRequest, _ mover: Mover, _ context: Context) throws(DomainError) {
        guard let caller = mover.caller else {
            guard case .expire = move else { throw DomainError.forbidden("Only a person can \(move.name) a request.") }
            return
        }
        guard caller.organizationID == request.organizationID else { throw DomainError.notFound("Session request") }
        switch move {
        case .expire:
            throw DomainError.forbidden("Requests expire by themselves when their deadline passes.")
        case .accept, .decline, .propose:
            switch caller.role {
            case .admin: return
            case .tutor where caller.userID == request.tutorID:
                guard context.organization.settings.requestRouting == .tutorAndAdmins else {
                    throw DomainError.forbidden("In this organization the office answers session requests.")
                }
            case .tutor: throw DomainError.notFound("Session request")
            case .parent: throw DomainError.forbidden("Only the tutor or the office can \(move.name) a request.")
            }
        case .acceptProposal, .reply, .declineProposal, .withdraw:
            guard caller.role == .parent else { throw DomainError.forbidden("Only the family can \(move.name) a request.") }
            guard context.guardianIDs.contains(caller.userID) else { throw DomainError.notFound("Session request") }
            guard caller.canRequestSessions else { throw DomainError.forbidden("The office has not enabled session requests for your account.") }
        }
    }
}
