import Foundation
import Scheduling
import Workflows

/// One session: when, who, where; cancelling it with a reason, or why that is not (or no longer)
/// possible; and, for a family, asking to move it.
struct SessionPage {
    let chrome: PageChrome
    let id: String
    let heading: String
    let timeZone: String
    let when: String
    let status: String
    let colour: String
    let facts: [Fact]
    let cancellationReason: String?
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
    /// What the caller just did, and who has been told (see `MoveNotice`).
    let notice: String?
    let error: String?

    struct Fact {
        let label: String
        let value: String
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
            cancellationReason: session.cancellationReason, canCancel: canCancel,
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
            notice: done.flatMap { notice(after: $0, session: session, caller: caller, organization: organization, tutor: tutor) }, error: error)
    }

    /// The notice after the caller's own step, when the session shows that step was taken.
    private static func notice(after done: String, session: Session, caller: Caller, organization: Organization, tutor: String) -> String? {
        let notice = MoveNotice(caller: caller, routing: organization.settings.requestRouting, family: ["the family"], tutor: tutor)
        let ask = session.status == .scheduled ? session.cancellationRequest : nil
        switch done {
        case "book" where session.status == .scheduled:
            return notice.sentence("You booked the session", event: .sessionCreated)
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
