/// What an audit event records: a move on a request or session, a change to what a session's
/// record says happened, a change the office made to how the organization runs, or to its books.
/// Stored and sent as the raw value of any of them.
public enum AuditAction: RawRepresentable, Hashable, Sendable {
    case lifecycle(LifecycleEvent)
    case record(SessionRecordChange)
    case office(OfficeChange)
    case billing(BillingChange)

    public init?(rawValue: String) {
        if let event = LifecycleEvent(rawValue: rawValue) {
            self = .lifecycle(event)
        } else if let change = SessionRecordChange(rawValue: rawValue) {
            self = .record(change)
        } else if let change = OfficeChange(rawValue: rawValue) {
            self = .office(change)
        } else if let change = BillingChange(rawValue: rawValue) {
            self = .billing(change)
        } else {
            return nil
        }
    }

    public var rawValue: String {
        switch self {
        case .lifecycle(let event): event.rawValue
        case .record(let change): change.rawValue
        case .office(let change): change.rawValue
        case .billing(let change): change.rawValue
        }
    }
}

/// A change to how the organization runs: its rules, its wording, its people and their hours.
public enum OfficeChange: String, CaseIterable, Hashable, Sendable {
    case settingsChanged = "settings_changed"
    case wordingChanged = "wording_changed"
    case wordingReset = "wording_reset"
    case personInvited = "person_invited"
    case invitationRevoked = "invitation_revoked"
    case tutorAdded = "tutor_added"
    case personChanged = "person_changed"
    case studentAdded = "student_added"
    case studentChanged = "student_changed"
    case subjectAdded = "subject_added"
    case subjectRenamed = "subject_renamed"
    case engagementAdded = "engagement_added"
    case engagementChanged = "engagement_changed"
    case engagementEnded = "engagement_ended"
    case availabilityChanged = "availability_changed"
    case messageResent = "message_resent"
}

/// What the office or a tutor records about a session: that it was logged, that it took place or
/// was cancelled too late to be free, and what was written (and sent) about it.
public enum SessionRecordChange: String, CaseIterable, Hashable, Sendable {
    case sessionLogged = "session_logged"
    case sessionChanged = "session_changed"
    case sessionDeleted = "session_deleted"
    case sessionCompleted = "session_completed"
    case sessionLateCancelled = "session_late_cancelled"
    case reportSaved = "session_report_saved"
    case reportSent = "session_report_sent"
    case emailSent = "session_email_sent"
}

/// What the office does to its invoices and the money received on them.
public enum BillingChange: String, CaseIterable, Hashable, Sendable {
    case invoiceCreated = "invoice_created"
    case invoiceChanged = "invoice_changed"
    case invoiceDeleted = "invoice_deleted"
    case invoiceIssued = "invoice_issued"
    case invoiceVoided = "invoice_voided"
    case invoiceSent = "invoice_sent"
    case paymentRecorded = "payment_recorded"
}
