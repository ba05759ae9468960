import Foundation
import Hummingbird
import Workflows

/// Messages: each person's own, and for the office everyone's with the undelivered ones to send again.
extension WebPages {
    func messages<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return .redirect(to: "/login") }
        let page = try await MessagesPage.load(for: caller, csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "messages"))
    }

    /// `POST /messages/{id}/retry`: queues a dead letter again, then shows the list (where it now waits).
    func retryMessage<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return .redirect(to: "/login") }
        var request = request
        guard try await sessionForm(CSRFForm.self, from: &request, context, session: token) != nil else {
            return expiredForm(back: "/messages")
        }
        try await Notifications(dependencies).retry(context.parameters.get("id") ?? "", for: caller)
        return .redirect(to: "/messages", type: .found)
    }
}
