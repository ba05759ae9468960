import Foundation
import Scheduling
import Workflows

/// Everything open across tutors for the office, oldest deadline first, filterable by tutor and state.
struct OfficeRequestsPage {
    let chrome: PageChrome
    let timeZone: String
    let tutors: [NewRequestPage.Choice]
    let states: [NewRequestPage.Choice]
    let rows: [RequestListItem]
    let summary: String
    /// Upcoming sessions families asked the office to cancel (`request` mode).
    let cancellationRequests: [AskedToCancel]

    /// The state filter: what waits for the office (or a tutor), what waits for a family, or both.
    enum Filter: String, CaseIterable {
        case all, pending, proposed
    }

    static func load(tutorID: String?, filter: Filter, for caller: Caller, csrf: String, dependencies: Dependencies) async throws
        -> OfficeRequestsPage
    {
        try caller.requireAdmin(to: "see every tutor's requests")
        let directory = Directory(dependencies)
        let organization = try await directory.organization(for: caller)
        let now = dependencies.now()
        let states: [RequestState] = filter == .all ? [.pending, .proposed] : [filter == .pending ? .pending : .proposed]
        let query = RequestDirectory.Query(states: states, tutorID: tutorID)
        let requests = try await RequestDirectory(dependencies).list(query, for: caller).requests.sorted { $0.respondBy < $1.respondBy }
        let waiting = try await RequestDirectory(dependencies).waiting(for: caller)
        let names = try await PeopleNames.load(for: caller, directory: directory)
        let notes = try await RequestDirectory(dependencies).otherSideNotes(query, for: caller)
        let timeline = organization.timeline(for: requests, now: now)
        let tutors = try await directory.tutors(for: caller)
        let asked = try await AskedToCancel.load(tutorID: tutorID, organization: organization, names: names, for: caller, dependencies: dependencies)
        let wording: [Filter: String] = [.all: "All open requests", .pending: "Waiting for the tutor or office", .proposed: "Waiting for the family"]
        return OfficeRequestsPage(
            chrome: .signedIn(title: "Needs action", caller: caller, organization: organization, waiting: waiting, csrf: csrf),
            timeZone: TimeWording(organization: organization).zone(at: now),
            tutors: [NewRequestPage.Choice(value: "", label: "Every tutor", selected: tutorID == nil)]
                + tutors.map { NewRequestPage.Choice(value: $0.id, label: $0.name, selected: $0.id == tutorID) },
            states: Filter.allCases.map { NewRequestPage.Choice(value: $0.rawValue, label: wording[$0]!, selected: $0 == filter) },
            rows: requests.compactMap { request in
                RequestListItem(
                    request, timeline: timeline, format: organization.settings.timeFormat, names: names, note: notes[request.id],
                    needsAnswer: request.state == .pending, now: now,
                    status: request.state == .pending ? "waiting for the tutor or office" : "waiting for the family")
            },
            summary: requests.count == 1 ? "1 open request" : "\(requests.count) open requests",
            cancellationRequests: asked)
    }
}
