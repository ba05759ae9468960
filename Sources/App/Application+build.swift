import API
import Foundation
public import Hummingbird
public import Logging
public import NIOCore
import Notifications
public import Prometheus
public import ServiceLifecycle
public import Storage
import Web
public import Workflows

/// The HTTP application: operations routes, the JSON API and its document. `serve` and the tests
/// build it the same way; `serve` passes the store among `services` so that it runs (and shuts down
/// after the server), tests run their store themselves.
public func buildApplication(
    configuration: AppConfiguration, store: any Store, dependencies: Dependencies, metrics: PrometheusCollectorRegistry,
    seedDemo: Bool = false, services: [any Service] = [], startup: StartupGate = StartupGate(),
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }, logger: Logger
) async throws -> some ApplicationProtocol {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: LogRequestsMiddleware(.debug))
    OperationsRoutes.add(to: router, store: store, metrics: metrics, metricsToken: configuration.metricsToken)
    try APIRoutes.add(to: router, dependencies: dependencies)
    try await WebRoutes.add(to: router, dependencies: dependencies)
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.hostname, port: configuration.port), serverName: "SessionDesk"),
        services: services,
        onServerRunning: onServerRunning,
        logger: logger)
    app.beforeServerStarts {
        let applied = try await Migrator(store: store).migrate(now: dependencies.now())
        if !applied.isEmpty { logger.info("applied migrations \(applied.map(String.init).joined(separator: ", "))") }
        if seedDemo, let demo = try await DemoOrganization.seedIfEmpty(dependencies) {
            logger.notice("seeded the demo organization \(demo.organization.name); log in as \(demo.logins[0].email) / \(DemoOrganization.password)")
        }
        await startup.open()
    }
    return app
}
