import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Scheduling
import Storage
import Workflows

/// `Idempotency-Key` on POST: a repeat with the same key and body gets the first answer without
/// acting again; the same key with another body is refused with 422. Keys belong to the caller and
/// are kept for a day. An answer of ours that failed (5xx) is not kept, so that a retry acts.
struct IdempotencyKeys<Context: RequestContext>: RouterMiddleware {
    let dependencies: Dependencies

    static var header: HTTPField.Name { HTTPField.Name("Idempotency-Key")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post, let key = request.headers[Self.header], let caller = RequestScope.current.caller else {
            return try await next(request, context)
        }
        guard (1...200).contains(key.count) else {
            throw DomainError.invalid("Idempotency-Key", "An Idempotency-Key has 1 to 200 characters.")
        }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        var hash = SHA256()
        hash.update(data: Data("\(request.method.rawValue) \(request.uri.path)?\(request.uri.query ?? "")\n".utf8))
        hash.update(data: Data(buffer: body))
        let fingerprint = hash.finalize().map { String(format: "%02x", $0) }.joined()
        let now = dependencies.now()

        let claim: IdempotencyClaim
        do {
            claim = try await dependencies.store.write { db in
                try await db.claimIdempotencyKey(userID: caller.userID, key: key, fingerprint: fingerprint, now: now)
            }
        } catch StoreError.uniqueViolation {
            // Another request with this key claimed it a moment ago.
            claim = .inProgress
        }
        switch claim {
        case .replay(let status, let contentType, let body):
            var response = Response(
                status: .init(code: status), headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: body)))
            response.headers[HTTPField.Name("Idempotent-Replayed")!] = "true"
            return response
        case .mismatch:
            throw DomainError.invalid("Idempotency-Key", "This Idempotency-Key was already used with a different request body.")
        case .inProgress:
            throw DomainError.conflict("A request with this Idempotency-Key is still being processed; retry in a moment.")
        case .claimed:
            break
        }

        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = ProblemResponses<Context>.problem(for: error, logger: context.logger)
        }
        let collector = BodyCollector()
        try await response.body.write(collector)
        let text = String(buffer: collector.buffer)
        let status = response.status.code
        try await dependencies.store.write { db in
            if status >= 500 {
                try await db.releaseIdempotencyKey(userID: caller.userID, key: key)
            } else {
                try await db.completeIdempotencyKey(
                    userID: caller.userID, key: key, status: status, contentType: response.headers[.contentType] ?? "application/json", body: text)
            }
        }
        return Response(status: response.status, headers: response.headers, body: .init(byteBuffer: collector.buffer))
    }
}

/// Keeps what a response writes, so that it can be stored and sent.
private final class BodyCollector: ResponseBodyWriter {
    var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        self.buffer.writeBuffer(&buffer)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
