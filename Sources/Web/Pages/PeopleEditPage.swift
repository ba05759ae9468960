import Foundation
import Scheduling
import Workflows

/// The office's page for correcting one tutor, parent, student or engagement
/// (`/people/{kind}/{id}`), with what ends or withdraws it.
struct PeopleEditPage {
    let chrome: PageChrome
    let heading: String
    let action: String
    let error: String?
    let person: PersonForm?
    let student: PeoplePage.StudentForm?
    let subject: PeoplePage.SubjectForm?
    let engagement: EngagementForm?

    /// What the page edits, by the part of the path that names it.
    enum Kind: String {
        case tutors, parents, students, subjects, engagements
        /// The office's own people: invitations only (each corrects their own details).
        case office
    }

    struct PersonForm {
        var name: String
        var email: String
        var phone: String
        /// Parents only (the choice is shown for them alone).
        var isParent: Bool
        var canRequest: Bool
        var texts: Bool
    }

    struct EngagementForm {
        var clients: [NewRequestPage.Choice]
        var clientRate: String
        var tutorPay: String
        var duration: String
        var longest: String
        var location: String
        var sessionType: String
        let active: Bool
        /// The path of the form that ends it.
        let endAction: String
    }

    /// What the office typed, to show again after a refusal; nil shows what is stored.
    struct Typed {
        var person: PersonForm?
        var studentName: String?
        var studentNotes = ""
        var guardianIDs: Set<String> = []
        var subjectName: String?
        var engagement: [String: String]?
    }

    static func path(_ kind: Kind, _ id: String) -> String { "/people/\(kind.rawValue)/\(id)" }

    static func load(
        _ kind: Kind, id: String, typed: Typed = Typed(), error: String? = nil, for caller: Caller, csrf: String, dependencies: Dependencies
    ) async throws -> PeopleEditPage {
        try caller.requireAdmin(to: "manage people")
        let directory = Directory(dependencies)
        let organization = try await directory.organization(for: caller)
        let waiting = try await RequestDirectory(dependencies).waiting(for: caller)
        func page(
            _ title: String, person: PersonForm? = nil, student: PeoplePage.StudentForm? = nil, subject: PeoplePage.SubjectForm? = nil,
            engagement: EngagementForm? = nil
        ) -> PeopleEditPage {
            PeopleEditPage(
                chrome: .signedIn(title: title, caller: caller, organization: organization, waiting: waiting, csrf: csrf), heading: title,
                action: path(kind, id), error: error, person: person, student: student, subject: subject, engagement: engagement)
        }
        switch kind {
        case .office:
            throw DomainError.notFound("Page")
        case .tutors, .parents:
            let role: Role = kind == .tutors ? .tutor : .parent
            let people = role == .tutor ? try await directory.tutors(for: caller) : try await directory.parents(for: caller)
            guard let person = people.first(where: { $0.id == id }) else { throw DomainError.notFound(role == .tutor ? "Tutor" : "Parent") }
            let stored = PersonForm(
                name: person.name, email: person.email, phone: person.phone ?? "", isParent: role == .parent, canRequest: person.canRequestSessions,
                texts: person.notifyBy == .sms)
            return page("Edit \(person.name)", person: typed.person ?? stored)
        case .students:
            guard let student = try await directory.students(for: caller).first(where: { $0.id == id }) else {
                throw DomainError.notFound("Student")
            }
            let chosen = typed.studentName == nil ? Set(student.guardianIDs) : typed.guardianIDs
            let parents = try await directory.parents(for: caller)
            return page(
                "Edit \(student.name)",
                student: PeoplePage.StudentForm(
                    name: typed.studentName ?? student.name, notes: typed.studentName == nil ? student.notes : typed.studentNotes,
                    guardians: parents.map { NewRequestPage.Choice(value: $0.id, label: $0.name, selected: chosen.contains($0.id)) }))
        case .subjects:
            guard let subject = try await directory.subjects(for: caller).first(where: { $0.id == id }) else {
                throw DomainError.notFound("Subject")
            }
            return page("Rename \(subject.name)", subject: PeoplePage.SubjectForm(name: typed.subjectName ?? subject.name))
        case .engagements:
            let engagement = try await directory.engagement(id, for: caller)
            let names = try await PeopleNames.load(for: caller, directory: directory)
            let student = try await directory.students(for: caller).first { $0.id == engagement.studentID }
            let guardians = try await directory.parents(for: caller).filter { student?.guardianIDs.contains($0.id) ?? false }
            let terms = engagement.terms
            let stored: [String: String] = [
                "client": engagement.clientID, "clientRate": MoneyWording.plain(terms.clientRatePerHour),
                "tutorPay": MoneyWording.plain(terms.tutorPayRatePerHour), "duration": "\(terms.defaultDurationMinutes)",
                "longest": terms.longestRequestMinutes.map(String.init) ?? "", "location": terms.location, "sessionType": terms.sessionType,
            ]
            let shown = typed.engagement ?? stored
            return page(
                "Edit \(names.engagement(engagement))",
                engagement: EngagementForm(
                    clients: guardians.map { NewRequestPage.Choice(value: $0.id, label: $0.name, selected: $0.id == shown["client"]) },
                    clientRate: shown["clientRate"] ?? "", tutorPay: shown["tutorPay"] ?? "", duration: shown["duration"] ?? "",
                    longest: shown["longest"] ?? "", location: shown["location"] ?? "", sessionType: shown["sessionType"] ?? "",
                    active: engagement.isActive, endAction: path(kind, id) + "/end"))
        }
    }
}
