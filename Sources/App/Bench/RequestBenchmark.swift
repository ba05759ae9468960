import Foundation
import Logging
import NIOCore
import Prometheus
import Scheduling
import Storage
import Workflows

/// `sessiondesk bench requests`: the real server on loopback, `clients` families each requesting a
/// session over HTTP and the office accepting it, as fast as they can for `seconds`; then
/// `raceSize` families requesting one slot at the same moment (always over HTTP).
struct RequestBenchmark {
    let dependencies: Dependencies
    let configuration: AppConfiguration
    let clients: Int
    let seconds: Double
    let raceSize: Int
    let mode: Mode

    enum Mode: String, Sendable {
        /// A request and its acceptance over HTTP.
        case pairs
        /// Two reads of the family's account over HTTP: the part of a pair's cost that is HTTP alone.
        case httpOnly = "http_only"
        /// A request and its acceptance by calling the workflows (`DirectMoves`): the moves alone.
        case direct

        var heading: String {
            switch self {
            case .pairs: "each a family requesting and the office accepting, over HTTP on loopback:"
            case .httpOnly: "each a family reading its account twice a round, over HTTP on loopback:"
            case .direct: "each a family requesting and the office accepting, calling the workflows without HTTP:"
            }
        }
    }

    struct Figures {
        let database: String
        let pairs: Int
        let refused: Int
        let elapsed: Double
        let latencies: Timings
        let raceAttempts: Int
        let raceHeld: Int
        let raceSessions: Int
        let clients: Int
        let mode: Mode

        var report: [String] {
            [
                "\(clients) clients, \(mode.heading)",
                String(format: "  %d request+accept pairs in %.1f s: %.0f pairs/s", pairs, elapsed, Double(pairs) / elapsed),
                String(
                    format: "  pair latency: p50 %.1f ms, p99 %.1f ms (%d refused)", latencies.median / 1000, latencies.percentile(99) / 1000, refused
                ),
                "  same-slot race: \(raceAttempts) families at once, \(raceHeld) request held the slot, \(raceSessions) session after accepting",
                String(
                    format:
                        "bench=requests database=%@ mode=%@ clients=%d seconds=%.1f pairs=%d pairs_per_s=%.0f p50_ms=%.1f p99_ms=%.1f refused=%d race_attempts=%d race_held=%d race_sessions=%d",
                    database, mode.rawValue, clients, elapsed, pairs, Double(pairs) / elapsed, latencies.median / 1000,
                    latencies.percentile(99) / 1000, refused,
                    raceAttempts, raceHeld, raceSessions),
            ]
        }
    }

    /// One family and the slots it will ask for, in order.
    struct Lane: Sendable {
        let token: String
        let engagementID: String
        let starts: [Date]
    }

    func run() async throws -> Figures {
        let now = dependencies.now()
        try await Migrator(store: dependencies.store).migrate(now: now)
        let seeded = try await BenchOrganization.seed(lanes: clients, raceFamilies: raceSize, dependencies: dependencies, now: now)
        return try await BenchServer.serving(configuration: configuration, dependencies: dependencies) { port in
            let api = BenchClient(host: "127.0.0.1", port: port, base: "/api/v1", office: seeded.officeToken)
            let (direct, families) = try await DirectMoves.signIn(seeded, dependencies: dependencies)

            let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
            let started = ContinuousClock.now
            let results = try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
                for (lane, family) in zip(seeded.lanes, families) {
                    group.addTask {
                        switch mode {
                        case .pairs: try await api.pairs(on: lane, until: deadline)
                        case .httpOnly: try await api.reads(on: lane, until: deadline)
                        case .direct: try await direct.pairs(on: lane, as: family, until: deadline)
                        }
                    }
                }
                return try await group.reduce(into: ([Double](), 0)) {
                    $0.0 += $1.0; $0.1 += $1.1
                }
            }
            let elapsed = (ContinuousClock.now - started).microseconds / 1e6

            let race = try await api.race(seeded.race)
            return Figures(
                database: dependencies.store.dialect.rawValue, pairs: results.0.count, refused: results.1, elapsed: elapsed,
                latencies: Timings(sorted: results.0), raceAttempts: seeded.race.count, raceHeld: race.held, raceSessions: race.sessions,
                clients: clients, mode: mode)
        }
    }
}
