import Foundation
import Mustache
import Scheduling
import Workflows

/// A request as one line of a list (the dashboard's, the office's needs-action page): when, what,
/// the family's note, its colour, and where it stands.
struct RequestListItem {
    let link: String
    let when: String
    let what: String
    let note: String?
    /// The seed colours as classes: `pending` light blue, `proposed` lilac, `needs-answer` striped.
    let classes: String
    let detail: String

    /// Nil for a request that holds no time (a closed one).
    /// `timeline` covers the request's times (see `timelines(for:)`); `format` is the organization's.
    init?(
        _ request: SessionRequest, timeline: ZoneTimeline, format: TimeFormat, names: PeopleNames, note: String?, needsAnswer: Bool, now: Date,
        status: String? = nil
    ) {
        guard let held = request.heldTime else { return nil }
        link = WebPath.request(request.id)
        when = timeline.describe(held, in: format)
        what = names.line(subjectID: request.subjectID, studentIDs: [request.studentID], tutorID: request.tutorID)
        self.note = note
        classes = "request \(request.state.rawValue)" + (needsAnswer ? " needs-answer" : "")
        let due =
            "answer by \(timeline.describe(request.respondBy, in: format)) (auto-declines \(TimeWording.countdown(from: now, to: request.respondBy)))"
        detail = ([status, request.parentReplied ? "the family replied" : nil, due].compactMap { $0 }.joined(separator: " · ")).capitalizedFirst
    }
}

extension Organization {
    /// One timeline for wording every time of `requests` (one per time was most of a long list's cost).
    func timeline(for requests: [SessionRequest], now: Date) -> ZoneTimeline {
        timeline(coveringInstants: [now] + requests.flatMap { [$0.heldTime?.start, $0.heldTime?.end, $0.respondBy].compactMap { $0 } })!
    }
}

/// Rows are looked up by name without `Mirror`, which costs more than the rest of the page.
extension RequestListItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "link": link
        case "when": when
        case "what": what
        case "note": note
        case "classes": classes
        case "detail": detail
        default: nil
        }
    }
}

extension String {
    /// "answer by …" → "Answer by …"
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
