import Foundation
import HTTPTypes
import Hummingbird
import Logging
import OpenAPIRuntime
import Scheduling
import Storage
import Workflows

/// Turns every error on the API into an RFC 9457 problem document, so a client never sees a bare
/// status or an internal detail: refusals carry their sentence, malformed input names its field.
struct ProblemResponses<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return Self.problem(for: error, logger: context.logger)
        }
    }

    static func problem(for error: any Error, logger: Logger) -> Response {
        if let server = error as? ServerError {
            if let domain = server.underlyingError as? DomainError { return problem(domain) }
            if let stored = server.underlyingError as? StoreError, let refusal = DomainError(refusal: stored) { return problem(refusal) }
            if let decoding = server.underlyingError as? DecodingError {
                return problem(decoding, inBody: server.request.method != .get && server.request.method != .delete)
            }
            if server.httpStatus.code < 500 {
                return problem(status: server.httpStatus, kind: "bad-request", detail: server.causeDescription)
            }
            logger.error("operation \(server.operationID) failed: \(server.underlyingError)")
            return problem(
                status: .internalServerError, kind: "internal", detail: "Something went wrong on our side; nothing was changed. Please try again.")
        }
        if let domain = error as? DomainError { return problem(domain) }
        if let stored = error as? StoreError, let refusal = DomainError(refusal: stored) { return problem(refusal) }
        if let http = error as? any HTTPResponseError, http.status.code < 500 {
            let detail = (error as? HTTPError)?.body ?? http.status.reasonPhrase
            return problem(status: http.status, kind: http.status == .notFound ? "not-found" : "bad-request", detail: detail)
        }
        logger.error("request failed: \(error)")
        return problem(
            status: .internalServerError, kind: "internal", detail: "Something went wrong on our side; nothing was changed. Please try again.")
    }

    static func problem(_ error: DomainError) -> Response {
        var response = problem(
            status: error.kind.status, kind: error.kind.problemKind, detail: error.message, issues: error.issues,
            retryAfter: error.retryAfterSeconds,
            alternatives: error.alternatives)
        if let seconds = error.retryAfterSeconds { response.headers[.retryAfter] = String(seconds) }
        if error.kind == .unauthenticated { response.headers[.wwwAuthenticate] = "Bearer" }
        return response
    }

    /// A body that did not decode: says which field and why, in words.
    static func problem(_ error: DecodingError, inBody: Bool) -> Response {
        let (path, reason): ([any CodingKey], String) =
            switch error {
            case .keyNotFound(let key, let context): (context.codingPath + [key], "is required")
            case .typeMismatch(let type, let context): (context.codingPath, "must be \(jsonTypeName(type))")
            case .valueNotFound(let type, let context): (context.codingPath, "must be \(jsonTypeName(type)), not null")
            case .dataCorrupted(let context) where context.debugDescription.hasPrefix("Additional properties are disabled"):
                (context.codingPath, "is not a field of this request")
            case .dataCorrupted(let context):
                (context.codingPath, context.codingPath.isEmpty ? "is not valid JSON" : "has a value that is not allowed")
            @unknown default: ([], "could not be read")
            }
        let field = fieldPath(path)
        // Query parameters decode one by one with no path of their own, so the runtime cannot name them.
        let whole = inBody ? "The request body \(reason)." : "A required query parameter is missing, or one is not of the type /openapi.yaml gives."
        let message = field.isEmpty ? whole : "\(field) \(reason)."
        return problem(
            status: .badRequest, kind: "malformed", detail: message, issues: field.isEmpty ? [] : [FieldIssue(field: field, message: message)])
    }

    /// The title of each problem type (RFC 9457 §3.1.3): the same for every problem of the type,
    /// while `detail` says what happened this time.
    static func title(of kind: String) -> String {
        switch kind {
        case "malformed": "The request could not be read"
        case "invalid": "The request breaks a rule"
        case "not-found": "Not found"
        case "forbidden": "Not allowed"
        case "conflict": "Not possible as things stand"
        case "unauthenticated": "Not logged in"
        case "rate-limited": "Too many attempts"
        case "internal": "Something went wrong on our side"
        case "method-not-allowed": "Method not allowed"
        case "bad-request": "Bad request"
        default: "The request could not be handled"
        }
    }

    /// `weekly[2].end` from coding keys.
    static func fieldPath(_ keys: [any CodingKey]) -> String {
        keys.reduce(into: "") { path, key in
            if let index = key.intValue {
                path += "[\(index)]"
            } else if !key.stringValue.isEmpty {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
    }

    private static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is Bool.Type: "true or false"
        case is Date.Type: "an RFC 3339 date-time"
        default: "of another type"
        }
    }

    static func problem(
        status: HTTPResponse.Status, kind: String, detail: String, issues: [FieldIssue] = [], retryAfter: Int? = nil,
        alternatives: [LabelledTime] = []
    ) -> Response {
        let body = ProblemDocument(
            type: "urn:sessiondesk:problem:\(kind)", title: title(of: kind), status: status.code, detail: detail,
            errors: issues.isEmpty ? nil : issues, retryAfterSeconds: retryAfter,
            alternatives: alternatives.isEmpty ? nil : alternatives.map(ProblemDocument.Slot.init))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(body)) ?? Data()
        return Response(
            status: status, headers: [.contentType: "application/problem+json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// RFC 9457 problem details, as `components.schemas.Problem` describes them.
private struct ProblemDocument: Encodable {
    let type: String
    let title: String
    let status: Int
    let detail: String
    let errors: [FieldIssue]?
    let retryAfterSeconds: Int?
    let alternatives: [Slot]?

    /// `components.schemas.TimeSlot`.
    struct Slot: Encodable {
        let start: Date
        let end: Date
        let localStart: String
        let localEnd: String
        let label: String

        init(_ time: LabelledTime) {
            start = time.range.start
            end = time.range.end
            localStart = time.localStart
            localEnd = time.localEnd
            label = time.label
        }
    }
}

extension DomainError.Kind {
    var status: HTTPResponse.Status {
        switch self {
        case .malformed: .badRequest
        case .invalid: .unprocessableContent
        case .notFound: .notFound
        case .forbidden: .forbidden
        case .conflict: .conflict
        case .unauthenticated: .unauthorized
        case .rateLimited: .tooManyRequests
        }
    }

    var problemKind: String {
        switch self {
        case .malformed: "malformed"
        case .invalid: "invalid"
        case .notFound: "not-found"
        case .forbidden: "forbidden"
        case .conflict: "conflict"
        case .unauthenticated: "unauthenticated"
        case .rateLimited: "rate-limited"
        }
    }
}
