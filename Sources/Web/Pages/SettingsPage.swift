import Foundation
import Scheduling
import Workflows

/// The office's settings: every rule of the organization, each with what it does and its default.
struct SettingsPage {
    let chrome: PageChrome
    let saved: Bool
    let error: String?
    let fields: [Field]

    struct Field {
        let name: String
        let label: String
        let explanation: String
        let value: String
        let number: Bool
        let text: Bool
        /// Several lines, such as a postal address.
        let lines: Bool
        let options: [NewRequestPage.Choice]
        let select: Bool
        let problem: String?
    }

    /// The values as the form sends them, by field name.
    typealias Values = [String: String]

    static func values(of organization: Organization) -> Values {
        let settings = organization.settings
        return [
            "name": organization.name, "timeZone": organization.timeZone.identifier, "contactEmail": organization.contact.email ?? "",
            "contactPhone": organization.contact.phone ?? "", "contactAddress": organization.contact.address ?? "",
            "invoicePrefix": settings.invoicePrefix,
            "requestNoticeHours": String(settings.requestNoticeHours), "responseWindowHours": String(settings.responseWindowHours),
            "responseCutoff": settings.responseCutoff.rawValue, "requestRouting": settings.requestRouting.rawValue,
            "slotStepMinutes": String(settings.slotStepMinutes), "cancellationMode": settings.cancellationMode.rawValue,
            "openRequestsPerEngagement": String(settings.openRequestsPerEngagement),
            "cancellationNoticeHours": String(settings.cancellationNoticeHours),
            "cancellationBufferHours": String(settings.cancellationBufferHours),
            "cancellationWarningBufferHours": String(settings.cancellationWarningBufferHours),
            "cancellationWarningText": settings.cancellationWarningText,
            "declinedRescheduleCancelsOriginal": settings.declinedRescheduleCancelsOriginal ? "yes" : "no",
            "timeFormat": settings.timeFormat.rawValue, "lateCancellationBilled": settings.lateCancellationBilled ? "yes" : "no",
            "lateCancellationPaid": settings.lateCancellationPaid ? "yes" : "no",
        ]
    }

    /// The form's values as changes; a number that is not one is an issue of its own.
    static func changes(from values: Values) throws(DomainError) -> OrganizationSettingsUpdate.Changes {
        var changes = OrganizationSettingsUpdate.Changes()
        var issues = IssueList()
        func number(_ name: String, _ label: String) -> Int? {
            guard let text = values[name]?.trimmingCharacters(in: .whitespaces) else { return nil }
            guard let value = Int(text) else {
                issues.add(name, "\(label) must be a whole number.")
                return nil
            }
            return value
        }
        changes.name = values["name"]
        changes.timeZone = values["timeZone"]?.trimmingCharacters(in: .whitespaces)
        changes.contactEmail = values["contactEmail"]?.trimmingCharacters(in: .whitespaces)
        changes.contactPhone = values["contactPhone"]?.trimmingCharacters(in: .whitespaces)
        changes.contactAddress = values["contactAddress"]
        changes.invoicePrefix = values["invoicePrefix"]?.trimmingCharacters(in: .whitespaces)
        changes.requestNoticeHours = number("requestNoticeHours", "Request notice")
        changes.responseWindowHours = number("responseWindowHours", "The response window")
        changes.responseCutoff = values["responseCutoff"].flatMap(ResponseCutoff.init(rawValue:))
        changes.requestRouting = values["requestRouting"].flatMap(RequestRouting.init(rawValue:))
        changes.slotStepMinutes = number("slotStepMinutes", "The slot step")
        changes.openRequestsPerEngagement = number("openRequestsPerEngagement", "Open requests per engagement")
        changes.cancellationMode = values["cancellationMode"].flatMap(CancellationMode.init(rawValue:))
        changes.cancellationNoticeHours = number("cancellationNoticeHours", "Cancellation notice")
        changes.cancellationBufferHours = number("cancellationBufferHours", "The cancellation buffer")
        changes.cancellationWarningBufferHours = number("cancellationWarningBufferHours", "The warning buffer")
        changes.cancellationWarningText = values["cancellationWarningText"]
        changes.declinedRescheduleCancelsOriginal = values["declinedRescheduleCancelsOriginal"].map { $0 == "yes" }
        changes.timeFormat = values["timeFormat"].flatMap(TimeFormat.init(rawValue:))
        changes.lateCancellationBilled = values["lateCancellationBilled"].map { $0 == "yes" }
        changes.lateCancellationPaid = values["lateCancellationPaid"].map { $0 == "yes" }
        try issues.throwIfAny()
        return changes
    }

    static func make(
        _ values: Values, organization: Organization, caller: Caller, waiting: Waiting, csrf: String, saved: Bool, refusal: DomainError?
    ) -> SettingsPage {
        let problems = Dictionary((refusal?.issues ?? []).map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let defaults = OrganizationSettings()
        func field(
            _ name: String, _ label: String, _ explanation: String, number: Bool = false, lines: Bool = false, options: [(String, String)] = []
        ) -> Field {
            let value = values[name] ?? ""
            return Field(
                name: name, label: label, explanation: explanation, value: value, number: number, text: !number && !lines && options.isEmpty,
                lines: lines,
                options: options.map { NewRequestPage.Choice(value: $0.0, label: $0.1, selected: $0.0 == value) }, select: !options.isEmpty,
                problem: problems[name])
        }
        let yesNo = [("yes", "Yes"), ("no", "No")]
        return SettingsPage(
            chrome: .signedIn(title: "Settings", caller: caller, organization: organization, waiting: waiting, csrf: csrf), saved: saved,
            error: refusal.map { $0.issues.isEmpty ? $0.message : "Nothing was saved: please correct the fields marked below." },
            fields: [
                field("name", "Organization name", "Shown to everyone at the top of each page and in messages."),
                field(
                    "contactEmail", "Office email (optional)",
                    "Families are told to write here when only the office can help, such as a cancellation too late to make themselves."),
                field("contactPhone", "Office phone (optional)", "Told to families with the email, as you write it here."),
                field(
                    "contactAddress", "Postal address (optional)", "Printed at the head of every invoice, up to 6 lines.", lines: true),
                field(
                    "timeZone", "Time zone",
                    "The IANA zone every time is shown in and every rule is counted in, such as Europe/London or America/New_York."),
                field(
                    "timeFormat", "Times written as",
                    "How times are shown and typed. Either way is always understood when typed. Default: 16:30.",
                    options: TimeFormat.allCases.map { ($0.rawValue, $0.example) }),
                field(
                    "requestNoticeHours", "Request notice (hours)",
                    "Parents can request sessions starting at least this many hours ahead. Default \(defaults.requestNoticeHours).", number: true),
                field(
                    "responseWindowHours", "Response window (hours)",
                    "The tutor or office answers a request within this many hours; unanswered requests are declined automatically. Default \(defaults.responseWindowHours).",
                    number: true),
                field(
                    "responseCutoff", "Answer by the day before",
                    "Whether answers are also due by the end of the day before the session, whichever comes first. Default: yes.",
                    options: [
                        (ResponseCutoff.endOfDayBefore.rawValue, "Yes, by the end of the day before"),
                        (ResponseCutoff.none.rawValue, "No, only the window"),
                    ]),
                field(
                    "requestRouting", "Who answers requests",
                    "The tutor of the student and the office, or only the office (tutors then do not see requests). Default: tutor and office.",
                    options: [
                        (RequestRouting.tutorAndAdmins.rawValue, "The tutor and the office"), (RequestRouting.adminsOnly.rawValue, "Only the office"),
                    ]),
                field(
                    "slotStepMinutes", "Slot step (minutes)",
                    "Free times start every this many minutes from the start of a tutor's hours. Default \(defaults.slotStepMinutes).", number: true),
                field(
                    "openRequestsPerEngagement", "Requests waiting at once",
                    "How many requests a family may have waiting for an answer for one student, tutor and subject. Default \(defaults.openRequestsPerEngagement).",
                    number: true),
                field(
                    "cancellationMode", "Cancellations by parents",
                    "Direct: parents cancel themselves, with at least the cancellation notice. Request: parents ask the office. Default: direct.",
                    options: [(CancellationMode.direct.rawValue, "Direct"), (CancellationMode.request.rawValue, "Request")]),
                field(
                    "cancellationNoticeHours", "Cancellation notice (hours)",
                    "Direct mode: parents cannot cancel later than this before the start. Tutors and the office can cancel any time. Default \(defaults.cancellationNoticeHours).",
                    number: true),
                field(
                    "cancellationBufferHours", "Cancellation buffer (hours)",
                    "Request mode: no cancellation requests this close to the start; 0 means any time, \(OrganizationSettings.cancellationNeverHours) means never. Default \(defaults.cancellationBufferHours).",
                    number: true),
                field(
                    "cancellationWarningBufferHours", "Warning buffer (hours)",
                    "Request mode: this close to the start, parents may still ask after reading the warning below. Default \(defaults.cancellationWarningBufferHours).",
                    number: true),
                field(
                    "cancellationWarningText", "Warning text", "What parents read before asking to cancel inside the warning buffer. Default: empty."),
                field(
                    "declinedRescheduleCancelsOriginal", "A declined reschedule cancels the original",
                    "If a request to move a session is declined or expires, the original session does not take place either; parents are warned before sending. Default: yes.",
                    options: yesNo),
                field(
                    "lateCancellationBilled", "Late cancellations billed to the family",
                    "A session marked a late cancellation is charged to the family as if it had taken place. Default: yes.", options: yesNo),
                field(
                    "lateCancellationPaid", "Late cancellations paid to the tutor",
                    "The tutor earns a late-cancelled session as if it had taken place. Default: yes.", options: yesNo),
                field(
                    "invoicePrefix", "Invoice number prefix",
                    "Invoice numbers are this and the next number: INV-0001, INV-0002… Letters A–Z, digits, - / _ or ., up to 10; invoices already made keep their numbers. Default: INV-."
                ),
            ])
    }
}
