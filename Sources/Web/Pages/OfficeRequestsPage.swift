import Foundation
import Mustache
import Scheduling
import Workflows

/// Everything open across tutors for the office, oldest deadline first, filterable by tutor and state.
struct OfficeRequestsPage {
    let chrome: PageChrome
    let timeZone: String
    let tutors: [NewRequestPage.Choice]
    let states: [NewRequestPage.Choice]
    let rows: [Row]
    let summary: String

    struct Row {
        let link: String
        let when: String
        let what: String
        let state: String
        let colour: String
        let needsAnswer: Bool
        let due: String
        let parentReplied: Bool
        /// The family's latest note or reply.
        let note: String?
    }

    /// The state filter: what waits for the office (or a tutor), what waits for a family, or both.
    enum Filter: String, CaseIterable {
        case all, pending, proposed
    }

    static func load(tutorID: String?, filter: Filter, for caller: Caller, csrf: String, dependencies: Dependencies) async throws -> OfficeRequestsPage {
        try caller.requireAdmin(to: "see every tutor's requests")
        let directory = Directory(dependencies)
        let organization = try await directory.organization(for: caller)
        let now = dependencies.now()
        let states: [RequestState] = filter == .all ? [.pending, .proposed] : [filter == .pending ? .pending : .proposed]
        let query = RequestDirectory.Query(states: states, tutorID: tutorID)
        let requests = try await RequestDirectory(dependencies).list(query, for: caller).requests.sorted { $0.respondBy < $1.respondBy }
        let waiting = try await RequestDirectory(dependencies).count(.init(needsAction: true), for: caller)
        let names = try await PeopleNames.load(for: caller, directory: directory)
        let notes = try await RequestDirectory(dependencies).familyNotes(query, for: caller)
        let tutors = try await directory.tutors(for: caller)
        let wording: [Filter: String] = [.all: "All open requests", .pending: "Waiting for the tutor or office", .proposed: "Waiting for the family"]
        return OfficeRequestsPage(
            chrome: .signedIn(title: "Needs action", caller: caller, organization: organization, waiting: waiting, csrf: csrf),
            timeZone: TimeWording(organization: organization).zone(at: now),
            tutors: [NewRequestPage.Choice(value: "", label: "Every tutor", selected: tutorID == nil)]
                + tutors.map { NewRequestPage.Choice(value: $0.id, label: $0.name, selected: $0.id == tutorID) },
            states: Filter.allCases.map { NewRequestPage.Choice(value: $0.rawValue, label: wording[$0]!, selected: $0 == filter) },
            rows: requests.compactMap { request in
                guard let held = request.heldTime else { return nil }
                return Row(
                    link: "/requests/\(request.id)", when: organization.describe(held),
                    what: "\(names.subjects[request.subjectID] ?? "") · \(names.students[request.studentID] ?? "") with \(names.tutors[request.tutorID] ?? "")",
                    state: request.state == .pending ? "Waiting for the tutor or office" : "Waiting for the family", colour: request.state.rawValue,
                    needsAnswer: request.state == .pending,
                    due: "\(organization.describe(request.respondBy)) (auto-declines \(TimeWording.countdown(from: now, to: request.respondBy)))",
                    parentReplied: request.parentReplied, note: notes[request.id])
            },
            summary: requests.count == 1 ? "1 open request" : "\(requests.count) open requests")
    }
}

/// Rows are looked up by name without `Mirror`, which costs more than the rest of the page.
extension OfficeRequestsPage.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "link": link
        case "when": when
        case "what": what
        case "state": state
        case "colour": colour
        case "needsAnswer": needsAnswer
        case "due": due
        case "parentReplied": parentReplied
        case "note": note
        default: nil
        }
    }
}
