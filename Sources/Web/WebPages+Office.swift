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
        return try await peoplePage(invited: nil, error: nil, form: .init(), caller: caller, token: token, status: .ok)
    }

    func invite<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        var request = request
        guard let form = try await sessionForm(InvitationForm.self, from: &request, context, session: token) else {
            return expiredForm(back: "/people")
        }
        let typed = PeoplePage.InviteForm(name: form.name, email: form.email, role: form.role, canRequest: form.canRequestSessions != "no")
        do {
            guard let role = Role(rawValue: form.role), role != .admin else { throw DomainError.invalid("role", "Invite a tutor or a parent.") }
            let sent = try await Invitations(dependencies).invite(
                .init(email: form.email, name: form.name, role: role, canRequestSessions: role == .parent && typed.canRequest), by: caller)
            return try await peoplePage(invited: sent, error: nil, form: .init(), caller: caller, token: token, status: .ok)
        } catch let refusal as DomainError where refusal.kind != .forbidden {
            return try await peoplePage(
                invited: nil, error: refusal.message, form: typed, caller: caller, token: token, status: Self.status(of: refusal))
        }
    }

    func audit<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let before = request.uri.queryParameters["before"].flatMap { AuditCursor(text: String($0)) }
        let page = try await AuditPage.load(before: before, for: caller, csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "audit"))
    }

    private func peoplePage(
        invited: Invitations.Sent?, error: String?, form: PeoplePage.InviteForm, caller: Caller, token: String, status: HTTPResponse.Status
    ) async throws -> Response {
        let page = try await PeoplePage.load(
            invited: invited, error: error, form: form, for: caller, csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
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
