import Foundation
import Hummingbird
import Notifications
import Scheduling
import Workflows

/// The office rewords the messages SessionDesk sends: a list of kinds, and one page per kind to
/// preview, save or reset its wording.
extension WebPages {
    func messageTemplates<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let entries = try await MessageTemplates(dependencies).list(for: caller)
        let chrome = try await templatesChrome("Messages sent", caller: caller, token: token)
        return html(render(MessageTemplatesPage.make(entries, chrome: chrome), "message-templates"))
    }

    func messageTemplate<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let kind = try messageKind(context)
        let entry = try await MessageTemplates(dependencies).entry(kind, for: caller)
        let notice: String? =
            switch request.uri.queryParameters["done"] {
            case "saved": "Saved: messages of this kind use this wording from now on."
            case "reset": "Back to the standard wording."
            default: nil
            }
        let page = MessageTemplatePage.make(
            kind: kind, template: entry.template, isCustom: entry.isCustom,
            chrome: try await templatesChrome(kind.title, caller: caller, token: token),
            notice: notice)
        return html(render(page, "message-template"))
    }

    /// `POST /settings/messages/{kind}` with `action` preview, save or reset.
    func changeMessageTemplate<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let kind = try messageKind(context)
        var request = request
        guard let form = try await sessionForm(MessageTemplatePage.Form.self, from: &request, context, session: token) else {
            return expiredForm(back: "/settings/messages/\(kind.rawValue)")
        }
        let templates = MessageTemplates(dependencies)
        let template = form.template(for: kind)
        let chrome = try await templatesChrome(kind.title, caller: caller, token: token)
        do {
            switch form.action {
            case "save":
                _ = try await templates.save(template, for: kind, by: caller)
                return .redirect(to: "/settings/messages/\(kind.rawValue)?done=saved", type: .found)
            case "reset":
                _ = try await templates.reset(kind, by: caller)
                return .redirect(to: "/settings/messages/\(kind.rawValue)?done=reset", type: .found)
            default:
                let preview = try templates.preview(template, for: kind, by: caller)
                let isCustom = try await templates.entry(kind, for: caller).isCustom
                let page = MessageTemplatePage.make(kind: kind, template: template, isCustom: isCustom, chrome: chrome, preview: preview)
                return html(render(page, "message-template"))
            }
        } catch let refusal as DomainError {
            let isCustom = try await templates.entry(kind, for: caller).isCustom
            let page = MessageTemplatePage.make(kind: kind, template: template, isCustom: isCustom, chrome: chrome, problem: refusal.message)
            return html(render(page, "message-template"), status: Self.status(of: refusal))
        }
    }

    private func messageKind<Context: RequestContext>(_ context: Context) throws -> MessageKind {
        guard let kind = context.parameters.get("kind").flatMap(MessageKind.init(rawValue:)) else {
            throw DomainError.notFound("Message template")
        }
        return kind
    }

    private func templatesChrome(_ title: String, caller: Caller, token: String) async throws -> PageChrome {
        try caller.requireAdmin(to: "change message templates")
        let organization = try await Directory(dependencies).organization(for: caller)
        let waiting = try await RequestDirectory(dependencies).waiting(for: caller)
        return .signedIn(title: title, caller: caller, organization: organization, waiting: waiting, csrf: WebSession.csrfToken(forSession: token))
    }
}
