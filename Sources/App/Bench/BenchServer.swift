import Foundation
import Logging
import Notifications
import ServiceLifecycle
import Storage
import Workflows

/// The application as `serve` builds it, on a free loopback port, for benchmarks that measure it
/// over HTTP: with its worker (delivering to the configured mail folder), request expiry,
/// housekeeping and metrics.
struct BenchServer {
    let port: Int
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    private static func start(configuration: AppConfiguration, dependencies: Dependencies) async throws -> BenchServer {
        var configuration = configuration
        configuration.port = 0
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let startup = StartupGate()
        let app = try await buildApplication(
            configuration: configuration, store: dependencies.store, dependencies: dependencies, metrics: Runtime.metrics,
            services: try Runtime.workerServices(configuration, dependencies: dependencies, startup: startup), startup: startup,
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: dependencies.logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: dependencies.logger))
        let running = Task { try await group.run() }
        guard let port = await ports.first(where: { _ in true }), port > 0 else {
            running.cancel()
            throw ConfigurationError("the benchmark server did not start")
        }
        return BenchServer(port: port, group: group, running: running)
    }

    /// Runs `body` against the server, then shuts it down gracefully: cancelling it instead made
    /// the server log an error for every connection still open.
    static func serving<T>(
        configuration: AppConfiguration, dependencies: Dependencies, _ body: (_ port: Int) async throws -> T
    ) async throws -> T {
        let server = try await start(configuration: configuration, dependencies: dependencies)
        do {
            let result = try await body(server.port)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    private func stop() async {
        await group.triggerGracefulShutdown()
        _ = await running.result
    }
}
