public import Foundation

/// Who may cancel a session, and until when (PRODUCT.md "Cancellation, `direct` mode").
public enum CancellationRules {
    /// A parent cancels with at least the cancellation notice and a reason; tutors and the office
    /// cancel any time with a reason. In `request` mode parents ask the office instead.
    public static func check(
        cancelling session: Session, by caller: Caller, isGuardian: Bool, organization: Organization, now: Date, reason: String
    ) throws(DomainError) -> String {
        guard session.status == .scheduled else {
            throw DomainError.conflict("This session is \(session.status.wording) and cannot be cancelled.")
        }
        switch caller.role {
        case .admin: break
        case .tutor:
            guard caller.userID == session.tutorID else { throw DomainError.notFound("Session") }
        case .parent:
            guard isGuardian else { throw DomainError.notFound("Session") }
            guard caller.canRequestSessions else { throw DomainError.forbidden("The office has not enabled cancelling sessions for your account.") }
            guard organization.settings.cancellationMode == .direct else {
                throw DomainError.forbidden("In this organization the office cancels sessions: ask them to cancel this one.")
            }
            let hours = organization.settings.cancellationNoticeHours
            let cutoff = session.time.start.addingTimeInterval(TimeInterval(-hours * 3600))
            guard now <= cutoff else {
                throw DomainError.conflict(
                    "Sessions can be cancelled up to \(hours) hours ahead: the last moment for this one was \(organization.describe(cutoff)). \(organization.contactTheOffice)"
                )
            }
        }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw DomainError.invalid("reason", "Cancelling needs a reason.") }
        guard TextRules.length(reason) <= 2000 else { throw DomainError.invalid("reason", "A reason can be at most 2000 characters.") }
        return trimmed
    }
}

extension SessionStatus {
    /// "already cancelled", as a sentence reads it.
    public var wording: String {
        switch self {
        case .scheduled: "scheduled"
        case .completed: "already completed"
        case .cancelled: "already cancelled"
        case .lateCancelled: "already cancelled (late)"
        }
    }
}
