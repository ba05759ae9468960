import Foundation
import Logging
import Notifications
import Scheduling
import Storage
import Workflows

/// `sessiondesk bench delivery`: a burst of notifications written to the outbox (as the lifecycle
/// writes them, jobs included), then delivered by the worker's own runner to the configured SMTP
/// server (or mail folder) until none is left. With `enqueueOnly` it only writes the burst, for the
/// fault checks that run `sessiondesk worker` processes beside it.
struct DeliveryBenchmark {
    let dependencies: Dependencies
    let configuration: AppConfiguration
    let messages: Int
    /// Spread the writing of the burst over this long (batches of 10), so that faults can strike mid-burst.
    let spread: Duration

    struct Figures {
        let database: String
        let destination: String
        let messages: Int
        let report: JobRunner.Report
        let seconds: Double
        let dead: Int

        var lines: [String] {
            [
                "Delivered \(report.delivered) of \(messages) messages to \(destination) in \(String(format: "%.2f", seconds)) s:",
                String(
                    format:
                        "bench=delivery database=%@ messages=%d delivered=%d retried=%d dead=%d seconds=%.2f messages_per_s=%.0f longest_delay_ms=%.0f",
                    database, messages, report.delivered, report.retried, dead, seconds, Double(report.delivered) / max(seconds, 0.001),
                    report.longestDelay * 1000),
            ]
        }
    }

    /// Writes the burst; returns the organization it belongs to.
    @discardableResult
    func enqueue() async throws -> String {
        let store = dependencies.store
        let now = dependencies.now()
        try await Migrator(store: store).migrate(now: now)
        let ids = dependencies.ids
        let organization = Organization(id: ids.next(), name: "Benchmark Delivery", timeZone: TimeZone(identifier: "UTC")!, currency: "GBP")
        try await store.write { db in try await db.insertOrganization(organization, now: now) }
        let batches = (messages + 9) / 10
        for batch in 0..<batches {
            let created = dependencies.now()
            let burst = (batch * 10..<min(messages, batch * 10 + 10)).map { index in
                OutboxMessage(
                    id: ids.next(), organizationID: organization.id, recipientID: nil, channel: .email, address: "family\(index)@bench.example",
                    kind: "accepted", subject: "Session confirmed: Maths with Ada, message \(index + 1) of \(messages)",
                    body:
                        "Hello,\n\nAda confirmed the session: Maths on Tue 14 Jan 16:00.\n\nDetails: \(dependencies.publicBaseURL)/sessions/\(index)",
                    createdAt: created)
            }
            try await store.write { db in try await db.enqueue(burst) }
            if spread > .zero { try await Task.sleep(for: spread / batches) }
        }
        return organization.id
    }

    func run(transport: any MessageTransport, destination: String, logger: Logger) async throws -> Figures {
        try await enqueue()
        let delivery = configuration.delivery
        let runner = JobRunner(
            store: dependencies.store, transport: transport, policy: delivery.retry, worker: Runtime.workerName, lease: delivery.lease,
            now: dependencies.now, logger: logger)
        let clock = ContinuousClock()
        let start = clock.now
        var total = JobRunner.Report()
        while true {
            let report = try await runner.runDue(limit: 64, lanes: 4)
            total.claimed += report.claimed
            total.delivered += report.delivered
            total.retried += report.retried
            total.dead += report.dead
            total.longestDelay = max(total.longestDelay, report.longestDelay)
            let counts = try await dependencies.store.read { db in try await db.jobCounts() }
            if (counts[.queued] ?? 0) + (counts[.running] ?? 0) == 0 { break }
            if report.claimed == 0 { try await Task.sleep(for: .milliseconds(50)) }
        }
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let dead = try await dependencies.store.read { db in try await db.jobCounts()[.dead] ?? 0 }
        return Figures(
            database: dependencies.store.dialect.rawValue, destination: destination, messages: messages, report: total, seconds: seconds, dead: dead)
    }
}
