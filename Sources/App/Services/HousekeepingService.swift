import AsyncAlgorithms
import Foundation
import Logging
import Notifications
import ServiceLifecycle
import Storage

/// Deletes what has served its purpose: expired logins, old login attempts, day-old idempotency keys.
struct HousekeepingService: Service {
    let store: any Store
    let now: @Sendable () -> Date
    let startup: StartupGate
    let logger: Logger

    func run() async throws {
        await startup.wait()
        guard !Task.isCancelled else { return }
        for await _ in AsyncTimerSequence(interval: .seconds(3600), clock: .continuous).cancelOnGracefulShutdown() {
            let now = now()
            do {
                try await store.write { db in
                    try await db.deleteExpiredAccessTokens(now: now)
                    try await db.deleteLoginAttempts(before: now.addingTimeInterval(-86_400))
                    try await db.deleteIdempotencyKeys(before: now.addingTimeInterval(-86_400))
                }
            } catch {
                logger.error("housekeeping failed: \(error)")
            }
        }
    }
}
