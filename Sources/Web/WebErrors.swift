import HTTPTypes
import Hummingbird
import Mustache
import Scheduling
import Storage
import Workflows

/// A refusal that reaches the top of a page handler (an id that is not the caller's, a role that
/// may not open the page, a write the database refused) becomes a page that says so, with the
/// status and the sentence the API gives.
struct WebErrors<Context: RequestContext>: RouterMiddleware {
    let library: MustacheLibrary

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let stored as StoreError {
            guard let refusal = DomainError(refusal: stored) else { throw stored }
            return page(for: refusal)
        } catch let refusal as DomainError {
            return page(for: refusal)
        }
    }

    private func page(for refusal: DomainError) -> Response {
        let message = refusal.kind == .notFound ? "This page does not exist, or it is not one you can see." : refusal.message
        let page = ProblemPage(
            chrome: .signedOut(title: "Not available", csrf: ""), heading: "Not available", message: message, link: "/",
            linkLabel: "Back to the dashboard")
        return Response(
            status: WebPages.status(of: refusal), headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: library.render(page, withTemplate: "problem") ?? message)))
    }
}

/// What the error page shows.
struct ProblemPage {
    let chrome: PageChrome
    let heading: String
    let message: String
    let link: String
    let linkLabel: String
}
