import Foundation
import NIOCore
import Scheduling
import Storage
import Workflows

/// `sessiondesk bench reads`: the read families make most, one tutor's free slots for 28 days
/// (`listFreeSlots`), against the cheapest authenticated read (`GET /me`), both over HTTP on the
/// same server in the same run, `clients` keep-alive connections at a time. The phases alternate
/// (`/me`, slots, `/me`, slots) so that a machine slowing down mid-run slows both alike; the figure
/// that counts is the ratio of the two rates.
struct ReadBenchmark {
    let dependencies: Dependencies
    let configuration: AppConfiguration
    let clients: Int
    let seconds: Double

    struct Figures {
        let database: String
        let slots: Int
        let bytes: Int
        let me: Double
        let freeSlots: Double
        let clients: Int

        var report: [String] {
            [
                "\(clients) clients over HTTP on loopback, phases alternating:",
                String(format: "  GET /api/v1/me:                     %.0f answers/s", me),
                String(format: "  listFreeSlots, 28 days (%d slots, %d bytes): %.0f answers/s, %.0f%% of /me", slots, bytes, freeSlots, ratio * 100),
                String(
                    format: "bench=reads database=%@ clients=%d slots=%d bytes=%d me_per_s=%.0f free_slots_per_s=%.0f ratio=%.2f", database, clients,
                    slots, bytes, me, freeSlots, ratio),
            ]
        }

        var ratio: Double { freeSlots / me }
    }

    func run() async throws -> Figures {
        let now = dependencies.now()
        try await Migrator(store: dependencies.store).migrate(now: now)
        let (office, engagementID, organization) = try await SlotBenchmark(dependencies: dependencies).seed(now: now)
        let token = dependencies.secrets.token()
        try await dependencies.store.write { db in
            try await db.insertAccessToken(
                hash: SecretGenerator.hash(token), userID: office.userID, organizationID: organization.id, kind: .api, now: now,
                expiresAt: now.addingTimeInterval(86_400))
        }
        let from = organization.localDate(of: now)
        let slotsPath = "/api/v1/engagements/\(engagementID)/free-slots?from=\(from.iso)&to=\(from.adding(days: SlotBenchmark.days - 1).iso)"
        return try await BenchServer.serving(configuration: configuration, dependencies: dependencies) { port in
            let sample = try await BenchConnection.open(host: "127.0.0.1", port: port) { try await $0.send(.GET, slotsPath, token: token) }
            guard sample.status == 200 else { throw BenchConnection.Failure(description: "free slots answered \(sample.status)") }
            let slots = (try JSONSerialization.jsonObject(with: Data(buffer: sample.body)) as? [String: Any])?["slots"] as? [Any]
            var me = 0.0, freeSlots = 0.0
            for _ in 0..<2 {
                me += try await rate(of: "/api/v1/me", token: token, port: port)
                freeSlots += try await rate(of: slotsPath, token: token, port: port)
            }
            return Figures(
                database: dependencies.store.dialect.rawValue, slots: slots?.count ?? 0, bytes: sample.body.readableBytes, me: me / 2,
                freeSlots: freeSlots / 2, clients: clients)
        }
    }

    /// Answers per second to `path`, asked by every client in turn for `seconds`.
    private func rate(of path: String, token: String, port: Int) async throws -> Double {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        let started = ContinuousClock.now
        let answered = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<clients {
                group.addTask {
                    try await BenchConnection.open(host: "127.0.0.1", port: port) { connection in
                        var answered = 0
                        while ContinuousClock.now < deadline {
                            guard try await connection.send(.GET, path, token: token).status == 200 else {
                                throw BenchConnection.Failure(description: "\(path) failed")
                            }
                            answered += 1
                        }
                        return answered
                    }
                }
            }
            return try await group.reduce(0, +)
        }
        return Double(answered) / ((ContinuousClock.now - started).microseconds / 1e6)
    }
}
