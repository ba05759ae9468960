import Foundation
import SQLKit
public import Storage

/// Jobs as tests look them up: one by id, or an organization's dead letters.
extension DB {
    public func job(id: String) async throws -> Job? {
        try await jobs(where: "id = \(bind: id)").first
    }

    public func deadJobs(organizationID: String) async throws -> [Job] {
        try await jobs(where: "organization_id = \(bind: organizationID) AND state = 'dead' ORDER BY finished_at_ms DESC, id")
    }

    private func jobs(where condition: SQLQueryString) async throws -> [Job] {
        try await sql.raw(
            """
            SELECT id, organization_id, kind, subject_id, state, run_at_ms, attempts, last_error, created_at_ms, finished_at_ms
            FROM jobs WHERE \(condition)
            """
        ).all().map { row in
            Job(
                id: try row.decode(column: "id", as: String.self), organizationID: try row.decode(column: "organization_id", as: String?.self),
                kind: Job.Kind(rawValue: try row.decode(column: "kind", as: String.self))!,
                subjectID: try row.decode(column: "subject_id", as: String.self),
                state: Job.State(rawValue: try row.decode(column: "state", as: String.self))!,
                runAt: Date(timeIntervalSince1970: Double(try row.decode(column: "run_at_ms", as: Int64.self)) / 1000),
                attempts: try row.decode(column: "attempts", as: Int.self), lastError: try row.decode(column: "last_error", as: String?.self),
                createdAt: Date(timeIntervalSince1970: Double(try row.decode(column: "created_at_ms", as: Int64.self)) / 1000),
                finishedAt: try row.decode(column: "finished_at_ms", as: Int64?.self).map { Date(timeIntervalSince1970: Double($0) / 1000) })
        }
    }
}
