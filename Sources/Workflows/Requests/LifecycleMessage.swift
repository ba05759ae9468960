import Foundation
import Notifications
import Scheduling

/// The facts of a lifecycle event in the organization's time zone: the audit line, and the values
/// its notification's template prints.
struct LifecycleMessage {
    let event: LifecycleEvent
    let parties: RequestParties
    let request: SessionRequest?
    let actorName: String
    let body: String
    /// The time the move put forward (a request, a proposal, a reply's other time), if any.
    let time: TimeRange?
    /// Where and how the session happens ("Room 1, In person"), when there is a session.
    let place: String

    /// "Room 1, In person": a session's location and type, as messages and calendars show them.
    static func place(_ details: SessionDetails) -> String {
        [details.location, details.sessionType].filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// The time the message is about: the one put forward, else the one the request asks for, so
    /// that a decline or a withdrawal says which request it ends.
    private var when: String { (time ?? request?.requestedTime).map { parties.organization.describe($0.start) } ?? "" }
    private var what: String { parties.summary }

    /// One line for the audit log, which names who did it beside it.
    var auditSummary: String {
        switch event {
        case .requested: "requested \(what) at \(when)"
        case .rescheduleRequested: "asked to reschedule \(what) to \(when)"
        case .accepted: "accepted \(what) at \(when)"
        case .proposalAccepted: "accepted the proposed time for \(what), \(when)"
        case .declined: "declined \(what) at \(when): \(body)"
        case .proposed: "proposed \(when) for \(what)"
        case .replied: "replied about \(what)\(time.map { _ in ", asking for \(when)" } ?? "")"
        case .proposalDeclined: "declined the proposed time for \(what); the request for \(when) is withdrawn"
        case .withdrawn: "withdrew the request for \(what) at \(when)"
        case .expired: "declined the request for \(what) at \(when): nobody answered in time"
        case .sessionCreated: "booked \(what) at \(when)"
        case .sessionCancelled: "cancelled \(what) at \(when): \(body)"
        case .sessionMoved: "moved \(what) to \(when)\(body.isEmpty ? "" : ". \(body)")"
        case .originalCancelled: "cancelled \(what) at \(when): \(body)"
        case .cancellationRequested: "asked to cancel \(what) at \(when)\(body.isEmpty ? "" : ": \(body)")"
        case .cancellationRequestWithdrawn: "took back the request to cancel \(what) at \(when)"
        case .cancellationRequestCleared: "cleared the request to cancel \(what) at \(when); it goes ahead"
        }
    }

    /// What the kind's template prints (see `MessageKind.fields`), but for the recipient and their
    /// answer links.
    func values(link: String) -> [String: Any] {
        var values: [String: Any] = ["organization": parties.organization.name, "actor": actorName, "what": what, "link": link]
        if !when.isEmpty { values["when"] = when }
        if !body.isEmpty { values["message"] = body }
        if !place.isEmpty { values["place"] = place }
        if let request, request.state.isOpen { values["respondBy"] = parties.organization.describe(request.respondBy) }
        return values
    }
}
