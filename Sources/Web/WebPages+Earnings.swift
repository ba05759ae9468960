import Foundation
import HTTPTypes
import Hummingbird
import Scheduling
import Workflows

/// Tutor earnings for payroll: the page and its CSV download.
extension WebPages {
    /// `GET /earnings`: this month so far unless `from` and `to` say otherwise.
    func earnings<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let (from, to, tutor) = Self.period(request)
        let page = try await EarningsPage.load(
            from: from, to: to, tutorID: tutor, for: caller, csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "earnings"))
    }

    /// `GET /earnings/export`: the same period as a CSV download, one row per session.
    func exportEarnings<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, _) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let (from, to, tutor) = Self.period(request)
        let today = try await Directory(dependencies).organization(for: caller).localDate(of: dependencies.now())
        let file = try await TutorPayroll(dependencies).csv(from: from ?? today.firstOfMonth, to: to ?? today, tutorID: tutor, for: caller)
        return Self.download(file)
    }

    private static func period(_ request: Request) -> (LocalDate?, LocalDate?, String?) {
        let query = request.uri.queryParameters
        return (
            query["from"].flatMap { LocalDate(iso: $0) }, query["to"].flatMap { LocalDate(iso: $0) },
            query["tutor"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        )
    }
}
