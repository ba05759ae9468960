import Foundation
import Hummingbird
import Synchronization

/// A local stand-in for an SMS gateway in Twilio's REST shape: it records each request as the
/// gateway would receive it (path, credentials, form fields decoded here, independently of the
/// client's encoder) and answers with what `answer` says for it.
final class SMSGatewayReceiver: Sendable {
    struct Received: Sendable {
        let method: String
        let path: String
        let authorization: String?
        let contentType: String?
        let form: [String: String]
    }

    private let received = Mutex<[Received]>([])

    var requests: [Received] { received.withLock { $0 } }

    /// Runs a receiver on a free loopback port while `body` runs; `answer` gives each request's
    /// status and JSON body (Twilio's 201 and message resource by default).
    static func with(
        answer: @escaping @Sendable (Received) -> (Int, String) = { _ in (201, #"{"sid":"SM0123","status":"queued"}"#) },
        _ body: (_ port: Int, SMSGatewayReceiver) async throws -> Void
    ) async throws {
        let receiver = SMSGatewayReceiver()
        let router = Router()
        router.on("**", method: .post) { request, _ -> Response in
            let text = String(buffer: try await request.body.collect(upTo: 1 << 20))
            let received = Received(
                method: request.method.rawValue, path: request.uri.path, authorization: request.headers[.authorization],
                contentType: request.headers[.contentType], form: formFields(text))
            receiver.received.withLock { $0.append(received) }
            let (status, json) = answer(received)
            return Response(
                status: .init(code: status), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: json)))
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) })
        let server = Task { try await app.run() }
        defer { server.cancel() }
        guard let port = await ports.first(where: { _ in true }), port > 0 else { throw CancellationError() }
        try await body(port, receiver)
    }

    /// `application/x-www-form-urlencoded` as a server reads it: `+` is a space, then percent escapes.
    static func formFields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "\u{FFFD}"
            }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }
}
