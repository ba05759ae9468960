import Foundation
import HTTPTypes
import Hummingbird
import Scheduling
import Workflows

/// What the forms on a thing's page (a session, an invoice) share.
extension WebPages {
    /// A form posted from the page at `path(id)`: `step` runs for the signed-in caller and names
    /// the notice the page then shows (`?done=`); a refusal is shown on the page itself by `page`.
    func formStep<Form: SignedForm, Context: RequestContext>(
        _ request: Request, _ context: Context, form: Form.Type, at path: (String) -> String,
        page: (_ id: String, _ error: String, Caller, _ token: String, HTTPResponse.Status) async throws -> Response,
        _ step: (Form, String, Caller) async throws -> String
    ) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let id = context.parameters.get("id") ?? ""
        var request = request
        guard let form = try await sessionForm(Form.self, from: &request, context, session: token) else {
            return expiredForm(back: path(id))
        }
        do {
            let done = try await step(form, id, caller)
            return .redirect(to: "\(path(id))?done=\(done)", type: .found)
        } catch let refusal as DomainError where refusal.kind != .notFound {
            return try await page(id, refusal.message, caller, token, Self.status(of: refusal))
        }
    }

    /// A date a form sent (`YYYY-MM-DD`), nil when left empty; `refusal` says what to choose.
    static func formDate(_ text: String?, field: String, refusal: String) throws(DomainError) -> LocalDate? {
        guard let text, !text.isEmpty else { return nil }
        guard let date = LocalDate(iso: text) else { throw DomainError.invalid(field, refusal) }
        return date
    }

    /// A CSV file as a download under its own name.
    static func download(_ file: SessionExport.File) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = #"attachment; filename="\#(file.name)""#
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: file.text)))
    }
}
