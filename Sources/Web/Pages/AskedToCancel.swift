import Foundation
import Scheduling
import Workflows

/// An upcoming session a family asked the office to cancel (`request` mode), as the office's pages
/// and the family's dashboard list it.
struct AskedToCancel {
    let link: String
    let when: String
    let what: String
    let asked: String
    let comment: String?

    /// The caller's sessions from today on with an open request to cancel, soonest first;
    /// `tutorID` narrows them to one tutor's.
    static func load(tutorID: String? = nil, organization: Organization, names: PeopleNames, for caller: Caller, dependencies: Dependencies)
        async throws -> [AskedToCancel]
    {
        let today = organization.localDate(of: dependencies.now())
        let sessions = try await SessionDirectory(dependencies).list(
            .init(from: today, to: today.adding(days: 365), tutorID: tutorID, statuses: [.scheduled], cancellationRequested: true), for: caller
        ).sessions
        return sessions.compactMap { session in
            guard let ask = session.cancellationRequest else { return nil }
            return AskedToCancel(
                link: WebPath.session(session.id), when: organization.describe(session.time),
                what: names.line(subjectID: session.subjectID, studentIDs: session.studentIDs, tutorID: session.tutorID),
                asked: "\(ask.parentName) asked on \(organization.describe(ask.requestedAt))", comment: ask.comment.isEmpty ? nil : ask.comment)
        }
    }
}
