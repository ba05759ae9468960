import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// The HTTP calls a benchmark makes, as a family and as the office, each client on a connection
/// of its own (`BenchConnection`).
struct BenchClient: Sendable {
    let host: String
    let port: Int
    /// The API's path, `/api/v1`.
    let base: String
    let office: String

    /// Requests and accepts each of the lane's slots in turn until `deadline`; returns each pair's
    /// latency in microseconds and how many attempts were refused.
    func pairs(on lane: RequestBenchmark.Lane, until deadline: ContinuousClock.Instant) async throws -> ([Double], Int) {
        try await BenchConnection.open(host: host, port: port) { connection in
            var latencies: [Double] = []
            var refused = 0
            for start in lane.starts where ContinuousClock.now < deadline {
                let began = ContinuousClock.now
                let created = try await request(lane, start: start, on: &connection)
                guard created.status == 201, let id = created.id else {
                    refused += 1
                    continue
                }
                guard try await accept(id, on: &connection) else {
                    refused += 1
                    continue
                }
                latencies.append((ContinuousClock.now - began).microseconds)
            }
            return (latencies, refused)
        }
    }

    /// As many rounds as `pairs` would make, each two reads of the family's account: HTTP,
    /// JSON and the token check, without the moves.
    func reads(on lane: RequestBenchmark.Lane, until deadline: ContinuousClock.Instant) async throws -> ([Double], Int) {
        try await BenchConnection.open(host: host, port: port) { connection in
            var latencies: [Double] = []
            var refused = 0
            for _ in lane.starts where ContinuousClock.now < deadline {
                let began = ContinuousClock.now
                for _ in 0..<2 {
                    if try await connection.send(.GET, base + "/me", token: lane.token).status != 200 { refused += 1 }
                }
                latencies.append((ContinuousClock.now - began).microseconds)
            }
            return (latencies, refused)
        }
    }

    /// Every family asks for the same slot at once; the office accepts whatever was held.
    func race(_ families: [RequestBenchmark.Lane]) async throws -> (held: Int, sessions: Int) {
        let ids = try await withThrowingTaskGroup(of: String?.self) { group in
            for family in families {
                group.addTask {
                    let created = try await BenchConnection.open(host: host, port: port) {
                        try await request(family, start: family.starts[0], on: &$0)
                    }
                    return created.status == 201 ? created.id : nil
                }
            }
            return try await group.reduce(into: [String]()) { if let id = $1 { $0.append(id) } }
        }
        let sessions = try await BenchConnection.open(host: host, port: port) { connection in
            var sessions = 0
            for id in ids {
                if try await accept(id, on: &connection) { sessions += 1 }
            }
            return sessions
        }
        return (ids.count, sessions)
    }

    private struct Created: Decodable {
        let id: String
    }

    private func request(_ lane: RequestBenchmark.Lane, start: Date, on connection: inout BenchConnection) async throws -> (status: Int, id: String?)
    {
        let response = try await connection.send(
            .POST, base + "/session-requests", token: lane.token,
            json: #"{"engagementId":"\#(lane.engagementID)","start":"\#(start.rfc3339UTC)"}"#)
        return (response.status, try? JSONDecoder().decode(Created.self, from: response.body).id)
    }

    private func accept(_ id: String, on connection: inout BenchConnection) async throws -> Bool {
        try await connection.send(
            .POST, base + "/session-requests/\(id)/accept", token: office, json: #"{"location":"Room 1","sessionType":"In person"}"#
        ).status == 200
    }
}
