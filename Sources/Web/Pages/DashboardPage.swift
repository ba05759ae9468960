import Foundation
import Scheduling
import Workflows

/// The first page after login: the requests waiting for the caller and the next two weeks of
/// sessions, every time in the organization's zone with the zone named.
struct DashboardPage {
    let chrome: PageChrome
    let heading: String
    let timeZone: String
    let waiting: [WaitingRequest]
    let sessions: [UpcomingSession]

    struct WaitingRequest {
        let when: String
        let subject: String
        let student: String
        let tutor: String
        let due: String
        let parentReplied: Bool
        /// The calendar colour of PRODUCT.md: pending light blue, proposed lilac, striped once the family replied.
        let colour: String
    }

    struct UpcomingSession {
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
        let waiting = try await RequestDirectory(dependencies).list(.init(needsAction: true), for: caller).requests
        let sessions = try await SessionDirectory(dependencies).list(
            .init(from: today, to: today.adding(days: 13), statuses: [.scheduled]), for: caller
        ).sessions.filter { $0.time.end > now }
        let students = Dictionary(uniqueKeysWithValues: try await directory.students(for: caller).map { ($0.id, $0.name) })
        let subjects = Dictionary(uniqueKeysWithValues: try await directory.subjects(for: caller).map { ($0.id, $0.name) })
        let tutors = Dictionary(uniqueKeysWithValues: try await directory.tutors(for: caller).map { ($0.id, $0.name) })
        return DashboardPage(
            chrome: .signedIn(title: "Dashboard", caller: caller, organization: organization, waiting: waiting.count, csrf: csrf),
            heading: "Hello, \(caller.name)",
            timeZone: "\(organization.timeZone.identifier) (\(organization.timeline(covering: today...today).abbreviation(at: now)))",
            waiting: waiting.compactMap { request in
                guard let held = request.heldTime else { return nil }
                return WaitingRequest(
                    when: organization.describe(held.start), subject: subjects[request.subjectID] ?? "", student: students[request.studentID] ?? "",
                    tutor: tutors[request.tutorID] ?? "", due: organization.describe(request.respondBy), parentReplied: request.parentReplied,
                    colour: request.parentReplied ? "replied" : request.state.rawValue)
            },
            sessions: sessions.map { session in
                UpcomingSession(
                    when: organization.describe(session.time.start), subject: subjects[session.subjectID] ?? "",
                    students: session.studentIDs.compactMap { students[$0] }.joined(separator: ", "), tutor: tutors[session.tutorID] ?? "",
                    location: [session.sessionType, session.location].filter { !$0.isEmpty }.joined(separator: " · "))
            })
    }
}
