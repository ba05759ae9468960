import Foundation
import Scheduling
import Workflows

/// The office's people: tutors, families, students and their engagements with rates; and the
/// invitation form.
struct PeoplePage {
    let chrome: PageChrome
    let tutors: [Person]
    let parents: [Person]
    let students: [StudentRow]
    let engagements: [EngagementRow]
    let invited: Invited?
    let error: String?
    let form: InviteForm

    struct Person {
        let name: String
        let email: String
        let phone: String?
        /// They chose text messages (sent only when the deployment has an SMS gateway).
        let texts: Bool
        let status: String
        let detail: String?
    }

    struct StudentRow {
        let name: String
        let guardians: String
    }

    struct EngagementRow {
        let what: String
        let clientRate: String
        let tutorPay: String
        let length: String
        let place: String
        let active: Bool
    }

    struct Invited {
        let name: String
        let link: String
        let expires: String
    }

    /// What was typed, kept when the invitation is refused.
    struct InviteForm {
        var name = ""
        var email = ""
        var role = "parent"
        var canRequest = true
        var asTutor: Bool { role == "tutor" }
    }

    static func load(
        invited: Invitations.Sent?, error: String?, form: InviteForm, for caller: Caller, csrf: String, dependencies: Dependencies
    ) async throws -> PeoplePage {
        try caller.requireAdmin(to: "manage people")
        let directory = Directory(dependencies)
        let organization = try await directory.organization(for: caller)
        let waiting = try await RequestDirectory(dependencies).count(.init(needsAction: true), for: caller)
        let names = try await PeopleNames.load(for: caller, directory: directory)
        let students = try await directory.students(for: caller)
        let parents = try await directory.parents(for: caller)
        let parentNames = Dictionary(uniqueKeysWithValues: parents.map { ($0.id, $0.name) })
        func person(_ user: User, detail: String?) -> Person {
            Person(
                name: user.name, email: user.email, phone: user.phone, texts: user.notifyBy == .sms,
                status: user.hasPassword ? "Active" : "Invited, no password yet",
                detail: detail)
        }
        let currency = organization.currency
        return PeoplePage(
            chrome: .signedIn(title: "People", caller: caller, organization: organization, waiting: waiting, csrf: csrf),
            tutors: try await directory.tutors(for: caller).map { person($0, detail: nil) },
            parents: parents.map { parent in
                let children = students.filter { $0.guardianIDs.contains(parent.id) }.map(\.name).joined(separator: ", ")
                let requests = parent.canRequestSessions ? "Can request sessions" : "Cannot request sessions"
                return person(parent, detail: children.isEmpty ? requests : "\(requests) · \(children)")
            },
            students: students.map { StudentRow(name: $0.name, guardians: $0.guardianIDs.compactMap { parentNames[$0] }.joined(separator: ", ")) },
            engagements: try await directory.engagements(for: caller).map { engagement in
                EngagementRow(
                    what: names.engagement(engagement),
                    clientRate: MoneyWording.amount(engagement.terms.clientRatePerHour, currency: currency) + "/h",
                    tutorPay: MoneyWording.amount(engagement.terms.tutorPayRatePerHour, currency: currency) + "/h",
                    length: "\(engagement.terms.defaultDurationMinutes) min",
                    place: [engagement.terms.sessionType, engagement.terms.location].filter { !$0.isEmpty }.joined(separator: " · "),
                    active: engagement.isActive)
            },
            invited: invited.map { Invited(name: $0.user.name, link: $0.link ?? "", expires: organization.describe($0.expiresAt)) }, error: error,
            form: form)
    }
}
