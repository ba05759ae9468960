import Foundation
import Scheduling
import Workflows

/// One request: where it stands, its deadline, the conversation, and the forms for exactly the
/// moves the caller may make now (the server decides; the page asks it).
struct RequestPage {
    let chrome: PageChrome
    let id: String
    let heading: String
    let timeZone: String
    let stateLabel: String
    let colour: String
    let requested: String
    let proposed: String?
    let deadline: String?
    /// What the caller just did, and who has been told (see `MoveNotice`).
    let notice: String?
    let outcome: String?
    let declineReason: String?
    let sessionLink: String?
    /// The session a reschedule moves, and what declining it does.
    let rescheduleOf: Reschedule?

    struct Reschedule {
        let link: String
        let when: String
        /// For the tutor and the office while the request is open.
        let consequence: String?
    }
    let entries: [Entry]
    let actions: Actions
    let error: String?
    /// The date whose free times the propose / reply forms offer.
    let pickDate: String
    let pickDateLabel: String
    let pickSlots: [NewRequestPage.Choice]
    let location: String
    let sessionType: String

    /// Optional texts are nil rather than empty: templates treat an empty string as present.
    struct Entry {
        let author: String
        let role: String?
        let when: String
        let what: String
        let body: String?
    }

    /// The moves the caller may make on the request as it stands.
    struct Actions {
        let accept: Bool
        let decline: Bool
        let propose: Bool
        let acceptProposal: Bool
        let declineProposal: Bool
        let reply: Bool
        let withdraw: Bool
        /// Stored, not computed: templates see stored properties only.
        let any: Bool

        init(_ request: SessionRequest, caller: Caller, context: RequestLifecycle.Context) {
            func allowed(_ move: RequestMove) -> Bool {
                (try? RequestLifecycle.apply(move, to: request, by: .person(caller), in: context)) != nil
            }
            let words = "—"
            accept = allowed(.accept(SessionDetails(location: words, sessionType: words)))
            decline = allowed(.decline(reason: words))
            propose = allowed(.propose(time: request.requestedTime, note: words))
            acceptProposal = allowed(.acceptProposal)
            declineProposal = allowed(.declineProposal)
            reply = allowed(.reply(message: words, time: nil))
            // Declining a proposal withdraws the request: one form says it, not two.
            withdraw = allowed(.withdraw) && !declineProposal
            any = accept || decline || propose || acceptProposal || declineProposal || reply || withdraw
        }
    }

    /// The forms' move names, as `?done=` carries them, and the event each leaves.
    static let moves: [String: LifecycleEvent] = [
        "accept": .accepted, "decline": .declined, "propose": .proposed, "accept-proposal": .proposalAccepted,
        "decline-proposal": .proposalDeclined, "reply": .replied, "withdraw": .withdrawn,
    ]

    static func load(
        _ id: String, pickDate: LocalDate?, done: String?, error: String?, for caller: Caller, csrf: String, dependencies: Dependencies
    ) async throws -> RequestPage {
        let requests = RequestDirectory(dependencies)
        let detail = try await requests.request(id, for: caller)
        let conversation = try await requests.conversation(id, for: caller)
        let waiting = try await requests.waiting(for: caller)
        let request = detail.request, parties = detail.parties, organization = parties.organization
        let now = dependencies.now()
        let context = RequestLifecycle.Context(organization: organization, now: now, guardianIDs: Set(parties.student.guardianIDs))
        let actions = Actions(request, caller: caller, context: context)

        let shown = request.proposedTime ?? request.requestedTime
        let day = max(pickDate ?? organization.localDate(of: shown.start), organization.localDate(of: now))
        var slots: [NewRequestPage.Choice] = []
        if actions.propose || actions.reply {
            let found = try? await FreeSlotListing(dependencies).slots(
                engagementID: request.engagementID, from: day, to: day, durationMinutes: Int(request.requestedTime.duration / 60), for: caller)
            let wording = TimeWording(organization: organization)
            slots = (found?.slots ?? []).map { NewRequestPage.Choice(value: $0.start.rfc3339UTC, label: wording.clock($0), selected: false) }
        }
        let engagement = try? await Directory(dependencies).engagement(request.engagementID, for: caller)
        var moves: Reschedule?
        if let sessionID = request.replacesSessionID, let moved = try? await SessionDirectory(dependencies).session(sessionID, for: caller).session {
            let keeps = !organization.settings.declinedRescheduleCancelsOriginal
            moves = Reschedule(
                link: WebPath.session(sessionID), when: organization.describe(moved.time.start),
                consequence: !request.state.isOpen || caller.role == .parent
                    ? nil
                    : keeps
                        ? "Declining it keeps that session as booked."
                        : "Declining it, or leaving it unanswered, cancels the session of \(organization.describe(moved.time.start)), as the organization's settings say."
            )
        }
        return RequestPage(
            chrome: .signedIn(title: "Session request", caller: caller, organization: organization, waiting: waiting, csrf: csrf),
            id: request.id, heading: "\(parties.subject.name) with \(parties.tutor.name) for \(parties.student.name)",
            timeZone: TimeWording(organization: organization).zone(at: now),
            stateLabel: stateLabel(request), colour: request.state.rawValue,
            requested: organization.describe(request.requestedTime), proposed: request.proposedTime.map(organization.describe),
            deadline: request.state.isOpen
                ? "\(request.state == .proposed ? "The family answers" : "The tutor answers") by \(organization.describe(request.respondBy)) (\(expiryWording(request, now: now)))."
                : nil,
            notice: done.flatMap { Self.moves[$0] }.flatMap { event in
                guard let last = conversation.entries.last, last.event == event, last.authorID == caller.userID else { return nil }
                let notice = MoveNotice(
                    caller: caller, routing: organization.settings.requestRouting, family: parties.guardians.map(\.name), tutor: parties.tutor.name)
                return notice.sentence(Self.did(event, request, organization), event: event)
            },
            outcome: request.state.isOpen ? nil : outcome(request, organization),
            declineReason: request.declineReason, sessionLink: request.sessionID.map(WebPath.session),
            rescheduleOf: moves,
            entries: conversation.entries.map { entry in
                Entry(
                    author: entry.authorName, role: Role(rawValue: entry.authorRole)?.wording, when: organization.describe(entry.createdAt),
                    what: wording(entry, organization), body: entry.body.isEmpty ? nil : entry.body)
            },
            actions: actions, error: error, pickDate: day.iso, pickDateLabel: ZoneTimeline.describe(day), pickSlots: slots,
            location: engagement?.terms.location ?? "", sessionType: engagement?.terms.sessionType ?? "In person")
    }

    private static func stateLabel(_ request: SessionRequest) -> String {
        switch request.state {
        case .pending: request.parentReplied ? "The family replied: waiting for the tutor" : "Waiting for the tutor"
        case .proposed: "Another time was proposed: waiting for the family"
        case .accepted: "Accepted"
        case .declined: "Declined"
        case .withdrawn: "Withdrawn"
        case .expired: "Expired"
        }
    }

    /// What the caller did, for the notice after their own move.
    private static func did(_ event: LifecycleEvent, _ request: SessionRequest, _ organization: Organization) -> String {
        let proposed = request.proposedTime.map { organization.describe($0.start) } ?? "another time"
        switch event {
        case .accepted, .proposalAccepted: return "You accepted the request: the session is booked"
        case .declined: return "You declined the request"
        case .proposed: return "You proposed \(proposed)"
        case .proposalDeclined: return "You declined the proposed time, so the request is withdrawn"
        case .replied: return "You replied"
        default: return "You withdrew the request"
        }
    }

    /// How a closed request ended, as a fact rather than a refusal.
    private static func outcome(_ request: SessionRequest, _ organization: Organization) -> String {
        let on = request.closedAt.map { " on \(organization.describe($0))" } ?? ""
        let by = request.closedByName.map { " by \($0)" } ?? ""
        switch request.state {
        case .expired: return "Nobody answered in time: the request expired\(on)."
        case .accepted: return "Accepted\(by)\(on)."
        case .declined: return "Declined\(by)\(on)."
        default: return "Withdrawn\(by)\(on)."
        }
    }

    private static func expiryWording(_ request: SessionRequest, now: Date) -> String {
        "auto-declines \(TimeWording.countdown(from: now, to: request.respondBy))"
    }

    private static func wording(_ entry: ConversationEntry, _ organization: Organization) -> String {
        let time = entry.time.map(organization.describe) ?? ""
        switch entry.event {
        case .requested: return "asked for \(time)"
        case .rescheduleRequested: return "asked to move the session to \(time)"
        case .accepted: return "made the session for \(time)"
        case .declined: return "declined"
        case .proposed: return "proposed \(time) instead"
        case .replied: return time.isEmpty ? "replied" : "replied and asked for \(time)"
        case .proposalAccepted: return "accepted \(time)"
        case .proposalDeclined: return "declined the proposed time"
        case .withdrawn: return "withdrew the request"
        case .expired: return "expired: nobody answered in time"
        case .sessionCreated: return "booked the session"
        case .sessionCancelled: return "cancelled the session"
        case .sessionMoved: return "moved the session to \(time)"
        case .originalCancelled: return "cancelled the original session"
        case .cancellationRequested: return "asked the office to cancel the session"
        case .cancellationRequestWithdrawn: return "took back the request to cancel"
        case .cancellationRequestCleared: return "cleared the request to cancel"
        }
    }
}
