import Foundation
import HTTPTypes
import Hummingbird
import Scheduling
import Workflows

/// The office's settings page.
extension WebPages {
    func settings<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        try caller.requireAdmin(to: "change the organization's settings")
        let organization = try await Directory(dependencies).organization(for: caller)
        return try await settingsPage(
            SettingsPage.values(of: organization), organization: organization, caller: caller, token: token,
            saved: request.uri.queryParameters["saved"] != nil, refusal: nil)
    }

    func saveSettings<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        try caller.requireAdmin(to: "change the organization's settings")
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        let values = (try? URLEncodedFormDecoder().decode([String: String].self, from: String(buffer: body))) ?? [:]
        guard WebSession.matches(values["csrf"], WebSession.csrfToken(forSession: token)) else { return expiredForm(back: "/settings") }
        do {
            _ = try await OrganizationSettingsUpdate(dependencies).apply(try SettingsPage.changes(from: values), by: caller)
            return .redirect(to: "/settings?saved=1", type: .found)
        } catch let refusal as DomainError {
            let organization = try await Directory(dependencies).organization(for: caller)
            return try await settingsPage(
                values, organization: organization, caller: caller, token: token, saved: false, refusal: refusal, status: Self.status(of: refusal))
        }
    }

    private func settingsPage(
        _ values: SettingsPage.Values, organization: Organization, caller: Caller, token: String, saved: Bool, refusal: DomainError?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let waiting = try await RequestDirectory(dependencies).waiting(for: caller)
        let page = SettingsPage.make(
            values, organization: organization, caller: caller, waiting: waiting, csrf: WebSession.csrfToken(forSession: token), saved: saved,
            refusal: refusal)
        return html(render(page, "settings"), status: status)
    }
}
