import Foundation
import HTTPTypes
import Hummingbird
import Scheduling
import Workflows

/// `/a/{token}`: answer a request from the email. GET shows what the link will do; only the POST acts.
extension WebPages {
    func actionLink<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        do {
            let opened = try await ActionLinks(dependencies).open(token: token)
            return actionLinkPage(.offer(opened, token: token, viewer: try await signedIn(request)?.0, error: nil), status: .ok)
        } catch let refusal as DomainError {
            return actionLinkPage(
                .ended(heading: "This link cannot be used", error: refusal.message, done: nil, followUp: nil), status: Self.linkStatus(refusal))
        }
    }

    func useActionLink<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        var request = request
        let form = try await self.form(ActionLinkForm.self, from: &request, context)
        let links = ActionLinks(dependencies)
        let opened: ActionLinks.Opened
        do {
            opened = try await links.open(token: token)
        } catch let refusal as DomainError {
            return actionLinkPage(
                .ended(heading: "This link cannot be used", error: refusal.message, done: nil, followUp: nil), status: Self.linkStatus(refusal))
        }
        let followUp = WebPath.request(opened.request.id)
        do {
            let after = try await links.act(
                token: token, location: form?.location ?? "", sessionType: form?.sessionType ?? "", reason: form?.reason ?? "")
            return actionLinkPage(
                .ended(heading: "Done", error: nil, done: Self.outcome(after, summary: opened.summary), followUp: followUp), status: .ok)
        } catch let refusal as DomainError where refusal.kind == .invalid || refusal.kind == .malformed {
            // Nothing was done and the link was not spent: the form comes back with the reason.
            return actionLinkPage(
                .offer(opened, token: token, viewer: try await signedIn(request)?.0, error: refusal.message), status: Self.status(of: refusal))
        } catch let refusal as DomainError {
            return actionLinkPage(
                .ended(heading: "Nothing was changed", error: refusal.message, done: nil, followUp: followUp), status: Self.status(of: refusal))
        }
    }

    private func actionLinkPage(_ page: ActionLinkPage, status: HTTPResponse.Status) -> Response {
        var response = html(render(page, "action-link"), status: status)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// A used or expired link is gone for good; an unknown one was never there.
    private static func linkStatus(_ refusal: DomainError) -> HTTPResponse.Status {
        refusal.kind == .conflict ? .gone : status(of: refusal)
    }

    private static func outcome(_ request: SessionRequest, summary: String) -> String {
        switch request.state {
        case .accepted: "Confirmed: \(summary). Everyone has been told."
        case .declined: "Declined: \(summary). The family has been told."
        case .withdrawn: "You declined the proposed time; the request is withdrawn."
        default: "Your answer was recorded."
        }
    }
}

struct ActionLinkForm: Decodable {
    let location: String?
    let sessionType: String?
    let reason: String?
}
