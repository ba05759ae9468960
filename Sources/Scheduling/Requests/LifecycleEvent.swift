/// What happened to a request or session: the line in the conversation, the audit action and the
/// reason for a notification.
public enum LifecycleEvent: String, CaseIterable, Hashable, Sendable {
    case requested
    case rescheduleRequested = "reschedule_requested"
    case accepted
    case declined
    case proposed
    case replied
    case proposalAccepted = "proposal_accepted"
    case proposalDeclined = "proposal_declined"
    case withdrawn
    case expired
    /// A session created directly by the office.
    case sessionCreated = "session_created"
    case sessionCancelled = "session_cancelled"
    /// The office moved a session to another time.
    case sessionMoved = "session_moved"
    /// A declined or expired reschedule took the original session with it.
    case originalCancelled = "original_cancelled"
    /// `request` mode: a family asked the office to cancel a session, took that back, or the office
    /// cleared it (the session takes place).
    case cancellationRequested = "cancellation_requested"
    case cancellationRequestWithdrawn = "cancellation_request_withdrawn"
    case cancellationRequestCleared = "cancellation_request_cleared"

    /// The event a move on a request records.
    public static func of(_ move: RequestMove) -> LifecycleEvent {
        switch move {
        case .accept: .accepted
        case .decline: .declined
        case .propose: .proposed
        case .acceptProposal: .proposalAccepted
        case .reply: .replied
        case .declineProposal: .proposalDeclined
        case .withdraw: .withdrawn
        case .expire: .expired
        }
    }

    /// Who hears of it (seeds 000 and 001): a new request goes to the family and whoever answers it;
    /// every later change goes to the family and the tutor, with the office copied.
    public func audiences(routing: RequestRouting) -> Set<Audience> {
        switch self {
        case .requested, .rescheduleRequested: routing == .adminsOnly ? [.family, .office] : [.family, .tutor]
        // The office decides on cancellation requests (PRODUCT.md: "the office is emailed").
        case .cancellationRequested, .cancellationRequestWithdrawn: [.office]
        case .cancellationRequestCleared: [.family]
        default: [.family, .tutor, .office]
        }
    }
}

/// A group of people a notification goes to.
public enum Audience: String, Hashable, Sendable, CaseIterable {
    /// The student's guardians.
    case family
    case tutor
    /// Every admin of the organization.
    case office
}
