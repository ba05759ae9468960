import Foundation
import HTTPTypes
import Hummingbird
import Scheduling
import Workflows

/// The office's pages: everything needing action, people and invitations, the audit log.
extension WebPages {
    func officeRequests<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let query = request.uri.queryParameters
        let page = try await OfficeRequestsPage.load(
            tutorID: query["tutor"].map(String.init).flatMap { $0.isEmpty ? nil : $0 },
            filter: query["state"].flatMap { OfficeRequestsPage.Filter(rawValue: String($0)) } ?? .all, for: caller,
            csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "office-requests"))
    }

    func people<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let query = request.uri.queryParameters
        let notice = try await PeoplePage.notice(
            after: Dictionary(query.map { (String($0.key), String($0.value)) }, uniquingKeysWith: { first, _ in first }), for: caller,
            dependencies: dependencies)
        return try await peoplePage(notice: notice, caller: caller, token: token, status: .ok)
    }

    func invite<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        var request = request
        guard let form = try await sessionForm(InvitationForm.self, from: &request, context, session: token) else {
            return expiredForm(back: "/people")
        }
        var typed = PeoplePage.Typed()
        typed.invite = PeoplePage.InviteForm(
            name: form.name, email: form.email, asTutor: form.role == "tutor", asOffice: form.role == "admin",
            canRequest: form.canRequestSessions != "no")
        do {
            guard let role = Role(rawValue: form.role) else { throw DomainError.invalid("role", "Invite a parent, a tutor or an office colleague.") }
            let sent = try await Invitations(dependencies).invite(
                .init(email: form.email, name: form.name, role: role, canRequestSessions: role == .parent && typed.invite.canRequest), by: caller)
            // Shown once, so not through a redirect: the link is on this page only.
            return try await peoplePage(invited: sent, caller: caller, token: token, status: .ok)
        } catch let refusal as DomainError where refusal.kind != .forbidden {
            return try await peoplePage(
                error: PeoplePage.Refusal(refusal.message, in: .invitations), typed: typed, caller: caller, token: token,
                status: Self.status(of: refusal))
        }
    }

    /// `POST /people/{form}`: adds a subject, student or engagement, then shows the page saying so.
    func addToPeople<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        guard let form = context.parameters.get("kind").flatMap(PeoplePage.Form.init(rawValue:)) else { throw DomainError.notFound("Page") }
        var request = request
        var typed = PeoplePage.Typed()
        let enrolment = Enrolment(dependencies)
        do {
            switch form {
            case .subjects:
                guard let sent = try await sessionForm(SubjectForm.self, from: &request, context, session: token) else {
                    return expiredForm(back: "/people")
                }
                typed.subject.name = sent.name
                let subject = try await enrolment.createSubject(named: sent.name, by: caller)
                return .redirect(to: "/people?added=subject&id=\(subject.id)", type: .found)
            case .students:
                guard let sent = try await sessionForm(StudentForm.self, from: &request, context, session: token) else {
                    return expiredForm(back: "/people")
                }
                (typed.studentName, typed.studentNotes, typed.guardianIDs) = (sent.name, sent.notes ?? "", Set(sent.guardians ?? []))
                let student = try await enrolment.createStudent(
                    .init(name: sent.name, guardianIDs: sent.guardians ?? [], notes: sent.notes ?? ""), by: caller)
                return .redirect(to: "/people?added=student&id=\(student.id)", type: .found)
            case .engagements:
                guard let sent = try await sessionForm(EngagementForm.self, from: &request, context, session: token) else {
                    return expiredForm(back: "/people")
                }
                typed.engagement = sent.typed
                let engagement = try await enrolment.createEngagement(try sent.draft(), by: caller)
                return .redirect(to: "/people?added=engagement&id=\(engagement.id)", type: .found)
            case .invitations:
                return try await invite(request, context)
            }
        } catch let refusal as DomainError where refusal.kind != .forbidden {
            return try await peoplePage(
                error: PeoplePage.Refusal(refusal.message, in: form), typed: typed, caller: caller, token: token, status: Self.status(of: refusal))
        }
    }

    func audit<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let before = request.uri.queryParameters["before"].flatMap { AuditCursor(text: String($0)) }
        let page = try await AuditPage.load(before: before, for: caller, csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "audit"))
    }

    func peoplePage(
        invited: Invitations.Sent? = nil, notice: String? = nil, error: PeoplePage.Refusal? = nil, problem: String? = nil,
        typed: PeoplePage.Typed = .init(), caller: Caller, token: String, status: HTTPResponse.Status
    ) async throws -> Response {
        let page = try await PeoplePage.load(
            invited: invited, notice: notice, error: error, problem: problem, typed: typed, for: caller,
            csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "people"), status: status)
    }
}

struct InvitationForm: SignedForm {
    let csrf: String
    let name: String
    let email: String
    let role: String
    let canRequestSessions: String?
}

struct SubjectForm: SignedForm {
    let csrf: String
    let name: String
}

struct StudentForm: SignedForm {
    let csrf: String
    let name: String
    let notes: String?
    /// The ticked parents (`guardians[]`).
    let guardians: [String]?
}

struct EngagementForm: SignedForm {
    let csrf: String
    let tutor: String
    let student: String
    let subject: String
    let client: String?
    let clientRate: String
    let tutorPay: String
    let duration: String
    let longest: String?
    let location: String?
    let sessionType: String

    /// The fields the edit form has too.
    private var terms: EngagementTermsForm {
        EngagementTermsForm(
            csrf: csrf, client: client, clientRate: clientRate, tutorPay: tutorPay, duration: duration, longest: longest, location: location,
            sessionType: sessionType)
    }

    /// What was typed, to fill the form again after a refusal.
    var typed: [String: String] { terms.typed.merging(["tutor": tutor, "student": student, "subject": subject]) { _, new in new } }

    /// The workflow's draft; amounts and minutes that are not numbers are refused by field.
    func draft() throws(DomainError) -> Enrolment.EngagementDraft {
        Enrolment.EngagementDraft(
            tutorID: tutor, studentID: student, subjectID: subject, clientID: client.flatMap { $0.isEmpty ? nil : $0 }, terms: try terms.terms())
    }
}
