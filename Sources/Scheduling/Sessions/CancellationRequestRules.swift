public import Foundation

/// When a family may ask the office to cancel a session (PRODUCT.md "Cancellation, `request`
/// mode"): not inside the cancellation buffer (99 999 hours: never), and inside the warning buffer
/// only after reading the organization's warning.
public enum CancellationRequestRules {
    /// What the family must read before asking, when the session is inside the warning buffer.
    public static func warning(for session: Session, organization: Organization, now: Date) -> String? {
        let settings = organization.settings
        guard settings.cancellationWarningBufferHours > 0,
            now > session.time.start.addingTimeInterval(TimeInterval(-settings.cancellationWarningBufferHours * 3600))
        else { return nil }
        let text = settings.cancellationWarningText.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty
            ? "This session is less than \(settings.cancellationWarningBufferHours) hours away; the office may still charge for it." : text
    }

    /// Refuses a request the family may not make now; returns the trimmed comment.
    public static func check(
        requesting session: Session, organization: Organization, now: Date, comment: String, readWarning: Bool
    ) throws(DomainError) -> String {
        let settings = organization.settings
        guard settings.cancellationMode == .request else {
            throw DomainError.conflict("In this organization families cancel sessions themselves, with a reason.")
        }
        guard session.status == .scheduled else { throw DomainError.conflict("This session is \(session.status.wording) and cannot be cancelled.") }
        guard session.time.start > now else { throw DomainError.conflict("This session has already started. \(organization.contactTheOffice)") }
        if let request = session.cancellationRequest {
            throw DomainError.conflict("\(request.parentName) already asked to cancel this session on \(organization.describe(request.requestedAt)).")
        }
        let buffer = settings.cancellationBufferHours
        if buffer >= OrganizationSettings.cancellationNeverHours {
            throw DomainError.forbidden("In this organization only the office cancels sessions: please contact them.")
        }
        let cutoff = session.time.start.addingTimeInterval(TimeInterval(-buffer * 3600))
        guard buffer == 0 || now <= cutoff else {
            throw DomainError.conflict(
                "Cancellation requests close \(buffer) hours before the start: the last moment for this one was \(organization.describe(cutoff)). \(organization.contactTheOffice)"
            )
        }
        if let warning = warning(for: session, organization: organization, now: now), !readWarning {
            throw DomainError.invalid("readWarning", "Please read this first and confirm: \(warning)")
        }
        let trimmed = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard TextRules.length(comment) <= 2000 else { throw DomainError.invalid("comment", "A comment can be at most 2000 characters.") }
        return trimmed
    }
}
