public import Foundation
import SQLKit

extension DB {
    /// Queues delivery of each message, due at once; called by `enqueue` in the transaction that
    /// writes the messages, so a message is never stored without the job that delivers it.
    func insertDeliveryJobs(for messages: [OutboxMessage]) async throws {
        // From the rows just inserted, so that only the ids are bound: a move's messages and jobs
        // are written by the single writer, where every bound value costs.
        try await sql.raw(
            """
            INSERT INTO jobs (id, organization_id, kind, subject_id, unique_key, state, run_at_ms, created_at_ms)
            SELECT id, organization_id, \(literal: Job.Kind.deliver.rawValue), id, 'deliver:' || id, \(literal: Job.State.queued.rawValue),
                   created_at * 1000, created_at * 1000
            FROM outbox_messages WHERE id IN (\(binds: messages.map(\.id)))
            """
        ).run()
    }

    /// Takes up to `limit` due jobs for `worker` until `leaseEnds`: queued ones whose time has come,
    /// and running ones whose worker's lease ran out (it died or hung). PostgreSQL skips rows another
    /// worker is claiming; SQLite's single writer makes the statement exclusive anyway.
    public func claimJobs(worker: String, limit: Int, now: Date, leaseEnds: Date) async throws -> [Job] {
        let now = now.epochMilliseconds
        var due: SQLQueryString = """
            SELECT id FROM jobs
            WHERE (state = 'queued' AND run_at_ms <= \(bind: now)) OR (state = 'running' AND locked_until_ms <= \(bind: now))
            ORDER BY run_at_ms LIMIT \(literal: limit)
            """
        if dialect == .postgres { due += " FOR UPDATE SKIP LOCKED" }
        let rows = try await sql.raw(
            """
            UPDATE jobs SET state = 'running', locked_by = \(bind: worker), locked_until_ms = \(bind: leaseEnds.epochMilliseconds),
                attempts = attempts + 1
            WHERE id IN (\(due)) RETURNING \(unsafeRaw: JobRow.columns)
            """
        ).all(decoding: JobRow.self, keyDecodingStrategy: .snakeCaseColumns)
        return try rows.map { try $0.job }.sorted { ($0.runAt, $0.id) < ($1.runAt, $1.id) }
    }

    /// Marks the job done; false when `worker` no longer holds it (its lease ran out and another took it).
    public func completeJob(id: String, worker: String, now: Date) async throws -> Bool {
        try await finish(id: id, worker: worker, set: "state = 'done', finished_at_ms = \(bind: now.epochMilliseconds)")
    }

    /// Marks delivery jobs done and their messages sent, for the jobs `worker` still holds; returns
    /// the ids of those (the others' leases ran out and another worker took them).
    public func completeDeliveries(jobIDs: [String], worker: String, now: Date) async throws -> Set<String> {
        guard !jobIDs.isEmpty else { return [] }
        let rows = try await sql.raw(
            """
            UPDATE jobs SET state = 'done', finished_at_ms = \(bind: now.epochMilliseconds), locked_by = NULL, locked_until_ms = NULL
            WHERE id IN (\(binds: jobIDs)) AND state = 'running' AND locked_by = \(bind: worker) RETURNING id, subject_id
            """
        ).all()
        let held = try rows.map { (try $0.decode(column: "id", as: String.self), try $0.decode(column: "subject_id", as: String.self)) }
        if !held.isEmpty {
            try await sql.raw("UPDATE outbox_messages SET sent_at = \(bind: now.epochSeconds) WHERE id IN (\(binds: held.map(\.1)))").run()
        }
        return Set(held.map(\.0))
    }

    /// Puts the job back in the queue to run again at `runAt`, remembering why this attempt failed.
    public func retryJob(id: String, worker: String, at runAt: Date, error: String) async throws -> Bool {
        try await finish(id: id, worker: worker, set: "state = 'queued', run_at_ms = \(bind: runAt.epochMilliseconds), last_error = \(bind: error)")
    }

    /// Gives up on the job: it becomes a dead letter for the office to look at.
    public func buryJob(id: String, worker: String, now: Date, error: String) async throws -> Bool {
        try await finish(
            id: id, worker: worker, set: "state = 'dead', finished_at_ms = \(bind: now.epochMilliseconds), last_error = \(bind: error)")
    }

    private func finish(id: String, worker: String, set: SQLQueryString) async throws -> Bool {
        let rows = try await sql.raw(
            """
            UPDATE jobs SET \(set), locked_by = NULL, locked_until_ms = NULL
            WHERE id = \(bind: id) AND state = 'running' AND locked_by = \(bind: worker) RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// Queues a dead job again from its first attempt; false if it is not dead (or not the organization's).
    public func reviveJob(id: String, organizationID: String, now: Date) async throws -> Bool {
        let rows = try await sql.raw(
            """
            UPDATE jobs SET state = 'queued', run_at_ms = \(bind: now.epochMilliseconds), attempts = 0, finished_at_ms = NULL
            WHERE id = \(bind: id) AND organization_id = \(bind: organizationID) AND state = 'dead' RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// How many jobs are in each state, for metrics and benchmarks.
    public func jobCounts() async throws -> [Job.State: Int] {
        let rows = try await sql.raw("SELECT state, COUNT(*) AS n FROM jobs GROUP BY state").all()
        var counts: [Job.State: Int] = [:]
        for row in rows {
            counts[try decodeEnum(row.decode(column: "state", as: String.self))] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}

private struct JobRow: Decodable {
    static let columns = "id, organization_id, kind, subject_id, state, run_at_ms, attempts, last_error, created_at_ms, finished_at_ms"

    let id: String
    let organizationId: String?
    let kind: String
    let subjectId: String
    let state: String
    let runAtMs: Int64
    let attempts: Int
    let lastError: String?
    let createdAtMs: Int64
    let finishedAtMs: Int64?

    var job: Job {
        get throws {
            Job(
                id: id, organizationID: organizationId, kind: try decodeEnum(kind), subjectID: subjectId, state: try decodeEnum(state),
                runAt: Date(epochMilliseconds: runAtMs), attempts: attempts, lastError: lastError,
                createdAt: Date(epochMilliseconds: createdAtMs), finishedAt: finishedAtMs.map(Date.init(epochMilliseconds:)))
        }
    }
}

extension DB {
    /// Schedules `kind` work on `subjectID` at `runAt`, once: the same `uniqueKey` again (another
    /// instance, a retried request) is ignored.
    public func scheduleJob(
        id: String, organizationID: String, kind: Job.Kind, subjectID: String, uniqueKey: String, runAt: Date, now: Date
    ) async throws {
        try await sql.raw(
            """
            INSERT INTO jobs (id, organization_id, kind, subject_id, unique_key, state, run_at_ms, created_at_ms)
            VALUES (\(bind: id), \(bind: organizationID), \(bind: kind.rawValue), \(bind: subjectID), \(bind: uniqueKey), 'queued',
                    \(bind: runAt.epochMilliseconds), \(bind: now.epochMilliseconds))
            ON CONFLICT (unique_key) DO NOTHING
            """
        ).run()
    }
}
