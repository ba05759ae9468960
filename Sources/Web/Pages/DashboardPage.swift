import Foundation
import Mustache
import Scheduling
import Workflows

/// The first page after login: the requests waiting for the caller and the next two weeks of
/// sessions, every time in the organization's zone with the zone named.
struct DashboardPage {
    let chrome: PageChrome
    let heading: String
    let timeZone: String
    let canRequest: Bool
    let waiting: [RequestListItem]
    /// Open requests waiting for the other side.
    let open: [RequestListItem]
    let sessions: [UpcomingSession]
    /// Sessions a family asked the office to cancel: the office decides them; a family waits.
    let askedToCancel: [AskedToCancel]
    let askedHeading: String

    struct UpcomingSession {
        let link: String
        let when: String
        let subject: String
        let students: String
        let tutor: String
        let location: String
    }

    /// Everything the page shows, read through the same workflows as the API, so it sees exactly
    /// what the caller may see.
    static func load(for caller: Caller, csrf: String, dependencies: Dependencies) async throws -> DashboardPage {
        let directory = Directory(dependencies)
        let organization = try await directory.organization(for: caller)
        let now = dependencies.now()
        let today = organization.localDate(of: now)
        // The answer due first comes first.
        let openRequests = try await RequestDirectory(dependencies).list(.init(states: [.pending, .proposed]), for: caller).requests
            .sorted { ($0.respondBy, $0.id) < ($1.respondBy, $1.id) }
        let waitingState: RequestState = caller.role == .parent ? .proposed : .pending
        let waiting = openRequests.filter { $0.state == waitingState }
        let sessions = try await SessionDirectory(dependencies).list(
            .init(from: today, to: today.adding(days: 13), statuses: [.scheduled]), for: caller
        ).sessions.filter { $0.time.end > now }
        let names = try await PeopleNames.load(for: caller, directory: directory)
        let asked =
            caller.role == .tutor
            ? [] : try await AskedToCancel.load(organization: organization, names: names, for: caller, dependencies: dependencies)
        let notes = try await RequestDirectory(dependencies).otherSideNotes(.init(states: [waitingState]), for: caller)
        let timeline = organization.timeline(for: openRequests, now: now)
        func item(_ request: SessionRequest) -> RequestListItem? {
            RequestListItem(
                request, timeline: timeline, format: organization.settings.timeFormat, names: names, note: notes[request.id],
                needsAnswer: request.state == waitingState, now: now)
        }
        return DashboardPage(
            chrome: .signedIn(
                title: "Dashboard", caller: caller, organization: organization,
                waiting: Waiting(requests: waiting.count, cancellationRequests: caller.role == .admin ? asked.count : 0), csrf: csrf),
            heading: "Hello, \(caller.name)",
            timeZone: TimeWording(organization: organization).zone(at: now),
            canRequest: caller.role == .parent && caller.canRequestSessions,
            waiting: waiting.compactMap(item), open: openRequests.filter { $0.state != waitingState }.compactMap(item),
            sessions: sessions.map { session in
                UpcomingSession(
                    link: WebPath.session(session.id), when: organization.describe(session.time.start),
                    subject: names.subjects[session.subjectID] ?? "",
                    students: session.studentIDs.compactMap { names.students[$0] }.joined(separator: ", "),
                    tutor: names.tutors[session.tutorID] ?? "",
                    location: [session.sessionType, session.location].filter { !$0.isEmpty }.joined(separator: " · "))
            },
            askedToCancel: asked,
            askedHeading: caller.role == .admin ? "Cancellation requests" : "Waiting for the office to cancel")
    }
}

/// Rows are looked up by name without `Mirror`, which costs more than the rest of the page.
extension DashboardPage.UpcomingSession: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "link": link
        case "when": when
        case "subject": subject
        case "students": students
        case "tutor": tutor
        case "location": location
        default: nil
        }
    }
}
