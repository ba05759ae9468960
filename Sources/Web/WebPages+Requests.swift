import Foundation
import HTTPTypes
import Hummingbird
import Scheduling
import Workflows

/// Requesting a session and answering requests, as forms.
extension WebPages {
    func newRequest<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let query = request.uri.queryParameters
        let input = NewRequestPage.Input(
            engagementID: query["engagement"].map(String.init).flatMap { $0.isEmpty ? nil : $0 },
            date: query["date"].flatMap { LocalDate(iso: $0) }, replaces: query["replaces"].map(String.init).flatMap { $0.isEmpty ? nil : $0 })
        return try await newRequestPage(input, caller: caller, token: token, status: .ok)
    }

    func createRequest<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        var request = request
        guard let form = try await sessionForm(NewRequestForm.self, from: &request, context, session: token) else {
            return expiredForm(back: WebPath.request("new"))
        }
        let replaces = form.replaces.flatMap { $0.isEmpty ? nil : $0 }
        var input = NewRequestPage.Input(engagementID: form.engagement, note: form.note ?? "", chosenStart: form.start, replaces: replaces)
        do {
            guard let start = form.start.flatMap(RFC3339.parse) else { throw DomainError.invalid("start", "Choose one of the free times.") }
            input.date = try await Directory(dependencies).organization(for: caller).localDate(of: start)
            let created = try await SessionRequesting(dependencies).request(
                .init(
                    engagementID: form.engagement, start: start, note: form.note ?? "", replacesSessionID: replaces,
                    readWarning: form.readWarning == "yes"),
                by: caller)
            return .redirect(to: WebPath.request(created.id), type: .found)
        } catch let refusal as DomainError {
            input.error = refusal
            return try await newRequestPage(input, caller: caller, token: token, status: Self.status(of: refusal))
        }
    }

    func requestDetail<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let id = context.parameters.get("id") ?? ""
        let query = request.uri.queryParameters
        return try await requestPage(
            id, pickDate: query["date"].flatMap { LocalDate(iso: $0) }, done: query["done"].map(String.init), error: nil, caller: caller,
            token: token, status: .ok)
    }

    /// `POST /requests/{id}/{move}`: one form per move; a refusal shows the page again with the reason.
    func moveRequest<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let id = context.parameters.get("id") ?? ""
        var request = request
        guard let form = try await sessionForm(MoveForm.self, from: &request, context, session: token) else {
            return expiredForm(back: WebPath.request(id))
        }
        let moves = RequestMoves(dependencies)
        let text = { (value: String?) in value ?? "" }
        let start = form.start.flatMap { $0.isEmpty ? nil : RFC3339.parse($0) }
        do {
            let move = context.parameters.get("move") ?? ""
            switch move {
            case "accept":
                _ = try await moves.accept(
                    id,
                    details: SessionDetails(
                        location: text(form.location), sessionType: text(form.sessionType), className: text(form.className), room: text(form.room)),
                    by: caller)
            case "decline": _ = try await moves.decline(id, reason: text(form.reason), by: caller)
            case "propose":
                guard let start else { throw DomainError.invalid("start", "Choose one of the free times to propose.") }
                _ = try await moves.propose(id, start: start, note: text(form.note), by: caller)
            case "accept-proposal": _ = try await moves.acceptProposal(id, by: caller)
            case "decline-proposal": _ = try await moves.declineProposal(id, message: text(form.message), by: caller)
            case "reply": _ = try await moves.reply(id, message: text(form.message), start: start, by: caller)
            case "withdraw": _ = try await moves.withdraw(id, message: text(form.message), by: caller)
            default: throw DomainError.notFound("Page")
            }
            return .redirect(to: "\(WebPath.request(id))?done=\(move)", type: .found)
        } catch let refusal as DomainError where refusal.kind != .notFound {
            return try await requestPage(id, pickDate: nil, error: refusal.message, caller: caller, token: token, status: Self.status(of: refusal))
        }
    }

    private func newRequestPage(_ input: NewRequestPage.Input, caller: Caller, token: String, status: HTTPResponse.Status) async throws -> Response {
        let page = try await NewRequestPage.load(input, for: caller, csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "request-new"), status: status)
    }

    private func requestPage(
        _ id: String, pickDate: LocalDate?, done: String? = nil, error: String?, caller: Caller, token: String, status: HTTPResponse.Status
    ) async throws -> Response {
        let page = try await RequestPage.load(
            id, pickDate: pickDate, done: done, error: error, for: caller, csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "request"), status: status)
    }
}

struct NewRequestForm: SignedForm {
    let csrf: String
    let engagement: String
    let start: String?
    let note: String?
    let replaces: String?
    /// The reschedule's warning checkbox (`request` cancellation mode, inside the warning buffer).
    let readWarning: String?
}

/// The fields of every move's form; each move reads its own.
struct MoveForm: SignedForm {
    let csrf: String
    let location: String?
    let sessionType: String?
    let className: String?
    let room: String?
    let reason: String?
    let note: String?
    let message: String?
    let start: String?
}
