/// Every rule an organization can tune, with the defaults of PRODUCT.md (taken from the seeds).
public struct OrganizationSettings: Hashable, Sendable {
    /// A parent may request a session starting at least this far ahead.
    public var requestNoticeHours: Int = 72
    /// A tutor answers a request within this many elapsed hours...
    public var responseWindowHours: Int = 72
    /// ...or by this point, whichever comes first; unanswered requests expire.
    public var responseCutoff: ResponseCutoff = .endOfDayBefore
    public var cancellationMode: CancellationMode = .direct
    /// `direct` mode: a parent cannot cancel later than this before the start.
    public var cancellationNoticeHours: Int = 72
    /// `request` mode: no cancellation request inside this window; 0 = any time; 99 999 = never.
    public var cancellationBufferHours: Int = 0
    /// `request` mode: inside this window the parent may still ask, after reading the warning text.
    public var cancellationWarningBufferHours: Int = 0
    public var cancellationWarningText: String = ""
    /// Per seed 000: if a reschedule request is declined (or expires), the original session does not take place.
    public var declinedRescheduleCancelsOriginal: Bool = true
    /// Who sees and may answer a request.
    public var requestRouting: RequestRouting = .tutorAndAdmins
    /// Free slots start every this many minutes from the start of the tutor's hours.
    public var slotStepMinutes: Int = 30
    /// How many requests of one engagement (one student's family with one tutor and subject) may
    /// wait for an answer at once, so that no family can hold a tutor's week.
    public var openRequestsPerEngagement: Int = 5
    /// How times are shown and typed; both conventions are always read.
    public var timeFormat: TimeFormat = .twentyFourHour
    /// Whether a late-cancelled session is billed to the client...
    public var lateCancellationBilled: Bool = true
    /// ...and paid to the tutor.
    public var lateCancellationPaid: Bool = true
    /// Invoice numbers are this and a consecutive number: `INV-0001`.
    public var invoicePrefix: String = "INV-"

    public init() {}

    /// The 99 999-hour buffer of seed 003: parents may never ask to cancel.
    public static let cancellationNeverHours = 99_999

    public func validate() throws(DomainError) {
        var issues = IssueList()
        let year = 24 * 366
        issues.check((0...year).contains(requestNoticeHours), "requestNoticeHours", "Request notice must be between 0 and \(year) hours.")
        issues.check((1...year).contains(responseWindowHours), "responseWindowHours", "The response window must be between 1 and \(year) hours.")
        issues.check(
            (0...year).contains(cancellationNoticeHours), "cancellationNoticeHours", "Cancellation notice must be between 0 and \(year) hours.")
        issues.check(
            (0...Self.cancellationNeverHours).contains(cancellationBufferHours), "cancellationBufferHours",
            "The cancellation buffer must be between 0 and \(Self.cancellationNeverHours) hours (\(Self.cancellationNeverHours) means parents can never ask)."
        )
        issues.check(
            (0...Self.cancellationNeverHours).contains(cancellationWarningBufferHours), "cancellationWarningBufferHours",
            "The cancellation warning buffer must be between 0 and \(Self.cancellationNeverHours) hours.")
        issues.check(
            TextRules.length(cancellationWarningText) <= 2000, "cancellationWarningText",
            "The cancellation warning text can be at most 2000 characters.")
        issues.check(
            (5...240).contains(slotStepMinutes) && slotStepMinutes % 5 == 0, "slotStepMinutes",
            "The slot step must be a multiple of 5 minutes between 5 and 240.")
        do throws(DomainError) { try InvoiceNumber.checkPrefix(invoicePrefix) } catch { issues.add("invoicePrefix", error.message) }
        issues.check(
            (1...50).contains(openRequestsPerEngagement), "openRequestsPerEngagement",
            "Open requests per engagement must be between 1 and 50.")
        try issues.throwIfAny()
    }
}

public enum ResponseCutoff: String, CaseIterable, Hashable, Sendable {
    /// Answered by local midnight at the start of the session's day at the latest.
    case endOfDayBefore = "end_of_day_before"
    /// Only the response window applies.
    case none
}

public enum CancellationMode: String, CaseIterable, Hashable, Sendable {
    /// The parent cancels a session themselves, with notice and a reason.
    case direct
    /// The parent asks; the office cancels by hand.
    case request
}

public enum RequestRouting: String, CaseIterable, Hashable, Sendable {
    /// The tutor and the office both see and answer requests.
    case tutorAndAdmins = "tutor_and_admins"
    /// Only the office answers; tutors see the outcome.
    case adminsOnly = "admins_only"
}
