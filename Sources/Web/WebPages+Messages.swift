import Foundation
import Hummingbird
import Scheduling
import Workflows

/// Messages: each person's own, and for the office everyone's with the undelivered ones to send again.
extension WebPages {
    func messages<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let page = try await MessagesPage.load(
            for: caller, csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies,
            saved: request.uri.queryParameters["saved"] != nil)
        return html(render(page, "messages"))
    }

    /// `POST /messages/settings`: email or text messages, and the mobile number.
    func saveNotificationSettings<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        var request = request
        guard let form = try await sessionForm(MessagesPage.SettingsForm.self, from: &request, context, session: token) else {
            return expiredForm(back: "/messages")
        }
        do {
            guard let channel = NotificationChannel(rawValue: form.notifyBy) else {
                throw DomainError.invalid("notifyBy", "Choose email or text messages.")
            }
            _ = try await NotificationSettings(dependencies).update(
                notifyBy: channel, phone: form.phone?.trimmingCharacters(in: .whitespaces), for: caller)
            return .redirect(to: "/messages?saved=1#contact", type: .found)
        } catch let refusal as DomainError {
            let page = try await MessagesPage.load(
                for: caller, csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies, form: form, problem: refusal.message)
            return html(render(page, "messages"), status: Self.status(of: refusal))
        }
    }

    /// `POST /messages/{id}/retry`: queues a dead letter again, then shows the list (where it now waits).
    func retryMessage<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        var request = request
        guard try await sessionForm(CSRFForm.self, from: &request, context, session: token) != nil else {
            return expiredForm(back: "/messages")
        }
        try await MessageLog(dependencies).retry(context.parameters.get("id") ?? "", for: caller)
        return .redirect(to: "/messages", type: .found)
    }
}
