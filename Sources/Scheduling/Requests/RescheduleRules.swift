public import Foundation

/// When a family may ask to move a session (PRODUCT.md "The session request"): only while they could
/// cancel it themselves, since a reschedule that is declined or expires cancels the session (by
/// default), and a move asked too late would be a late cancellation nobody agreed to. For the same
/// reason the answer to a reschedule is due by that moment at the latest.
public enum RescheduleRules {
    /// The last moment the family could cancel `session` (and so ask to move it): the cancellation
    /// notice before it in `direct` mode; in `request` mode the cancellation buffer before it, or its
    /// start when there is no buffer; nil when the organization lets only the office cancel.
    public static func cutoff(of session: Session, settings: OrganizationSettings) -> Date? {
        let hours: Int
        switch settings.cancellationMode {
        case .direct: hours = settings.cancellationNoticeHours
        case .request:
            guard settings.cancellationBufferHours < OrganizationSettings.cancellationNeverHours else { return nil }
            hours = settings.cancellationBufferHours
        }
        return session.time.start.addingTimeInterval(TimeInterval(-hours * 3600))
    }

    /// Refuses a move the family may not ask for now; returns the moment its answer is due by at the
    /// latest. Inside `request` mode's warning buffer the family must first have read the warning.
    public static func check(moving session: Session, organization: Organization, now: Date, readWarning: Bool) throws(DomainError) -> Date {
        guard session.status == .scheduled else {
            throw DomainError.conflict("Only scheduled sessions can be rescheduled; this one is \(session.status.wording).")
        }
        guard session.time.start > now else { throw DomainError.conflict("This session has already started and can no longer be rescheduled.") }
        let settings = organization.settings
        guard let cutoff = cutoff(of: session, settings: settings) else {
            throw DomainError.forbidden("In this organization only the office cancels or moves sessions: please contact them.")
        }
        guard now < cutoff || (now == cutoff && settings.cancellationMode == .direct) else {
            let hours = settings.cancellationMode == .direct ? settings.cancellationNoticeHours : settings.cancellationBufferHours
            throw DomainError.conflict(
                "Sessions can be moved up to \(hours) hours ahead, as long as they could still be cancelled: the last moment for this one was \(organization.describe(cutoff)). \(organization.contactTheOffice)"
            )
        }
        if settings.cancellationMode == .request,
            let warning = CancellationRequestRules.warning(for: session, organization: organization, now: now), !readWarning
        {
            throw DomainError.invalid("readWarning", "Please read this first and confirm: \(warning)")
        }
        return cutoff
    }
}
