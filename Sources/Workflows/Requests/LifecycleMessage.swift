import Foundation
import Scheduling

/// The words of a lifecycle notification and audit line, in the organization's time zone.
/// (Organizations will edit these texts once message templates exist.)
struct LifecycleMessage {
    let event: LifecycleEvent
    let parties: RequestParties
    let request: SessionRequest?
    let actorName: String
    let body: String
    let time: TimeRange?

    private var when: String { time.map { parties.organization.describe($0.start) } ?? "" }
    private var what: String { parties.summary }

    var subject: String {
        switch event {
        case .requested: "Session requested: \(what), \(when)"
        case .rescheduleRequested: "Reschedule requested: \(what), \(when)"
        case .accepted, .proposalAccepted: "Session confirmed: \(what), \(when)"
        case .declined: "Session request declined: \(what)"
        case .proposed: "Another time proposed: \(what), \(when)"
        case .replied: "The family replied: \(what)"
        case .proposalDeclined, .withdrawn: "Session request withdrawn: \(what)"
        case .expired: "Session request expired: \(what)"
        case .sessionCreated: "Session booked: \(what), \(when)"
        case .sessionCancelled, .originalCancelled: "Session cancelled: \(what), \(when)"
        case .cancellationRequested: "Cancellation requested: \(what), \(when)"
        case .cancellationRequestWithdrawn: "Cancellation request withdrawn: \(what), \(when)"
        case .cancellationRequestCleared: "Your session goes ahead: \(what), \(when)"
        }
    }

    /// One line for the audit log.
    var auditSummary: String {
        switch event {
        case .requested: "\(actorName) requested \(what) at \(when)"
        case .rescheduleRequested: "\(actorName) asked to reschedule \(what) to \(when)"
        case .accepted: "\(actorName) accepted \(what) at \(when)"
        case .proposalAccepted: "\(actorName) accepted the proposed time for \(what), \(when)"
        case .declined: "\(actorName) declined \(what): \(body)"
        case .proposed: "\(actorName) proposed \(when) for \(what)"
        case .replied: "\(actorName) replied about \(what)\(time.map { _ in ", asking for \(when)" } ?? "")"
        case .proposalDeclined: "\(actorName) declined the proposed time for \(what)"
        case .withdrawn: "\(actorName) withdrew the request for \(what)"
        case .expired: "The request for \(what) expired unanswered"
        case .sessionCreated: "\(actorName) booked \(what) at \(when)"
        case .sessionCancelled: "\(actorName) cancelled \(what) at \(when): \(body)"
        case .originalCancelled: "\(what) at \(when) was cancelled: \(body)"
        case .cancellationRequested: "\(actorName) asked to cancel \(what) at \(when)\(body.isEmpty ? "" : ": \(body)")"
        case .cancellationRequestWithdrawn: "\(actorName) took back the request to cancel \(what) at \(when)"
        case .cancellationRequestCleared: "\(actorName) cleared the request to cancel \(what) at \(when); it goes ahead"
        }
    }

    /// `actions` are answer-by-email links for this person: (label, address).
    func body(for person: User, link: String, actions: [(label: String, url: String)] = []) -> String {
        var lines = ["Hello \(person.name),", "", headline, ""]
        if !body.isEmpty && event != .expired && event != .originalCancelled {
            lines += ["\(actorName) wrote:", body, ""]
        }
        if let request, request.state.isOpen {
            lines += [
                "An answer is due by \(parties.organization.describe(request.respondBy)); without one the request is declined automatically.", "",
            ]
        }
        if !actions.isEmpty {
            lines += ["Answer without logging in (each link works once):"] + actions.map { "\($0.label): \($0.url)" } + [""]
        }
        lines += ["Details: \(link)", "", "— \(parties.organization.name)"]
        return lines.joined(separator: "\n")
    }

    private var headline: String {
        switch event {
        case .requested: "\(actorName) requested a session: \(what) on \(when)."
        case .rescheduleRequested: "\(actorName) asked to move a session: \(what), to \(when)."
        case .accepted: "\(actorName) confirmed the session: \(what) on \(when)."
        case .proposalAccepted: "\(actorName) accepted the proposed time: \(what) on \(when) is confirmed."
        case .declined: "\(actorName) declined the session request for \(what)."
        case .proposed: "\(actorName) proposed another time for \(what): \(when)."
        case .replied: "\(actorName) replied to the proposed time for \(what)\(time.map { _ in " and asked for \(when)" } ?? "")."
        case .proposalDeclined: "\(actorName) declined the proposed time for \(what); the request is withdrawn."
        case .withdrawn: "\(actorName) withdrew the session request for \(what)."
        case .expired: "Nobody answered the session request for \(what) in time, so it was declined automatically."
        case .sessionCreated: "\(actorName) booked a session: \(what) on \(when)."
        case .sessionCancelled: "\(actorName) cancelled the session \(what) on \(when). Reason: \(body)"
        case .originalCancelled: "The session \(what) on \(when) will not take place: \(body)"
        case .cancellationRequested: "\(actorName) asked the office to cancel the session \(what) on \(when)."
        case .cancellationRequestWithdrawn: "\(actorName) took back the request to cancel \(what) on \(when); it goes ahead."
        case .cancellationRequestCleared: "\(actorName) cleared your request to cancel \(what) on \(when): the session goes ahead."
        }
    }
}
