import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import Scheduling
import Storage
import Workflows

/// The handlers behind `WebRoutes`: each finds who is asking from the session cookie, lets a
/// workflow do the work, and renders a template.
struct WebPages: Sendable {
    let library: MustacheLibrary
    let dependencies: Dependencies
    let session: WebSession

    // MARK: Pages

    func dashboard<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let page = try await DashboardPage.load(for: caller, csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "dashboard"))
    }

    func loginForm<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let next = ReturnPath.checked(request.uri.queryParameters["next"].map(String.init))
        if try await signedIn(request) != nil { return .redirect(to: next ?? "/") }
        return try await loginPage(email: "", next: next, error: nil, status: .ok)
    }

    func logIn<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        let form = try await self.form(LoginForm.self, from: &request, context)
        let next = ReturnPath.checked(form?.next)
        guard try await session.acceptsPreLogin(form: form?.csrf, cookie: request.cookies[WebSession.loginCookieName]?.value, now: dependencies.now())
        else {
            return try await loginPage(
                email: form?.email ?? "", next: next, error: "This form had expired. Please log in again.", status: .forbidden)
        }
        guard let form else {
            return try await loginPage(email: "", next: nil, error: "Enter your email and password.", status: .badRequest)
        }
        let remote = (context as? any RemoteAddressRequestContext)?.remoteAddress?.ipAddress ?? "unknown"
        do {
            let granted = try await Authentication(dependencies).logIn(
                .init(email: form.email, password: form.password, remoteAddress: remote, kind: .web))
            var response = Response.redirect(to: next ?? "/")
            response.setCookie(session.sessionCookie(granted.token, expires: granted.expiresAt))
            response.setCookie(session.loginCookie(""))
            return response
        } catch let error as DomainError {
            let status: HTTPResponse.Status =
                error.kind == .rateLimited ? .tooManyRequests : error.kind == .invalid ? .unprocessableContent : .unauthorized
            var response = try await loginPage(email: form.email, next: next, error: error.message, status: status)
            if let seconds = error.retryAfterSeconds { response.headers[.retryAfter] = String(seconds) }
            return response
        }
    }

    func logOut<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        var request = request
        if let (_, token) = try await signedIn(request) {
            guard try await sessionForm(CSRFForm.self, from: &request, context, session: token) != nil else { return expiredForm(back: "/") }
            try await Authentication(dependencies).logOut(token: token)
        }
        var response = Response.redirect(to: "/login")
        response.setCookie(session.clearedSessionCookie())
        return response
    }

    /// The page an invitation email links to: GET shows the form, only POST sets the password.
    func invitation<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        do {
            let invitee = try await Invitations(dependencies).invitee(token: token)
            return try await invitationPage(token: token, invitee: invitee.name, error: nil, status: .ok)
        } catch let error as DomainError {
            return try await invitationPage(token: token, invitee: nil, error: error.message, status: error.kind == .notFound ? .notFound : .gone)
        }
    }

    func acceptInvitation<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        var request = request
        let form = try await self.form(PasswordForm.self, from: &request, context)
        guard
            try await session.acceptsPreLogin(form: form?.csrf, cookie: request.cookies[WebSession.loginCookieName]?.value, now: dependencies.now()),
            let form
        else {
            return try await invitationPage(
                token: token, invitee: nil, error: "This form had expired. Please try again.", status: .forbidden, usable: true)
        }
        do {
            let granted = try await Invitations(dependencies).accept(token: token, password: form.password, kind: .web)
            var response = Response.redirect(to: "/")
            response.setCookie(session.sessionCookie(granted.token, expires: granted.expiresAt))
            response.setCookie(session.loginCookie(""))
            return response
        } catch let error as DomainError {
            // A password that breaks the rules keeps the form; a used or expired link does not.
            let usable = error.kind == .invalid
            let status: HTTPResponse.Status = usable ? .unprocessableContent : error.kind == .notFound ? .notFound : .gone
            return try await invitationPage(token: token, invitee: nil, error: error.message, status: status, usable: usable)
        }
    }

    // MARK: Helpers

    /// A form whose CSRF token does not match this session (stale, or sent from elsewhere).
    func expiredForm(back: String) -> Response {
        let page = ProblemPage(
            chrome: .signedOut(title: "Form expired", csrf: ""), heading: "This form had expired",
            message: "Nothing was changed. Open the page again and send the form from there.", link: back, linkLabel: "Open the page again")
        return html(render(page, "problem"), status: .forbidden)
    }

    /// The status of a page that says no: the one the API answers the same refusal with.
    static func status(of refusal: DomainError) -> HTTPResponse.Status {
        switch refusal.kind {
        case .malformed: .badRequest
        case .invalid: .unprocessableContent
        case .notFound: .notFound
        case .forbidden: .forbidden
        case .conflict: .conflict
        case .unauthenticated: .unauthorized
        case .rateLimited: .tooManyRequests
        }
    }

    /// The caller and their session secret, from the session cookie.
    func signedIn(_ request: Request) async throws -> (Caller, String)? {
        guard let token = request.cookies[WebSession.cookieName]?.value, !token.isEmpty,
            let caller = try await Authentication(dependencies).caller(token: token, kind: .web)
        else { return nil }
        return (caller, token)
    }

    /// A fresh login form, with the form token also set as a cookie.
    private func loginPage(email: String, next: String?, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let csrf = try await session.preLoginToken(nonce: dependencies.secrets.token(), now: dependencies.now())
        let page = LoginPage(chrome: .signedOut(title: "Log in", csrf: csrf), email: email, next: next, error: error)
        var response = html(render(page, "login"), status: status)
        response.setCookie(session.loginCookie(csrf))
        return response
    }

    private func invitationPage(
        token: String, invitee: String?, error: String?, status: HTTPResponse.Status, usable: Bool? = nil
    ) async throws -> Response {
        let csrf = try await session.preLoginToken(nonce: dependencies.secrets.token(), now: dependencies.now())
        let page = InvitationPage(
            chrome: .signedOut(title: "Set your password", csrf: csrf), token: token, invitee: invitee, error: error,
            usable: usable ?? (invitee != nil))
        var response = html(render(page, "invitation"), status: status)
        response.setCookie(
            Cookie(name: WebSession.loginCookieName, value: csrf, path: WebPath.invitations, secure: session.secure, httpOnly: true, sameSite: .lax))
        return response
    }

    /// A signed-in person's form, if its CSRF token is their session's; nil when it is not (or the
    /// form cannot be read), which the caller answers with `expiredForm`.
    func sessionForm<Form: SignedForm, Context: RequestContext>(
        _ type: Form.Type, from request: inout Request, _ context: Context, session token: String
    ) async throws -> Form? {
        guard let form = try await form(Form.self, from: &request, context), WebSession.matches(form.csrf, WebSession.csrfToken(forSession: token))
        else { return nil }
        return form
    }

    func form<Form: Decodable, Context: RequestContext>(_ type: Form.Type, from request: inout Request, _ context: Context) async throws
        -> Form?
    {
        let body = try await request.collectBody(upTo: 64 * 1024)
        return try? URLEncodedFormDecoder().decode(Form.self, from: String(buffer: body))
    }

    func render(_ page: Any, _ template: String) -> String {
        guard let text = library.render(page, withTemplate: template) else { fatalError("no template named \(template)") }
        return text
    }

    func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

struct LoginForm: Decodable {
    let email: String
    let password: String
    let csrf: String
    /// The page to return to (see `ReturnPath`).
    let next: String?
}

struct PasswordForm: Decodable {
    let password: String
    let csrf: String
}

/// A form that carries its CSRF token in the `csrf` field.
protocol SignedForm: Decodable {
    var csrf: String { get }
}

struct CSRFForm: SignedForm {
    let csrf: String
}
