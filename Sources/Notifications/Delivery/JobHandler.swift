public import Foundation
public import Storage

/// Work other than delivering a message (a reminder, say) that a job does when it comes due. It runs
/// inside the transaction that marks the job done, so it happens exactly once or not at all.
public protocol JobHandler: Sendable {
    func perform(_ job: Job, now: Date, in db: DB) async throws
}
