import Foundation
import Scheduling
import Workflows

/// A benchmark client that calls the request and accept workflows in this process instead of over
/// HTTP: what the moves and the single writer cost without HTTP, JSON or the load generator
/// sharing the cores, which makes it the one to compare changes to the moves with.
struct DirectMoves: Sendable {
    let dependencies: Dependencies
    let office: Caller

    /// The callers behind the office's token and each lane's.
    static func signIn(_ seeded: BenchOrganization.Seeded, dependencies: Dependencies) async throws -> (DirectMoves, [Caller]) {
        let authentication = Authentication(dependencies)
        func caller(_ token: String) async throws -> Caller {
            guard let caller = try await authentication.caller(token: token, kind: .api) else {
                throw ConfigurationError("a benchmark token does not sign in")
            }
            return caller
        }
        var families: [Caller] = []
        for lane in seeded.lanes { families.append(try await caller(lane.token)) }
        return (DirectMoves(dependencies: dependencies, office: try await caller(seeded.officeToken)), families)
    }

    /// As `BenchClient.pairs`, as `family`.
    func pairs(on lane: RequestBenchmark.Lane, as family: Caller, until deadline: ContinuousClock.Instant) async throws -> ([Double], Int) {
        var latencies: [Double] = []
        var refused = 0
        for start in lane.starts where ContinuousClock.now < deadline {
            let began = ContinuousClock.now
            do {
                let request = try await SessionRequesting(dependencies).request(.init(engagementID: lane.engagementID, start: start), by: family)
                _ = try await RequestMoves(dependencies).accept(
                    request.id, details: SessionDetails(location: "Room 1", sessionType: "In person"), by: office)
                latencies.append((ContinuousClock.now - began).microseconds)
            } catch is DomainError {
                refused += 1
            }
        }
        return (latencies, refused)
    }
}
