import Foundation
import Scheduling
import Workflows

/// The office's people: tutors, families, students and their engagements with rates; and the
/// forms that add them (an invitation, a subject, a student, an engagement).
struct PeoplePage {
    let chrome: PageChrome
    let office: [Person]
    let tutors: [Person]
    let parents: [Person]
    let students: [StudentRow]
    let subjects: [SubjectRow]
    let engagements: [EngagementRow]
    let invited: Invited?
    /// What was just added ("Maths was added.").
    let notice: String?
    /// A refusal, shown in the card of the form it refuses.
    let error: Refusal?
    /// A refusal of a button in the lists (send an invitation again, withdraw it), shown on top.
    let problem: String?
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
        let id: String
        /// Where its pages and buttons are (`/people/tutors/ID`); the office's own people have no edit page.
        let edit: String
        let editable: Bool
        let name: String
        let email: String
        let phone: String?
        /// They chose text messages (sent only when the deployment has an SMS gateway).
        let texts: Bool
        let status: String
        let detail: String?
        /// No password yet: the office may send the invitation (again).
        let canResend: Bool
        /// An invitation link that still works.
        let canWithdraw: Bool
    }

    struct SubjectRow {
        let edit: String
        let name: String
    }

    struct StudentRow {
        let edit: String
        let name: String
        let guardians: String
    }

    struct EngagementRow {
        let edit: String
        let end: String
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
        /// Stored rather than computed: the template engine reads stored properties only.
        var asTutor = false
        var asOffice = false
        var canRequest = true
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
        invited: Invitations.Sent? = nil, notice: String? = nil, error: Refusal? = nil, problem: String? = nil, typed: Typed = Typed(),
        for caller: Caller, csrf: String, dependencies: Dependencies
    ) async throws -> PeoplePage {
        try caller.requireAdmin(to: "manage people")
        let directory = Directory(dependencies)
        let organization = try await directory.organization(for: caller)
        let waiting = try await RequestDirectory(dependencies).waiting(for: caller)
        let names = try await PeopleNames.load(for: caller, directory: directory)
        let students = try await directory.students(for: caller)
        let parents = try await directory.parents(for: caller)
        let parentNames = Dictionary(uniqueKeysWithValues: parents.map { ($0.id, $0.name) })
        let invitations = try await directory.openInvitations(for: caller)
        func person(_ user: User, detail: String?) -> Person {
            let invitedUntil = invitations[user.id]
            let status =
                if user.hasPassword { "Active" } else if let invitedUntil {
                    "Invited: the link works until \(organization.describe(invitedUntil))"
                } else { "No password yet, and no invitation that works" }
            let kind: PeopleEditPage.Kind = user.role == .tutor ? .tutors : user.role == .parent ? .parents : .office
            return Person(
                id: user.id, edit: PeopleEditPage.path(kind, user.id), editable: kind != .office, name: user.name, email: user.email,
                phone: user.phone, texts: user.notifyBy == .sms, status: status, detail: detail, canResend: !user.hasPassword,
                canWithdraw: !user.hasPassword && invitedUntil != nil)
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
            office: try await directory.officeStaff(for: caller).map { person($0, detail: nil) },
            tutors: tutors.map { person($0, detail: nil) },
            parents: parents.map { parent in
                let children = students.filter { $0.guardianIDs.contains(parent.id) }.map(\.name).joined(separator: ", ")
                let requests = parent.canRequestSessions ? "Can request sessions" : "Cannot request sessions"
                return person(parent, detail: children.isEmpty ? requests : "\(requests) · \(children)")
            },
            students: students.map {
                StudentRow(
                    edit: PeopleEditPage.path(.students, $0.id), name: $0.name,
                    guardians: $0.guardianIDs.compactMap { parentNames[$0] }.joined(separator: ", "))
            },
            subjects: subjects.map { SubjectRow(edit: PeopleEditPage.path(.subjects, $0.id), name: $0.name) },
            engagements: try await directory.engagements(for: caller).map { engagement in
                EngagementRow(
                    edit: PeopleEditPage.path(.engagements, engagement.id), end: PeopleEditPage.path(.engagements, engagement.id) + "/end",
                    what: names.engagement(engagement),
                    clientRate: MoneyWording.amount(engagement.terms.clientRatePerHour, currency: currency) + "/h",
                    tutorPay: MoneyWording.amount(engagement.terms.tutorPayRatePerHour, currency: currency) + "/h",
                    length: "\(engagement.terms.defaultDurationMinutes) min",
                    place: [engagement.terms.sessionType, engagement.terms.location].filter { !$0.isEmpty }.joined(separator: " · "),
                    active: engagement.isActive)
            },
            invited: invited.map { Invited(name: $0.user.name, link: $0.link ?? "", expires: organization.describe($0.expiresAt)) },
            notice: notice, error: error, problem: problem, form: typed.invite, subjectForm: typed.subject,
            studentForm: StudentForm(
                name: typed.studentName, notes: typed.studentNotes,
                guardians: parents.map { NewRequestPage.Choice(value: $0.id, label: $0.name, selected: typed.guardianIDs.contains($0.id)) }),
            engagementForm: engagementForm)
    }

    /// The notice after a change (`/people?added=subject&id=…`, `?saved=person&id=…`,
    /// `?ended=ID&booked=N`, `?withdrawn=ID`), naming what changed.
    static func notice(after query: [String: String], for caller: Caller, dependencies: Dependencies) async throws -> String? {
        let directory = Directory(dependencies)
        let id = query["id"] ?? ""
        func engagementTitle(_ id: String) async throws -> String? {
            let names = try await PeopleNames.load(for: caller, directory: directory)
            return try await directory.engagements(for: caller).first { $0.id == id }.map(names.engagement)
        }
        func personName(_ id: String) async throws -> String? {
            let people = try await directory.tutors(for: caller) + directory.parents(for: caller) + directory.officeStaff(for: caller)
            return people.first { $0.id == id }?.name
        }
        switch (query["added"], query["saved"]) {
        case ("subject", _):
            return try await directory.subjects(for: caller).first { $0.id == id }.map { "\($0.name) was added to the subjects." }
        case ("student", _):
            return try await directory.students(for: caller).first { $0.id == id }.map {
                "\($0.name) was added. Next, assign a tutor below, in Engagements."
            }
        case ("engagement", _):
            return try await engagementTitle(id).map { "\($0) was added." }
        case (_, "person"):
            guard let name = try await personName(id) else { return nil }
            return query["invitation"] == "ended"
                ? "\(name)'s details were saved. The invitation sent to the old address no longer works: send it again below."
                : "\(name)'s details were saved."
        case (_, "subject"):
            return try await directory.subjects(for: caller).first { $0.id == id }.map { "The subject is now called \($0.name)." }
        case (_, "student"):
            return try await directory.students(for: caller).first { $0.id == id }.map { "\($0.name)'s details were saved." }
        case (_, "engagement"):
            return try await engagementTitle(id).map { "\($0): the new terms apply to sessions booked from now on." }
        default:
            break
        }
        if let ended = query["ended"], let title = try await engagementTitle(ended) {
            let booked = Int(query["booked"] ?? "") ?? 0
            return booked == 0
                ? "\(title) has ended. The family can no longer request sessions through it."
                : "\(title) has ended. The family can no longer request sessions through it; \(booked) booked session\(booked == 1 ? " stays" : "s stay") on the calendar: cancel \(booked == 1 ? "it" : "those") that should not happen."
        }
        if let withdrawn = query["withdrawn"], let name = try await personName(withdrawn) {
            return "\(name)'s invitation was withdrawn: its link no longer works."
        }
        return nil
    }
}
