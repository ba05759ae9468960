import AsyncAlgorithms
import Foundation
import Logging
import Notifications
import ServiceLifecycle
import Storage
import Workflows

/// Expires overdue session requests: once at start-up (catching up on deadlines that passed while
/// the server was down), then every `interval`, until graceful shutdown. Safe with several instances.
struct RequestExpiryService: Service {
    let expiry: RequestExpiry
    let interval: Duration
    let startup: StartupGate
    let logger: Logger

    func run() async throws {
        await startup.wait()
        guard !Task.isCancelled else { return }
        try await sweep()
        for await _ in AsyncTimerSequence(interval: interval, clock: .continuous).cancelOnGracefulShutdown() {
            try await sweep()
        }
    }

    private func sweep() async throws {
        do {
            let expired = try await expiry.expireOverdue()
            if expired > 0 { logger.info("expired \(expired) overdue session request\(expired == 1 ? "" : "s")") }
        } catch {
            // A failed sweep is retried on the next tick; the requests stay overdue until then.
            logger.error("expiring overdue requests failed: \(error)")
        }
    }
}
