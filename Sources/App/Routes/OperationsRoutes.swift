import Hummingbird
import Prometheus
import SQLKit
import Storage

/// What load balancers and monitoring ask: is the process alive, can it reach its database, and its metrics.
enum OperationsRoutes {
    static func add(to router: Router<AppRequestContext>, store: any Store, metrics: PrometheusCollectorRegistry) {
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
        router.get("/metrics") { _, _ in
            var buffer: [UInt8] = []
            metrics.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
    }
}
