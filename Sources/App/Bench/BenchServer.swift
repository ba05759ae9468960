import Foundation
import Prometheus
import Workflows

/// The application as `serve` builds it, on a free loopback port, for benchmarks that measure it
/// over HTTP.
enum BenchServer {
    /// Returns the port and the task running the server; cancel the task to stop it.
    static func start(configuration: AppConfiguration, dependencies: Dependencies) async throws -> (Int, Task<Void, any Error>) {
        var configuration = configuration
        configuration.port = 0
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = try await buildApplication(
            configuration: configuration, store: dependencies.store, dependencies: dependencies, metrics: PrometheusCollectorRegistry(),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: dependencies.logger)
        let task = Task { try await app.run() }
        guard let port = await ports.first(where: { _ in true }), port > 0 else { throw ConfigurationError("the benchmark server did not start") }
        return (port, task)
    }
}
