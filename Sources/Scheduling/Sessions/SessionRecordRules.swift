public import Foundation

/// What the office and tutors may record about a session afterwards (seed 002): a session logged
/// for a time already past took place unless it was cancelled; one ahead is booked. A session
/// that has started can be marked completed; one that did not happen, a late cancellation
/// (billed and paid as the organization's settings say).
public enum SessionRecordRules {
    /// The state a logged session starts in.
    public static func loggedStatus(of time: TimeRange, cancelled: Bool, now: Date) -> SessionStatus {
        if cancelled { return .cancelled }
        return time.end <= now ? .completed : .scheduled
    }

    public static func checkCompleting(_ session: Session, in organization: Organization, now: Date) throws(DomainError) {
        switch session.status {
        case .completed: throw DomainError.conflict("This session is already marked completed.")
        case .cancelled: throw DomainError.conflict("This session was cancelled, so it cannot be marked completed.")
        case .lateCancelled: throw DomainError.conflict("This session was a late cancellation, so it cannot be marked completed.")
        case .scheduled:
            guard session.time.start <= now else {
                throw DomainError.conflict(
                    "This session has not started yet: it can be marked completed from \(organization.describe(session.time.start)).")
            }
        }
    }

    /// Returns the reason, trimmed (it may be empty).
    public static func checkLateCancelling(_ session: Session, reason: String) throws(DomainError) -> String {
        guard session.status != .lateCancelled else { throw DomainError.conflict("This session is already marked a late cancellation.") }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard TextRules.length(trimmed) <= 500 else { throw DomainError.invalid("reason", "A reason can be at most 500 characters.") }
        return trimmed
    }
}
