import Foundation
import HTTPTypes
import Hummingbird
import Scheduling
import Workflows

/// A session's page and its cancel form.
extension WebPages {
    func sessionDetail<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let done = request.uri.queryParameters["done"].map(String.init)
        return try await sessionPage(context.parameters.get("id") ?? "", done: done, error: nil, caller: caller, token: token, status: .ok)
    }

    func cancelSession<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let id = context.parameters.get("id") ?? ""
        var request = request
        guard let form = try await sessionForm(CancelForm.self, from: &request, context, session: token) else {
            return expiredForm(back: WebPath.session(id))
        }
        do {
            _ = try await SessionCancellation(dependencies).cancel(id, reason: form.reason, by: caller)
            return .redirect(to: "\(WebPath.session(id))?done=cancel", type: .found)
        } catch let refusal as DomainError where refusal.kind != .notFound {
            return try await sessionPage(id, error: refusal.message, caller: caller, token: token, status: Self.status(of: refusal))
        }
    }

    /// `POST /sessions/{id}/cancellation-request[/withdraw|/clear]` (`request` cancellation mode).
    func cancellationRequest<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let id = context.parameters.get("id") ?? ""
        var request = request
        guard let form = try await sessionForm(AskForm.self, from: &request, context, session: token) else {
            return expiredForm(back: WebPath.session(id))
        }
        let asks = SessionCancellationRequests(dependencies)
        do {
            let step = context.parameters.get("step")
            switch step {
            case nil: _ = try await asks.request(id, comment: form.comment ?? "", readWarning: form.readWarning == "yes", by: caller)
            case "withdraw": _ = try await asks.withdraw(id, by: caller)
            case "clear": _ = try await asks.clear(id, by: caller)
            default: throw DomainError.notFound("Page")
            }
            return .redirect(to: "\(WebPath.session(id))?done=\(step.map { "\($0)-ask" } ?? "ask")", type: .found)
        } catch let refusal as DomainError where refusal.kind != .notFound {
            return try await sessionPage(id, error: refusal.message, caller: caller, token: token, status: Self.status(of: refusal))
        }
    }

    private func sessionPage(
        _ id: String, done: String? = nil, error: String?, caller: Caller, token: String, status: HTTPResponse.Status
    ) async throws -> Response {
        let page = try await SessionPage.load(
            id, done: done, error: error, for: caller, csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "session"), status: status)
    }
}

struct AskForm: SignedForm {
    let csrf: String
    let comment: String?
    let readWarning: String?
}

struct CancelForm: SignedForm {
    let csrf: String
    let reason: String
}
