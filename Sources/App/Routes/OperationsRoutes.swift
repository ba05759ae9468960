import Hummingbird
import Prometheus
import SQLKit
import Storage

/// What load balancers and monitoring ask: is the process alive, can it reach its database, and its
/// metrics, which only a scraper with the configured bearer token reads (as Prometheus's
/// `authorization` setting sends it); without a token they are off.
enum OperationsRoutes {
    static func add(to router: Router<AppRequestContext>, store: any Store, metrics: PrometheusCollectorRegistry, metricsToken: String?) {
        router.get("/health") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        router.get("/ready") { _, context in
            do {
                try await store.read { db in try await db.sql.raw("SELECT 1 AS one").run() }
                return Response(
                    status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ready"}"#)))
            } catch {
                context.logger.warning("readiness check failed: \(error)")
                return Response(
                    status: .serviceUnavailable, headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(string: #"{"status":"database unreachable"}"#)))
            }
        }
        router.get("/metrics") { request, _ in
            guard let metricsToken else {
                return Response(
                    status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: "Metrics are off: set SESSIONDESK_METRICS_TOKEN and scrape with that bearer token.\n"))
                )
            }
            guard let given = request.headers[.authorization], Self.same(given, "Bearer \(metricsToken)") else {
                return Response(
                    status: .unauthorized, headers: [.contentType: "text/plain; charset=utf-8", .wwwAuthenticate: "Bearer"],
                    body: .init(byteBuffer: ByteBuffer(string: "Send Authorization: Bearer <SESSIONDESK_METRICS_TOKEN>.\n")))
            }
            var buffer: [UInt8] = []
            metrics.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
    }

    /// Compares in constant time, so a guessed token learns nothing from timing.
    private static func same(_ given: String, _ expected: String) -> Bool {
        guard given.utf8.count == expected.utf8.count else { return false }
        return zip(given.utf8, expected.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
