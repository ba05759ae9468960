import Foundation
import Hummingbird
import OpenAPIRuntime
import Scheduling

/// Rules for every request that the generated decoder cannot enforce or cannot word:
/// - No schema of this API allows `null`: an optional field is left out, not sent empty. The
///   decoder would read `null` as "left out", so it is refused here (400), naming the field.
/// - Every number of this API is a whole number (minutes, hours, amounts in minor units): `60.5`
///   is refused (400), naming the field, rather than rounded or called invalid JSON.
/// - Text never contains the NUL character: databases truncate at it or refuse it, so it is
///   refused (422) wherever it appears, in the path, the query or the body.
/// - A date-time the decoder could not read is refused (400) naming its field, found by its text.
struct JSONInputRules<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.mayHoldNul(request.uri.path.utf8) || request.uri.query.map({ Self.mayHoldNul($0.utf8) }) == true {
            throw Self.nulCharacter(field: "url")
        }
        guard request.headers[.contentType]?.hasPrefix("application/json") == true else {
            return try await Self.namingDateTimes(in: request, body: nil) { try await next(request, context) }
        }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        // Malformed JSON is left for the decoder, which names what is wrong with it. A body without
        // `null`, a fraction or a NUL anywhere in its text breaks no rule, and is not parsed twice.
        if Self.mayBreakRules(body.readableBytesView),
            let json = try? JSONSerialization.jsonObject(with: Data(buffer: body), options: [.fragmentsAllowed])
        {
            switch Self.firstViolation(in: json, path: "") {
            case .null(let field)?:
                let message = field.isEmpty ? "The request body must not be null." : "\(field) must not be null: leave it out instead."
                throw DomainError(.malformed, message, issues: [FieldIssue(field: field, message: message)])
            case .fraction(let field)?:
                let message = "\(field) must be a whole number."
                throw DomainError(.malformed, message, issues: [FieldIssue(field: field, message: message)])
            case .nulCharacter(let field)?:
                throw Self.nulCharacter(field: field)
            case nil:
                break
            }
        }
        return try await Self.namingDateTimes(in: request, body: body) { [request] in try await next(request, context) }
    }

    /// Runs `next`; a date-time it could not read is refused naming the body field or query
    /// parameter that holds that text.
    private static func namingDateTimes(
        in request: Request, body: ByteBuffer?, _ next: () async throws -> Response
    ) async throws -> Response {
        do {
            return try await next()
        } catch {
            guard let invalid = (error as? ServerError)?.underlyingError as? InvalidDateTime ?? error as? InvalidDateTime else { throw error }
            let json = body.flatMap { try? JSONSerialization.jsonObject(with: Data(buffer: $0), options: [.fragmentsAllowed]) }
            let field =
                json.flatMap { path(of: invalid.text, in: $0, at: "") }
                ?? URLComponents(string: "?" + (request.uri.query ?? ""))?.queryItems?.first { $0.value == invalid.text }?.name
            let message =
                "\(field.map { "\($0) " } ?? "")\"\(invalid.text)\" is not a date-time: write it as RFC 3339 with its offset, such as 2027-01-14T16:00:00Z."
            throw DomainError(.malformed, message, issues: field.map { [FieldIssue(field: $0, message: message)] } ?? [])
        }
    }

    /// Where in a parsed JSON value the string `text` is.
    static func path(of text: String, in value: Any, at path: String) -> String? {
        switch value {
        case let string as String:
            return string == text ? path : nil
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if let found = self.path(of: text, in: object[key]!, at: path.isEmpty ? key : "\(path).\(key)") { return found }
            }
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = self.path(of: text, in: element, at: "\(path)[\(index)]") { return found }
            }
        default:
            break
        }
        return nil
    }

    /// Whether a URL's path or query holds a NUL: raw, or percent-encoded (`%00`, decoded once).
    static func mayHoldNul(_ text: some Collection<UInt8>) -> Bool {
        var previous: (UInt8, UInt8) = (0xFF, 0xFF)
        for byte in text {
            if byte == 0 || (previous == (UInt8(ascii: "%"), UInt8(ascii: "0")) && byte == UInt8(ascii: "0")) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Whether a JSON text could hold a `null`, a fraction or a NUL character: it contains the word
    /// `null`, a digit followed by a point, the escape `\u0000` or a zero byte. Anything else
    /// passes the rules without being parsed.
    static func mayBreakRules(_ bytes: some Collection<UInt8>) -> Bool {
        let null = Array("null".utf8), escape = Array("\\u0000".utf8)
        var nullMatched = 0, escapeMatched = 0
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0 || (byte == UInt8(ascii: ".") && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(previous)) { return true }
            previous = byte
            nullMatched = byte == null[nullMatched] ? nullMatched + 1 : (byte == null[0] ? 1 : 0)
            escapeMatched = byte == escape[escapeMatched] ? escapeMatched + 1 : (byte == escape[0] ? 1 : 0)
            if nullMatched == null.count || escapeMatched == escape.count { return true }
        }
        return false
    }

    enum Violation {
        case null(String)
        case fraction(String)
        case nulCharacter(String)
    }

    static func firstViolation(in value: Any, path: String) -> Violation? {
        switch value {
        case is NSNull:
            return .null(path)
        case let text as String:
            return text.contains("\u{0}") ? .nulCharacter(path) : nil
        case let number as NSNumber:
            return number.doubleValue.rounded() == number.doubleValue ? nil : .fraction(path)
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                let field = path.isEmpty ? key : "\(path).\(key)"
                if key.contains("\u{0}") { return .nulCharacter(field) }
                if let found = firstViolation(in: object[key]!, path: field) { return found }
            }
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = firstViolation(in: element, path: "\(path)[\(index)]") { return found }
            }
        default:
            break
        }
        return nil
    }

    private static func nulCharacter(field: String) -> DomainError {
        DomainError.invalid(field, "Text cannot contain the NUL character (\\u0000).")
    }
}
