import Foundation
import Scheduling
import Storage

/// Declines, once, every open request whose deadline has passed: on a timer while serving, and at
/// start-up to catch up on deadlines that passed while no server ran. Several instances may run it
/// at once on PostgreSQL: each claims rows with `FOR UPDATE SKIP LOCKED`.
public struct RequestExpiry: Sendable {
    let dependencies: Dependencies
    /// Requests expired per transaction.
    let batchSize: Int

    public init(_ dependencies: Dependencies, batchSize: Int = 50) {
        self.dependencies = dependencies
        self.batchSize = batchSize
    }

    /// Expires everything overdue at the current time; returns how many requests it expired.
    @discardableResult
    public func expireOverdue() async throws -> Int {
        var total = 0
        while true {
            let now = dependencies.currentInstant()
            let expired = try await dependencies.store.write { db in
                let due = try await db.claimOverdueRequests(now: now, limit: batchSize)
                for request in due {
                    let parties = try await RequestParties.load(for: request, in: db)
                    let next = try RequestLifecycle.apply(.expire, to: request, by: .system, in: parties.lifecycleContext(now: now))
                    try await db.updateRequest(next)
                    let record = LifecycleRecord(dependencies: dependencies, parties: parties, now: now)
                    try await record.requestEvent(.expired, on: next, by: .system, body: "Nobody answered in time.", time: request.heldTime, in: db)
                    try await RescheduleOutcome.settle(next, parties: parties, record: record, now: now, in: db)
                }
                return due.count
            }
            total += expired
            if expired < batchSize { return total }
        }
    }
}
