public import AsyncHTTPClient
import Foundation
public import Logging
public import NIOCore
import NIOHTTP1
public import Storage

/// Text messages through an HTTP SMS gateway (`SMSGateway`), one POST per message. The gateway
/// has no idempotency key, so, as with SMTP, a crash between its answer and our record of it can
/// repeat a message; everything else is sent once.
public struct SMSTransport: MessageTransport {
    let gateway: SMSGateway
    let http: HTTPClient
    let timeout: TimeAmount
    let logger: Logger

    public init(gateway: SMSGateway, http: HTTPClient = .shared, timeout: TimeAmount = .seconds(30), logger: Logger) {
        self.gateway = gateway
        self.http = http
        self.timeout = timeout
        self.logger = logger
    }

    public func deliver(_ messages: [OutboxMessage], report: (Int, DeliveryOutcome) async -> Void) async {
        for (index, message) in messages.enumerated() {
            await report(index, await send(message))
        }
    }

    private func send(_ message: OutboxMessage) async -> DeliveryOutcome {
        var request = HTTPClientRequest(url: gateway.messagesURL.absoluteString)
        request.method = .POST
        request.headers.add(name: "Authorization", value: gateway.authorization)
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: gateway.form(to: message.address, body: message.body)))
        do {
            let response = try await http.execute(request, timeout: timeout)
            let body = try await response.body.collect(upTo: 64 * 1024)
            return Self.outcome(status: response.status.code, body: Data(buffer: body))
        } catch {
            return .failed("the SMS gateway at \(gateway.base.host() ?? "?") could not be reached: \(error)", permanent: false)
        }
    }

    /// Twilio's answers: 201 with the message's `sid`; 400 for a message it will never send (a number
    /// that is not one, a landline), with `code` and `message`; 401/403/404 for our account or
    /// credentials, which an operator can mend, so the message waits; 429 and 5xx for later.
    static func outcome(status: UInt, body: Data) -> DeliveryOutcome {
        if (200..<300).contains(status) { return .delivered }
        let problem = try? JSONDecoder().decode(Problem.self, from: body)
        let said = problem.map { ": \($0.message ?? "no reason given")\($0.code.map { " (code \($0))" } ?? "")" } ?? ""
        switch status {
        case 401, 403: return .failed("the SMS gateway refused our credentials (HTTP \(status))\(said)", permanent: false)
        case 404: return .failed("the SMS gateway does not know this account (HTTP 404)\(said)", permanent: false)
        case 429, 500...: return .failed("the SMS gateway is busy or failing (HTTP \(status))\(said)", permanent: false)
        default: return .failed("the SMS gateway refused the message (HTTP \(status))\(said)", permanent: true)
        }
    }

    private struct Problem: Decodable {
        let code: Int?
        let message: String?
    }
}
