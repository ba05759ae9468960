import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The HTTP calls a benchmark makes, as a family and as the office.
struct BenchClient: Sendable {
    let http: HTTPClient
    let base: String
    let office: String

    /// Requests and accepts each of the lane's slots in turn until `deadline`; returns each pair's
    /// latency in microseconds and how many attempts were refused.
    func pairs(on lane: RequestBenchmark.Lane, until deadline: ContinuousClock.Instant) async throws -> ([Double], Int) {
        var latencies: [Double] = []
        var refused = 0
        for start in lane.starts where ContinuousClock.now < deadline {
            let began = ContinuousClock.now
            let created = try await post(
                "/session-requests", token: lane.token, json: #"{"engagementId":"\#(lane.engagementID)","start":"\#(start.rfc3339UTC)"}"#)
            guard created.status == 201, let id = created.id else {
                refused += 1
                continue
            }
            let accepted = try await post("/session-requests/\(id)/accept", token: office, json: #"{"location":"Room 1","sessionType":"In person"}"#)
            guard accepted.status == 200 else {
                refused += 1
                continue
            }
            latencies.append((ContinuousClock.now - began).microseconds)
        }
        return (latencies, refused)
    }

    /// As many rounds as `pairs` would make, each two reads of the family's account: HTTP,
    /// JSON and the token check, without the moves.
    func reads(on lane: RequestBenchmark.Lane, until deadline: ContinuousClock.Instant) async throws -> ([Double], Int) {
        var latencies: [Double] = []
        var refused = 0
        for _ in lane.starts where ContinuousClock.now < deadline {
            let began = ContinuousClock.now
            for _ in 0..<2 {
                var request = HTTPClientRequest(url: base + "/me")
                request.headers.add(name: "Authorization", value: "Bearer \(lane.token)")
                let response = try await http.execute(request, timeout: .seconds(30))
                _ = try await response.body.collect(upTo: 1 << 20)
                if response.status != .ok { refused += 1 }
            }
            latencies.append((ContinuousClock.now - began).microseconds)
        }
        return (latencies, refused)
    }

    /// Every family asks for the same slot at once; the office accepts whatever was held.
    func race(_ families: [RequestBenchmark.Lane]) async throws -> (held: Int, sessions: Int) {
        let ids = try await withThrowingTaskGroup(of: String?.self) { group in
            for family in families {
                group.addTask {
                    let response = try await post(
                        "/session-requests", token: family.token,
                        json: #"{"engagementId":"\#(family.engagementID)","start":"\#(family.starts[0].rfc3339UTC)"}"#)
                    return response.status == 201 ? response.id : nil
                }
            }
            return try await group.reduce(into: [String]()) { if let id = $1 { $0.append(id) } }
        }
        var sessions = 0
        for id in ids
        where try await post("/session-requests/\(id)/accept", token: office, json: #"{"location":"Room 1","sessionType":"In person"}"#).status == 200
        {
            sessions += 1
        }
        return (ids.count, sessions)
    }

    struct Answer {
        let status: Int
        let id: String?
    }

    private func post(_ path: String, token: String, json: String) async throws -> Answer {
        var request = HTTPClientRequest(url: base + path)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: json))
        let response = try await http.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
        return Answer(status: Int(response.status.code), id: object?["id"] as? String)
    }
}
