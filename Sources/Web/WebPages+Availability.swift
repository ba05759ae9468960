import Foundation
import HTTPTypes
import Hummingbird
import Scheduling
import Workflows

/// The availability editor: each form changes one part and the whole availability is saved
/// through the same workflow (and rules) as the API.
extension WebPages {
    func availability<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        let query = request.uri.queryParameters
        return try await availabilityPage(
            tutorID: query["tutor"].map(String.init), error: nil, saved: query["saved"] != nil, caller: caller, token: token, status: .ok)
    }

    /// `POST /availability/{part}`: `weekly`, `overrides`, `overrides-remove`, `time-off` or `time-off-remove`.
    func changeAvailability<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        guard let (caller, token) = try await signedIn(request) else { return ReturnPath.logInFirst(request) }
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        let values = (try? URLEncodedFormDecoder().decode([String: String].self, from: String(buffer: body))) ?? [:]
        let tutorID = values["tutor"] ?? caller.userID
        let back = "/availability?tutor=\(tutorID)"
        guard WebSession.matches(values["csrf"], WebSession.csrfToken(forSession: token)) else { return expiredForm(back: back) }
        let editing = AvailabilityEditing(dependencies)
        do {
            let current = try await editing.current(tutorID: tutorID, for: caller)
            var availability = current.availability
            switch context.parameters.get("part") ?? "" {
            case "weekly":
                availability.weekly = try AvailabilityForms.weekly(from: values)
            case "overrides":
                let override = try AvailabilityForms.override(from: values)
                availability.overrides = availability.overrides.filter { $0.date != override.date } + [override]
            case "overrides-remove":
                availability.overrides.removeAll { $0.date.iso == values["date"] }
            case "time-off":
                availability.timeOff.append(try AvailabilityForms.timeOff(from: values, organization: current.organization))
            case "time-off-remove":
                availability.timeOff.removeAll { AvailabilityForms.key(of: $0) == values["key"] }
            default:
                throw DomainError.notFound("Page")
            }
            _ = try await editing.replace(tutorID: tutorID, with: availability, by: caller)
            return .redirect(to: back + "&saved=1", type: .found)
        } catch let refusal as DomainError where refusal.kind != .notFound && refusal.kind != .forbidden {
            return try await availabilityPage(
                tutorID: tutorID, error: refusal.message, saved: false, caller: caller, token: token, status: Self.status(of: refusal))
        }
    }

    private func availabilityPage(
        tutorID: String?, error: String?, saved: Bool, caller: Caller, token: String, status: HTTPResponse.Status
    ) async throws -> Response {
        let page = try await AvailabilityPage.load(
            tutorID: tutorID, error: error, saved: saved, for: caller, csrf: WebSession.csrfToken(forSession: token), dependencies: dependencies)
        return html(render(page, "availability"), status: status)
    }
}
