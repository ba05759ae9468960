import Foundation
import HTTPTypes
import Hummingbird
import Scheduling
import Workflows

/// The office corrects a tutor, parent, student, subject or engagement, ends an engagement, and resends
/// or withdraws an invitation.
extension WebPages {
    /// `GET /people/{kind}/{id}`.
    func editInPeople<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let (kind, id) = try Self.edited(context)
        return try await editPage(kind, id: id, caller: caller, token: token, status: .ok)
    }

    /// `POST /people/{kind}/{id}`: saves the edit and returns to the people page saying so.
    func saveInPeople<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let (kind, id) = try Self.edited(context)
        let back = PeopleEditPage.path(kind, id)
        var request = request
        var typed = PeopleEditPage.Typed()
        do {
            switch kind {
            case .office:
                throw DomainError.notFound("Page")
            case .tutors, .parents:
                guard let sent = try await sessionForm(PersonEditForm.self, from: &request, context, session: token) else {
                    return expiredForm(back: back)
                }
                let canRequest = kind == .parents ? sent.canRequestSessions == "yes" : nil
                typed.person = .init(
                    name: sent.name, email: sent.email, phone: sent.phone ?? "", isParent: kind == .parents, canRequest: canRequest ?? false,
                    texts: false)
                let changed = try await PeopleChanges(dependencies).updatePerson(
                    id, .init(name: sent.name, email: sent.email, phone: sent.phone, canRequestSessions: canRequest), by: caller)
                return .redirect(to: "/people?saved=person&id=\(id)\(changed.invitationEnded ? "&invitation=ended" : "")", type: .found)
            case .students:
                guard let sent = try await sessionForm(StudentForm.self, from: &request, context, session: token) else {
                    return expiredForm(back: back)
                }
                (typed.studentName, typed.studentNotes, typed.guardianIDs) = (sent.name, sent.notes ?? "", Set(sent.guardians ?? []))
                _ = try await PeopleChanges(dependencies).updateStudent(
                    id, .init(name: sent.name, guardianIDs: sent.guardians ?? [], notes: sent.notes ?? ""), by: caller)
                return .redirect(to: "/people?saved=student&id=\(id)", type: .found)
            case .subjects:
                guard let sent = try await sessionForm(SubjectForm.self, from: &request, context, session: token) else {
                    return expiredForm(back: back)
                }
                typed.subjectName = sent.name
                _ = try await PeopleChanges(dependencies).renameSubject(id, to: sent.name, by: caller)
                return .redirect(to: "/people?saved=subject&id=\(id)", type: .found)
            case .engagements:
                guard let sent = try await sessionForm(EngagementTermsForm.self, from: &request, context, session: token) else {
                    return expiredForm(back: back)
                }
                typed.engagement = sent.typed
                _ = try await EngagementChanges(dependencies).update(id, terms: try sent.terms(), clientID: sent.client, by: caller)
                return .redirect(to: "/people?saved=engagement&id=\(id)", type: .found)
            }
        } catch let refusal as DomainError where refusal.kind != .forbidden && refusal.kind != .notFound {
            return try await editPage(
                kind, id: id, typed: typed, error: refusal.message, caller: caller, token: token, status: Self.status(of: refusal))
        }
    }

    /// `POST /people/{kind}/{id}/{step}`: `end` an engagement; `resend` or `withdraw` a tutor's
    /// or parent's invitation.
    func changeInPeople<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let (kind, id) = try Self.edited(context)
        let step = context.parameters.get("step") ?? ""
        var request = request
        guard try await sessionForm(CSRFForm.self, from: &request, context, session: token) != nil else { return expiredForm(back: "/people") }
        do {
            switch (kind, step) {
            case (.engagements, "end"):
                let ended = try await EngagementChanges(dependencies).end(id, by: caller)
                return .redirect(to: "/people?ended=\(id)&booked=\(ended.sessionsStillBooked)", type: .found)
            case (.tutors, "withdraw"), (.parents, "withdraw"), (.office, "withdraw"):
                _ = try await PeopleChanges(dependencies).revokeInvitation(of: id, by: caller)
                return .redirect(to: "/people?withdrawn=\(id)", type: .found)
            case (.tutors, "resend"), (.parents, "resend"), (.office, "resend"):
                let sent = try await Invitations(dependencies).resend(to: id, by: caller)
                return try await peoplePage(invited: sent, caller: caller, token: token, status: .ok)
            default:
                throw DomainError.notFound("Page")
            }
        } catch let refusal as DomainError where refusal.kind == .conflict {
            // Ending is asked from the engagement's page, the invitation buttons from the lists.
            return kind == .engagements
                ? try await editPage(kind, id: id, error: refusal.message, caller: caller, token: token, status: .conflict)
                : try await peoplePage(problem: refusal.message, caller: caller, token: token, status: .conflict)
        }
    }

    private static func edited(_ context: some RequestContext) throws -> (PeopleEditPage.Kind, String) {
        guard let kind = context.parameters.get("kind").flatMap(PeopleEditPage.Kind.init(rawValue:)), let id = context.parameters.get("id") else {
            throw DomainError.notFound("Page")
        }
        return (kind, id)
    }

    private func editPage(
        _ kind: PeopleEditPage.Kind, id: String, typed: PeopleEditPage.Typed = .init(), error: String? = nil, caller: Caller, token: String,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let page = try await PeopleEditPage.load(
            kind, id: id, typed: typed, error: error, for: caller, csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "people-edit"), status: status)
    }
}

struct PersonEditForm: SignedForm {
    let csrf: String
    let name: String
    let email: String
    let phone: String?
    let canRequestSessions: String?
}

struct EngagementTermsForm: SignedForm {
    let csrf: String
    let client: String?
    let clientRate: String
    let tutorPay: String
    let duration: String
    let longest: String?
    let location: String?
    let sessionType: String

    /// What was typed, to fill the form again after a refusal.
    var typed: [String: String] {
        [
            "client": client ?? "", "clientRate": clientRate, "tutorPay": tutorPay, "duration": duration, "longest": longest ?? "",
            "location": location ?? "", "sessionType": sessionType,
        ]
    }

    /// The terms as typed; amounts and minutes that are not numbers are refused by field.
    func terms() throws(DomainError) -> EngagementTerms {
        var issues = IssueList()
        let clientRate = MoneyWording.minorUnits(clientRate)
        issues.check(clientRate != nil, "clientRatePerHour", "Write what the family pays per hour as an amount, such as 45.00.")
        let tutorPay = MoneyWording.minorUnits(tutorPay)
        issues.check(tutorPay != nil, "tutorPayRatePerHour", "Write what the tutor earns per hour as an amount, such as 30.00.")
        let duration = Int(duration.trimmingCharacters(in: .whitespaces))
        issues.check(duration != nil, "defaultDurationMinutes", "Write the usual session length in minutes, such as 60.")
        let longestText = (longest ?? "").trimmingCharacters(in: .whitespaces)
        let longest = longestText.isEmpty ? nil : Int(longestText)
        issues.check(longestText.isEmpty || longest != nil, "longestRequestMinutes", "Write the longest request in minutes, or leave it empty.")
        try issues.throwIfAny()
        return EngagementTerms(
            clientRatePerHour: clientRate!, tutorPayRatePerHour: tutorPay!, defaultDurationMinutes: duration!, location: location ?? "",
            sessionType: sessionType, longestRequestMinutes: longest)
    }
}
