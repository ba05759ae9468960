import Foundation
import Hummingbird
import Notifications
import Workflows

/// `GET /calendar/feed/{token}.ics`: a calendar app's subscription, opened by the token alone;
/// and the buttons on the calendar page that make or replace it.
extension WebPages {
    func calendarFeed<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        var token = context.parameters.get("token") ?? ""
        if token.hasSuffix(".ics") { token.removeLast(4) }
        guard let feed = try await CalendarFeeds(dependencies).feed(token: token) else {
            return Response(
                status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "This calendar address does not exist, or was replaced by a new one.\n")))
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "private, max-age=300"],
            body: .init(byteBuffer: ByteBuffer(string: feed)))
    }

    /// `POST /calendar/feed`: a new address, shown on the calendar page this once (it is stored as a
    /// hash); any earlier one stops working.
    func makeCalendarFeed<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        var request = request
        guard try await sessionForm(CSRFForm.self, from: &request, context, session: token) != nil else { return expiredForm(back: WebPath.calendar) }
        let made = try await CalendarFeeds(dependencies).make(for: caller)
        let page = try await CalendarPage.load(
            view: .week, around: nil, for: caller, csrf: WebSession.csrfToken(forSession: token), madeFeed: made, dependencies: dependencies)
        var response = html(render(page, "calendar"))
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
