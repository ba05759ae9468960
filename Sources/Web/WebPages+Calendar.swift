import Foundation
import Hummingbird
import Scheduling

/// The calendar: `/calendar?view=week|month|list&date=YYYY-MM-DD`.
extension WebPages {
    func calendar<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let query = request.uri.queryParameters
        let view = query["view"].flatMap { CalendarPage.View(rawValue: String($0)) } ?? .week
        let narrowing = CalendarPage.Narrowing(
            tutorID: query["tutor"].map(String.init).flatMap { $0.isEmpty ? nil : $0 },
            cancellationRequests: query["only"] == "cancellation-requests")
        let page = try await CalendarPage.load(
            view: view, around: query["date"].flatMap { LocalDate(iso: $0) }, narrowing: narrowing, for: caller,
            csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "calendar"))
    }
}
