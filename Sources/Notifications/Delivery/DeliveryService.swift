import Foundation
public import Logging
import Metrics
public import ServiceLifecycle
public import Storage

/// The worker: runs due jobs until graceful shutdown, when the batch in hand finishes (each message
/// is delivered and recorded, or fails and is queued again) before it stops. Any number of these
/// may run against one database; each job runs once per claim.
public struct DeliveryService: Service {
    let runner: JobRunner
    let pollInterval: Duration
    let startup: StartupGate
    let logger: Logger
    /// Jobs per claim, and messages sent at once (one SMTP connection each).
    var batchSize = 64
    var lanes = 4

    public init(runner: JobRunner, pollInterval: Duration, startup: StartupGate, logger: Logger) {
        self.runner = runner
        self.pollInterval = pollInterval
        self.startup = startup
        self.logger = logger
    }

    private static let delivered = Counter(label: "sessiondesk_messages_delivered_total")
    private static let retried = Counter(label: "sessiondesk_message_attempts_failed_total")
    private static let dead = Counter(label: "sessiondesk_messages_dead_total")

    public func run() async throws {
        await startup.wait()
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var busy = false
            do {
                let report = try await runner.runDue(limit: batchSize, lanes: lanes)
                Self.delivered.increment(by: report.delivered)
                Self.retried.increment(by: report.retried)
                Self.dead.increment(by: report.dead)
                busy = report.claimed == batchSize
            } catch {
                logger.error("claiming jobs failed: \(error)")
            }
            if !busy {
                // Sleeping ends early on shutdown; the loop condition then stops the worker.
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) }
            }
        }
    }
}
