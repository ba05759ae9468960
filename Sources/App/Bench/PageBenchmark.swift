import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Storage
import Workflows

/// `sessiondesk bench pages`: the tutor dashboard and the office's "needs action" page served by
/// the real server with a year of data, one request at a time, timed from request to last byte.
struct PageBenchmark {
    let dependencies: Dependencies
    let configuration: AppConfiguration
    let sessions: Int
    let openRequests: Int
    let iterations: Int

    struct Figures {
        let database: String
        let sessions: Int
        let openRequests: Int
        let dashboard: Timings
        let office: Timings
        let dashboardBytes: Int
        let officeBytes: Int

        var report: [String] {
            [
                "\(sessions) sessions over a year and \(openRequests) open requests, one page at a time over HTTP on loopback:",
                String(
                    format: "  tutor dashboard (%d bytes): median %.2f ms, p99 %.2f ms", dashboardBytes, dashboard.median / 1000,
                    dashboard.percentile(99) / 1000),
                String(
                    format: "  office needs action (%d bytes): median %.2f ms, p99 %.2f ms", officeBytes, office.median / 1000,
                    office.percentile(99) / 1000),
                String(
                    format:
                        "bench=pages database=%@ sessions=%d open_requests=%d dashboard_median_ms=%.2f dashboard_p99_ms=%.2f office_median_ms=%.2f office_p99_ms=%.2f",
                    database, sessions, openRequests, dashboard.median / 1000, dashboard.percentile(99) / 1000, office.median / 1000,
                    office.percentile(99) / 1000),
            ]
        }
    }

    func run() async throws -> Figures {
        let now = dependencies.now()
        try await Migrator(store: dependencies.store).migrate(now: now)
        let seeded = try await PageOrganization.seed(sessions: sessions, openRequests: openRequests, dependencies: dependencies, now: now)
        return try await BenchServer.serving(configuration: configuration, dependencies: dependencies) { port in
            let http = HTTPClient(eventLoopGroupProvider: .singleton)
            defer { _ = http.shutdown() }

            func page(_ path: String, session: String) async throws -> Int {
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
                request.headers.add(name: "Cookie", value: "sessiondesk_session=\(session)")
                let response = try await http.execute(request, timeout: .seconds(30))
                let body = try await response.body.collect(upTo: 16 << 20)
                guard response.status == .ok else { throw ConfigurationError("\(path) answered \(response.status.code)") }
                return body.readableBytes
            }
            let dashboardBytes = try await page("/", session: seeded.tutorSession)
            let officeBytes = try await page("/office/requests", session: seeded.officeSession)
            let dashboard = try await Timings.measure(iterations) { _ = try await page("/", session: seeded.tutorSession) }
            let office = try await Timings.measure(iterations) { _ = try await page("/office/requests", session: seeded.officeSession) }
            return Figures(
                database: dependencies.store.dialect.rawValue, sessions: sessions, openRequests: openRequests, dashboard: dashboard, office: office,
                dashboardBytes: dashboardBytes, officeBytes: officeBytes)
        }
    }
}
