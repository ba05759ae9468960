import Foundation
import Scheduling
import Workflows

/// The office's people: tutors, families, students and their engagements with rates; and the
/// forms that add them (an invitation, a subject, a student, an engagement).
struct PeoplePage {
    let chrome: PageChrome
    let tutors: [Person]
    let parents: [Person]
    let students: [StudentRow]
    let subjects: [String]
    let engagements: [EngagementRow]
    let invited: Invited?
    /// What was just added ("Maths was added.").
    let notice: String?
    /// A refusal, shown in the card of the form it refuses.
    let error: Refusal?
    let form: InviteForm
    let subjectForm: SubjectForm
    let studentForm: StudentForm
    let engagementForm: EngagementForm

    /// The page's forms, by the last part of the path they post to.
    enum Form: String {
        case invitations, subjects, students, engagements
    }

    /// A refusal, with a flag per form saying whose it is (templates cannot compare).
    struct Refusal {
        let message: String
        let invite: Bool
        let subject: Bool
        let student: Bool
        let engagement: Bool

        init(_ message: String, in form: Form) {
            self.message = message
            (invite, subject, student, engagement) = (form == .invitations, form == .subjects, form == .students, form == .engagements)
        }
    }

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

    struct SubjectForm {
        var name = ""
    }

    struct StudentForm {
        var name = ""
        var notes = ""
        var guardians: [NewRequestPage.Choice] = []
    }

    struct EngagementForm {
        var tutors: [NewRequestPage.Choice] = []
        var students: [NewRequestPage.Choice] = []
        var subjects: [NewRequestPage.Choice] = []
        var clients: [NewRequestPage.Choice] = []
        var clientRate = ""
        var tutorPay = ""
        var duration = "60"
        var longest = ""
        var location = ""
        var sessionType = "In person"
    }

    /// What the office typed into each form; empty for a fresh page.
    struct Typed {
        var invite = InviteForm()
        var subject = SubjectForm()
        var studentName = ""
        var studentNotes = ""
        var guardianIDs: Set<String> = []
        var engagement: [String: String] = [:]
    }

    static func load(
        invited: Invitations.Sent? = nil, notice: String? = nil, error: Refusal? = nil, typed: Typed = Typed(), for caller: Caller, csrf: String,
        dependencies: Dependencies
    ) async throws -> PeoplePage {
        try caller.requireAdmin(to: "manage people")
        let directory = Directory(dependencies)
        let organization = try await directory.organization(for: caller)
        let waiting = try await RequestDirectory(dependencies).waiting(for: caller)
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
        let tutors = try await directory.tutors(for: caller)
        let subjects = try await directory.subjects(for: caller)
        func choices(_ items: [(String, String)], chosen: String?) -> [NewRequestPage.Choice] {
            items.map { NewRequestPage.Choice(value: $0.0, label: $0.1, selected: $0.0 == chosen) }
        }
        let typedEngagement = typed.engagement
        let engagementForm = EngagementForm(
            tutors: choices(tutors.map { ($0.id, $0.name) }, chosen: typedEngagement["tutor"]),
            students: choices(students.map { ($0.id, $0.name) }, chosen: typedEngagement["student"]),
            subjects: choices(subjects.map { ($0.id, $0.name) }, chosen: typedEngagement["subject"]),
            clients: choices(parents.map { ($0.id, $0.name) }, chosen: typedEngagement["client"]),
            clientRate: typedEngagement["clientRate"] ?? "", tutorPay: typedEngagement["tutorPay"] ?? "",
            duration: typedEngagement["duration"] ?? "60", longest: typedEngagement["longest"] ?? "",
            location: typedEngagement["location"] ?? "", sessionType: typedEngagement["sessionType"] ?? "In person")
        return PeoplePage(
            chrome: .signedIn(title: "People", caller: caller, organization: organization, waiting: waiting, csrf: csrf),
            tutors: tutors.map { person($0, detail: nil) },
            parents: parents.map { parent in
                let children = students.filter { $0.guardianIDs.contains(parent.id) }.map(\.name).joined(separator: ", ")
                let requests = parent.canRequestSessions ? "Can request sessions" : "Cannot request sessions"
                return person(parent, detail: children.isEmpty ? requests : "\(requests) · \(children)")
            },
            students: students.map { StudentRow(name: $0.name, guardians: $0.guardianIDs.compactMap { parentNames[$0] }.joined(separator: ", ")) },
            subjects: subjects.map(\.name),
            engagements: try await directory.engagements(for: caller).map { engagement in
                EngagementRow(
                    what: names.engagement(engagement),
                    clientRate: MoneyWording.amount(engagement.terms.clientRatePerHour, currency: currency) + "/h",
                    tutorPay: MoneyWording.amount(engagement.terms.tutorPayRatePerHour, currency: currency) + "/h",
                    length: "\(engagement.terms.defaultDurationMinutes) min",
                    place: [engagement.terms.sessionType, engagement.terms.location].filter { !$0.isEmpty }.joined(separator: " · "),
                    active: engagement.isActive)
            },
            invited: invited.map { Invited(name: $0.user.name, link: $0.link ?? "", expires: organization.describe($0.expiresAt)) },
            notice: notice, error: error, form: typed.invite, subjectForm: typed.subject,
            studentForm: StudentForm(
                name: typed.studentName, notes: typed.studentNotes,
                guardians: parents.map { NewRequestPage.Choice(value: $0.id, label: $0.name, selected: typed.guardianIDs.contains($0.id)) }),
            engagementForm: engagementForm)
    }

    /// The notice after something was added (`/people?added=subject&id=…`), naming it.
    static func addedNotice(kind: String?, id: String?, for caller: Caller, dependencies: Dependencies) async throws -> String? {
        guard let kind, let id else { return nil }
        let directory = Directory(dependencies)
        switch kind {
        case "subject":
            return try await directory.subjects(for: caller).first { $0.id == id }.map { "\($0.name) was added to the subjects." }
        case "student":
            return try await directory.students(for: caller).first { $0.id == id }.map {
                "\($0.name) was added. Next, assign a tutor below, in Engagements."
            }
        case "engagement":
            let names = try await PeopleNames.load(for: caller, directory: directory)
            return try await directory.engagements(for: caller).first { $0.id == id }.map {
                "\(names.engagement($0)) was added."
            }
        default:
            return nil
        }
    }
}
