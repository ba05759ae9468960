import Foundation
import Scheduling
import Storage
import Workflows

/// What SessionDesk told people and whether it reached them. Everyone sees their own messages; the
/// office sees the organization's, with the ones delivery gave up on first, each with a retry.
struct MessagesPage {
    let chrome: PageChrome
    let isOffice: Bool
    let timeZone: String
    let deadLetters: [Row]
    let messages: [Row]
    /// Stored, because templates read stored properties only.
    let hasDeadLetters: Bool
    let contact: Contact

    /// How the person is told of news, and the form to change it.
    struct Contact {
        let email: String
        let phone: String
        let byEmail: Bool
        let bySMS: Bool
        /// Whether this deployment can send texts at all.
        let textMessages: Bool
        let saved: Bool
        let problem: String?
    }

    struct Row {
        let id: String
        let when: String
        let to: String
        let subject: String
        let body: [LinkedText.Part]
        let state: String
        let stateClass: String
        let error: String?
    }

    static let pageSize = 100

    /// `form` is what the person just sent when it was refused, shown again with `problem`.
    static func load(
        for caller: Caller, csrf: String, dependencies: Dependencies, saved: Bool = false, form: SettingsForm? = nil, problem: String? = nil
    ) async throws -> MessagesPage {
        let notifications = MessageLog(dependencies)
        let isOffice = caller.role == .admin
        let records = try await notifications.visible(limit: pageSize, for: caller)
        let dead = isOffice ? try await notifications.deadLetters(limit: pageSize, for: caller) : []
        let organization = try await Directory(dependencies).organization(for: caller)
        let waiting = try await RequestDirectory(dependencies).waiting(for: caller)
        let me = try await Directory(dependencies).me(caller)
        let choice = form.flatMap { NotificationChannel(rawValue: $0.notifyBy) } ?? me.notifyBy
        let contact = Contact(
            email: me.email, phone: form?.phone ?? me.phone ?? "", byEmail: choice == .email, bySMS: choice == .sms,
            textMessages: dependencies.textMessages, saved: saved, problem: problem)
        // One set of zone offsets for every time on the page, rather than one per time.
        let now = dependencies.now()
        let timeline = organization.timeline(
            coveringInstants: [now] + (records + dead).flatMap { [$0.message.createdAt] + [$0.finishedAt].compactMap { $0 } })!
        func row(_ record: NotificationRecord) -> Row {
            let (state, stateClass) = wording(record, in: timeline, format: organization.settings.timeFormat)
            return Row(
                id: record.message.id, when: timeline.describe(record.message.createdAt, in: organization.settings.timeFormat),
                to: record.message.address,
                subject: record.message.subject, body: LinkedText.parts(record.message.body, base: dependencies.publicBaseURL), state: state,
                stateClass: stateClass,
                error: record.state == .done ? nil : record.lastError)
        }
        return MessagesPage(
            chrome: .signedIn(title: "Messages", caller: caller, organization: organization, waiting: waiting, csrf: csrf), isOffice: isOffice,
            timeZone: TimeWording(organization: organization).zone(at: now), deadLetters: dead.map(row), messages: records.map(row),
            hasDeadLetters: !dead.isEmpty, contact: contact)
    }

    /// The notification settings form.
    struct SettingsForm: SignedForm {
        let csrf: String
        let notifyBy: String
        let phone: String?
    }

    private static func wording(_ record: NotificationRecord, in timeline: ZoneTimeline, format: TimeFormat) -> (String, String) {
        let finished = record.finishedAt.map { timeline.describe($0, in: format) } ?? ""
        switch record.state {
        case .done: return ("sent", "sent")
        case .dead: return ("not delivered (gave up \(finished) after \(record.attempts) attempt\(record.attempts == 1 ? "" : "s"))", "failed")
        case .running: return ("sending", "waiting")
        case .queued, nil:
            return record.attempts == 0
                ? ("waiting to be sent", "waiting")
                : ("will be tried again (\(record.attempts) attempt\(record.attempts == 1 ? "" : "s") so far)", "waiting")
        }
    }
}
