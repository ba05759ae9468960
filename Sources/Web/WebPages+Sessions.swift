import Foundation
import HTTPTypes
import Hummingbird
import Scheduling
import Workflows

/// A session's page and its cancel form; the office's booking form.
extension WebPages {
    func newSession<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let query = request.uri.queryParameters
        let input = BookSessionPage.Input(
            engagementID: query["engagement"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }, date: query["date"].flatMap { LocalDate(iso: $0) })
        return try await bookSessionPage(input, caller: caller, token: token, status: .ok)
    }

    /// `POST /sessions`: one of the free times offered, or the date and a time the office typed.
    func bookSession<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        var request = request
        guard let form = try await sessionForm(BookForm.self, from: &request, context, session: token) else {
            return expiredForm(back: "\(WebPath.sessions)/new")
        }
        let date = LocalDate(iso: form.date)
        var input = BookSessionPage.Input(
            engagementID: form.engagement, date: date, chosenStart: form.start, time: form.time ?? "", duration: form.duration,
            location: form.location, sessionType: form.sessionType)
        do {
            let start = try await form.startInstant(on: date, organization: Directory(dependencies).organization(for: caller))
            guard let minutes = Int(form.duration.trimmingCharacters(in: .whitespaces)) else {
                throw DomainError.invalid("durationMinutes", "Write the session's length in minutes, such as 60.")
            }
            let session = try await SessionBooking(dependencies).book(
                .init(
                    engagementID: form.engagement, start: start, durationMinutes: minutes,
                    details: SessionDetails(location: form.location ?? "", sessionType: form.sessionType ?? "")),
                by: caller)
            return .redirect(to: "\(WebPath.session(session.id))?done=book", type: .found)
        } catch let refusal as DomainError where refusal.kind != .forbidden {
            input.error = refusal.message
            return try await bookSessionPage(input, caller: caller, token: token, status: Self.status(of: refusal))
        }
    }

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

    private func bookSessionPage(_ input: BookSessionPage.Input, caller: Caller, token: String, status: HTTPResponse.Status) async throws
        -> Response
    {
        let page = try await BookSessionPage.load(input, for: caller, csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "session-new"), status: status)
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

struct BookForm: SignedForm {
    let csrf: String
    let engagement: String
    let date: String
    /// One of the free times offered (RFC 3339), or empty for `time`.
    let start: String?
    /// A time of the office's own on `date` (HH:MM in the organization's zone).
    let time: String?
    let duration: String
    let location: String?
    let sessionType: String?

    /// The start chosen: a free time, else `time` on `date` as the organization's clocks read it.
    func startInstant(on date: LocalDate?, organization: Organization) throws(DomainError) -> Date {
        if let start, !start.isEmpty {
            guard let instant = RFC3339.parse(start) else { throw DomainError.invalid("start", "Choose one of the free times.") }
            return instant
        }
        guard let typed = time?.trimmingCharacters(in: .whitespaces), !typed.isEmpty else {
            throw DomainError.invalid("start", "Choose one of the free times, or type a time of your own.")
        }
        guard let date else { throw DomainError.invalid("date", "Choose a date.") }
        guard let clock = LocalTime(iso: typed) else { throw DomainError.invalid("time", "Write the time as hours and minutes, such as 16:30.") }
        // In an autumn clock change the earlier of the two 01:30s; in the spring gap, none.
        guard let instant = organization.timeline(covering: date...date).instants(of: date, at: clock).first else {
            throw DomainError.invalid(
                "time", "\(ZoneTimeline.describe(date)) has no \(clock.iso): the clocks go forward then. Choose another time.")
        }
        return instant
    }
}
