import App
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

/// Two organizations on one database, behind the real application, with a token per person.
struct APIWorld: Sendable {
    let store: any Store
    let clock: TestClock
    let ours: TestOrganization
    let theirs: TestOrganization
    let tokens: [String: String]

    func token(_ user: User) -> String { tokens[user.id]! }

    /// What the test application's `/metrics` asks for.
    static let metricsToken = "test-metrics-token-0123456789"
}

/// Builds the application exactly as `serve` does, on a fresh `database`, and hands `body` a client.
func withAPI(
    _ database: TestDatabase, at start: Date = testEpoch, textMessages: Bool = false,
    _ body: @Sendable (any TestClientProtocol, APIWorld) async throws -> Void
) async throws {
    try await database.withStore { store in
        let clock = TestClock(start)
        let ours = try await TestOrganization.seed(in: store, now: start)
        let theirs = try await TestOrganization.seed(in: store, name: "Elsewhere", now: start)
        var tokens: [String: String] = [:]
        for org in [ours, theirs] {
            for user in [org.admin] + org.tutors + org.parents { tokens[user.id] = try await org.token(for: user, in: store, now: start) }
        }
        let world = APIWorld(store: store, clock: clock, ours: ours, theirs: theirs, tokens: tokens)
        let configuration = try AppConfiguration(
            reader: AppConfiguration.reader(commandLine: ["http.port": .int(0), "metrics.token": .string(APIWorld.metricsToken)]))
        let dependencies = Dependencies(
            store: store, now: { clock.now }, passwords: PasswordHasher(cost: 4), publicBaseURL: "https://desk.test", logger: TestDatabase.logger,
            textMessages: textMessages)
        let app = try await buildApplication(
            configuration: configuration, store: store, dependencies: dependencies, metrics: PrometheusCollectorRegistry(),
            logger: TestDatabase.logger)
        try await app.test(.router) { client in try await body(client, world) }
    }
}

extension TestClientProtocol {
    /// Sends JSON (or any text) with an optional bearer token and returns status and decoded body.
    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, json: String? = nil, contentType: String = "application/json"
    ) async throws -> APIResponse {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = contentType }
        return try await execute(uri: path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }) { response in
            APIResponse(status: response.status.code, headers: response.headers, body: String(buffer: response.body))
        }
    }
}

struct APIResponse: Sendable {
    let status: Int
    let headers: HTTPFields
    let body: String

    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:] }
    var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }
    var ids: Set<String> { Set(items.compactMap { $0["id"] as? String }) }
    /// The `field`s of a problem document's `errors`.
    var problemFields: [String] { (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String } }
    var detail: String { json["detail"] as? String ?? "" }
}
