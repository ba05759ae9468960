import Foundation
import HTTPTypes
import Hummingbird
import Scheduling
import Workflows

/// Forgotten passwords: `/password-reset` asks for a link, `/password-reset/{token}` uses it.
/// Signed-out forms carry a token that must match a cookie set with the form.
extension WebPages {
    func passwordResetForm<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        try await passwordResetPage(token: nil, email: "", sent: false, error: nil, usable: false, holder: nil, status: .ok)
    }

    func requestPasswordReset<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await self.form(ResetRequestForm.self, from: &request, context)
        guard let form,
            try await session.acceptsPreLogin(form: form.csrf, cookie: request.cookies[WebSession.loginCookieName]?.value, now: dependencies.now())
        else {
            return try await passwordResetPage(
                token: nil, email: form?.email ?? "", sent: false, error: "This form had expired. Please try again.", usable: false, holder: nil,
                status: .forbidden)
        }
        do {
            try await PasswordResets(dependencies).request(email: form.email)
            return try await passwordResetPage(token: nil, email: form.email, sent: true, error: nil, usable: false, holder: nil, status: .ok)
        } catch let refusal as DomainError {
            return try await passwordResetPage(
                token: nil, email: form.email, sent: false, error: refusal.message, usable: false, holder: nil, status: Self.status(of: refusal))
        }
    }

    func passwordResetLink<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        do {
            let holder = try await PasswordResets(dependencies).holder(token: token)
            return try await passwordResetPage(token: token, email: "", sent: false, error: nil, usable: true, holder: holder.name, status: .ok)
        } catch let refusal as DomainError {
            return try await passwordResetPage(
                token: token, email: "", sent: false, error: refusal.message, usable: false, holder: nil, status: Self.status(of: refusal))
        }
    }

    func completePasswordReset<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        var request = request
        guard let form = try await self.form(PasswordForm.self, from: &request, context),
            try await session.acceptsPreLogin(form: form.csrf, cookie: request.cookies[WebSession.loginCookieName]?.value, now: dependencies.now())
        else {
            return try await passwordResetPage(
                token: token, email: "", sent: false, error: "This form had expired. Please try again.", usable: true, holder: nil, status: .forbidden
            )
        }
        do {
            let granted = try await PasswordResets(dependencies).complete(token: token, password: form.password, kind: .web)
            var response = Response.redirect(to: "/")
            response.setCookie(session.sessionCookie(granted.token, expires: granted.expiresAt))
            return response
        } catch let refusal as DomainError {
            // A password that breaks the rules keeps the form; a used or expired link does not.
            return try await passwordResetPage(
                token: token, email: "", sent: false, error: refusal.message, usable: refusal.kind == .invalid, holder: nil,
                status: Self.status(of: refusal))
        }
    }

    private func passwordResetPage(
        token: String?, email: String, sent: Bool, error: String?, usable: Bool, holder: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        let csrf = try await session.preLoginToken(nonce: dependencies.secrets.token(), now: dependencies.now())
        let page = PasswordResetPage(
            chrome: .signedOut(title: "Reset your password", csrf: csrf), token: token, email: email, sent: sent, error: error, usable: usable,
            holder: holder)
        var response = html(render(page, "password-reset"), status: status)
        response.setCookie(
            Cookie(name: WebSession.loginCookieName, value: csrf, path: WebPath.passwordReset, secure: session.secure, httpOnly: true, sameSite: .lax)
        )
        return response
    }
}

struct ResetRequestForm: Decodable {
    let email: String
    let csrf: String
}
