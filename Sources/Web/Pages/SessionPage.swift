import Foundation
import Notifications
import Scheduling
import Workflows

/// One session: when, who, where, and what it costs and earns (to those who may see it);
/// cancelling it with a reason, or why that is not (or no longer) possible; for a family, asking
/// to move it; for the office and its tutor, recording that it took place or was a late
/// cancellation.
struct SessionPage {
    let chrome: PageChrome
    let id: String
    let heading: String
    let timeZone: String
    let when: String
    let status: String
    let colour: String
    let facts: [Fact]
    /// The client's amount and the tutor's earnings, as far as the caller may see them.
    let money: [Fact]
    /// The issued invoices billing it that the caller may see: `INV-0004 · paid`.
    let invoices: [NewRequestPage.DayLink]
    let cancellationReason: String?
    /// The office or the session's tutor: it has started and is still only booked.
    let canComplete: Bool
    /// The office or the session's tutor, until it is marked one; `lateHint` says what it costs.
    let canMarkLate: Bool
    let lateHint: String
    /// The office and the session's tutor write the rating, report and notes...
    let canWrite: Bool
    let ratings: [NewRequestPage.Choice]
    let notes: SessionNotes
    /// ...and send the report once the session has taken place or begun.
    let canSendReport: Bool
    let reportSent: String?
    /// What the family reads: the report once sent.
    let familyReport: String?
    /// The office emails the family one of the session emails.
    let emails: [NewRequestPage.Choice]
    let hasEmails: Bool
    /// The cancel form is shown when the server would accept a cancellation now...
    let canCancel: Bool
    let cancelHint: String?
    /// ...and otherwise the reason it would give.
    let cannotCancel: String?
    /// `request` mode: the family may ask the office to cancel; `askWarning` must be read first.
    let canAsk: Bool
    let askWarning: String?
    /// The family's open request to cancel, as the page words it for the caller.
    let askedToCancel: String?
    let askComment: String?
    let canWithdrawAsk: Bool
    let canClearAsk: Bool
    let rescheduleLink: String?
    let rescheduleWarning: String?
    /// Why the family can no longer ask to move the session, when it is not already said by why
    /// they cannot cancel it.
    let cannotMove: String?
    let pendingReschedule: String?
    /// The office corrects the session's time and place, or deletes it.
    let edit: EditForm?
    /// What the caller just did, and who has been told (see `MoveNotice`).
    let notice: String?
    let error: String?

    struct Fact {
        let label: String
        let value: String
    }

    struct EditForm {
        let date: String
        let time: String
        let duration: Int
        let location: String
        let sessionType: String
    }

    static func load(_ id: String, done: String?, error: String?, for caller: Caller, csrf: String, dependencies: Dependencies) async throws
        -> SessionPage
    {
        let detail = try await SessionDirectory(dependencies).session(id, for: caller)
        let session = detail.session, organization = detail.organization
        let directory = Directory(dependencies)
        let names = try await PeopleNames.load(for: caller, directory: directory)
        let waiting = try await RequestDirectory(dependencies).waiting(for: caller)
        let now = dependencies.now()

        // A session a parent can see is one of their children's: they are its guardian.
        var cannotCancel: String?
        do {
            _ = try CancellationRules.check(
                cancelling: session, by: caller, isGuardian: caller.role == .parent, organization: organization, now: now, reason: "—")
        } catch {
            cannotCancel = error.message
        }
        // A cancelled or completed session says so in its status; "already cancelled" would read as a refusal.
        if session.status != .scheduled { cannotCancel = nil }
        let canCancel = cannotCancel == nil && session.status == .scheduled
        let requestMode = organization.settings.cancellationMode == .request
        var canAsk = false
        if caller.role == .parent && caller.canRequestSessions && requestMode {
            do {
                _ = try CancellationRequestRules.check(requesting: session, organization: organization, now: now, comment: "", readWarning: true)
                canAsk = true
                cannotCancel = nil
            } catch {
                // Asking is not possible either: say why not, unless the session shows its open request.
                cannotCancel = session.cancellationRequest == nil ? error.message : nil
            }
        }
        let ask = session.status == .scheduled ? session.cancellationRequest : nil
        let students = session.studentIDs.compactMap { names.students[$0] }.joined(separator: ", ")
        let subject = names.subjects[session.subjectID] ?? "Session"
        let tutor = names.tutors[session.tutorID] ?? "the tutor"
        let upcoming = session.status == .scheduled && session.time.start > now
        var mayMove = caller.role == .parent && caller.canRequestSessions && upcoming && detail.pendingRescheduleID == nil
        var cannotMove: String?
        if mayMove {
            do {
                _ = try RescheduleRules.check(moving: session, organization: organization, now: now, readWarning: true)
            } catch {
                (mayMove, cannotMove) = (false, error.message)
            }
        }
        // In `direct` mode both end at the same moment: one sentence says it.
        if cannotMove != nil, cannotCancel != nil, !requestMode, let cutoff = RescheduleRules.cutoff(of: session, settings: organization.settings) {
            cannotCancel =
                "Sessions can be cancelled or moved up to \(organization.settings.cancellationNoticeHours) hours ahead: the last moment for this one was \(organization.describe(cutoff)). \(organization.contactTheOffice)"
            cannotMove = nil
        }
        let staff = caller.isAdmin || caller.userID == session.tutorID
        let lateSettings = organization.settings
        let lateCosts = [
            lateSettings.lateCancellationBilled ? "billed to the family" : "not billed to the family",
            lateSettings.lateCancellationPaid ? "paid to the tutor" : "not paid to the tutor",
        ]
        return SessionPage(
            chrome: .signedIn(title: "Session", caller: caller, organization: organization, waiting: waiting, csrf: csrf), id: session.id,
            heading: "\(subject) with \(tutor) for \(students)", timeZone: TimeWording(organization: organization).zone(at: now),
            when: organization.describe(session.time),
            status: session.status != .scheduled
                ? session.status.label : session.cancellationRequest == nil ? "Confirmed" : "Confirmed · cancellation requested",
            colour: session.colour,
            facts: [
                Fact(label: "Session type", value: session.sessionType), Fact(label: "Location", value: session.location),
                Fact(label: "Class", value: session.className), Fact(label: "Room", value: session.room),
            ].filter { !$0.value.isEmpty },
            money: money(of: session, in: organization, for: caller),
            invoices: (detail.billing?.invoices ?? []).map {
                NewRequestPage.DayLink(label: "\($0.number) · \($0.paid ? "paid" : "not yet paid")", href: WebPath.invoice($0.invoiceID))
            },
            cancellationReason: session.cancellationReason,
            canComplete: staff && session.status == .scheduled && session.time.start <= now,
            canMarkLate: staff && session.status != .lateCancelled,
            lateHint: "The session did not take place; it is \(lateCosts.joined(separator: " and ")).",
            canWrite: staff,
            ratings: [NewRequestPage.Choice(value: "", label: "No rating", selected: session.notes.rating == nil)]
                + (1...5).map { NewRequestPage.Choice(value: String($0), label: "\($0) of 5", selected: session.notes.rating == $0) },
            notes: session.notes,
            canSendReport: session.status == .completed || (session.status == .scheduled && session.time.start <= now),
            reportSent: session.notes.reportSentAt.map { "Last sent to the family on \(organization.describe($0))." },
            familyReport: staff ? nil : session.notes.sentReport,
            emails: caller.isAdmin
                ? [
                    NewRequestPage.Choice(
                        value: MessageKind.cancellationProcessed.rawValue, label: "Your cancellation request has been processed", selected: false),
                    NewRequestPage.Choice(
                        value: MessageKind.sessionStaysBooked.rawValue, label: "The cancellation status is removed: the session stays booked",
                        selected: false),
                ] : [],
            hasEmails: caller.isAdmin,
            canCancel: canCancel,
            cancelHint: detail.cancellableUntil.map { "You can cancel until \(organization.describe($0))." }, cannotCancel: cannotCancel,
            canAsk: canAsk, askWarning: canAsk ? CancellationRequestRules.warning(for: session, organization: organization, now: now) : nil,
            askedToCancel: ask.map { ask in
                caller.role == .parent
                    ? "\(ask.parentName) asked the office to cancel this session on \(organization.describe(ask.requestedAt)). Until the office does, it goes ahead."
                    : "\(ask.parentName) asked to cancel this session on \(organization.describe(ask.requestedAt))."
            },
            askComment: ask.flatMap { $0.comment.isEmpty ? nil : $0.comment }, canWithdrawAsk: ask != nil && caller.role == .parent,
            canClearAsk: ask != nil && caller.role != .parent,
            rescheduleLink: mayMove ? session.engagementID.map { "\(WebPath.request("new"))?engagement=\($0)&replaces=\(session.id)" } : nil,
            rescheduleWarning: mayMove ? detail.rescheduleWarning : nil, cannotMove: cannotMove,
            pendingReschedule: detail.pendingRescheduleID.map(WebPath.request),
            edit: caller.isAdmin
                ? organization.timeline(coveringInstants: [session.time.start]).map { timeline in
                    let local = timeline.local(session.time.start)
                    return EditForm(
                        date: local.date.iso, time: organization.settings.timeFormat.text(local.time), duration: Int(session.time.duration / 60),
                        location: session.location, sessionType: session.sessionType)
                } : nil,
            notice: done.flatMap { notice(after: $0, session: session, caller: caller, organization: organization, tutor: tutor) }, error: error)
    }

    /// "£75.00 (£50.00/h for 90 min)": what the caller may see of the session's money.
    private static func money(of session: Session, in organization: Organization, for caller: Caller) -> [Fact] {
        let money = SessionMoney(session, settings: organization.settings)
        let minutes = Int(session.time.duration / 60)
        func amount(_ minor: Int, rates: [Int]) -> String {
            let text = MoneyWording.amount(minor, currency: organization.currency)
            // One student: the rate that made the amount. Nothing charged: the amount says it.
            guard rates.count == 1, minor > 0 else { return text }
            return "\(text) (\(MoneyWording.amount(rates[0], currency: organization.currency))/h for \(minutes) min)"
        }
        var facts: [Fact] = []
        let paying = zip(session.students, money.lines).filter { SessionMoney.clientAmountVisible(of: $1, to: caller) }
        if !paying.isEmpty {
            facts.append(
                Fact(
                    label: caller.role == .parent ? "Your amount" : "Client amount",
                    value: amount(paying.reduce(0) { $0 + $1.1.clientAmount }, rates: paying.map(\.0.clientRatePerHour))))
        }
        if SessionMoney.tutorEarningsVisible(of: session, to: caller) {
            facts.append(Fact(label: "Tutor earnings", value: amount(money.tutorEarnings, rates: session.students.map(\.tutorPayRatePerHour))))
        }
        return facts
    }

    /// The notice after the caller's own step, when the session shows that step was taken.
    private static func notice(after done: String, session: Session, caller: Caller, organization: Organization, tutor: String) -> String? {
        let notice = MoveNotice(caller: caller, routing: organization.settings.requestRouting, family: ["the family"], tutor: tutor)
        let ask = session.status == .scheduled ? session.cancellationRequest : nil
        switch done {
        case "book" where session.status == .scheduled:
            return notice.sentence("You booked the session", event: .sessionCreated)
        case "log" where session.status != .scheduled:
            return "You logged the session."
        case "complete" where session.status == .completed:
            return "You marked the session completed."
        case "late" where session.status == .lateCancelled:
            return "You marked the session a late cancellation."
        case "report", "edit":
            return "Saved."
        case "email":
            return "You emailed the family; the message is on its way."
        case "report-sent" where session.notes.reportSentAt != nil:
            return "You sent the report to the family."
        case "cancel" where session.status == .cancelled || session.status == .lateCancelled:
            return notice.sentence("You cancelled the session", event: .sessionCancelled)
        case "ask" where ask?.parentID == caller.userID:
            return notice.sentence("You asked the office to cancel the session", event: .cancellationRequested)
        case "withdraw-ask" where ask == nil && session.status == .scheduled:
            return notice.sentence("You took back your request to cancel: the session goes ahead", event: .cancellationRequestWithdrawn)
        case "clear-ask" where ask == nil && session.status == .scheduled:
            return notice.sentence("You cleared the request to cancel: the session goes ahead", event: .cancellationRequestCleared)
        default: return nil
        }
    }
}
