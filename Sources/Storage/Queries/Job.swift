public import Foundation

/// A unit of background work as stored: what to do, to what, and how it has gone so far.
public struct Job: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// Deliver the outbox message whose id is the job's subject.
        case deliver
        /// Remind both sides of the session whose id is the job's subject, on its day.
        case remind
    }

    public enum State: String, Sendable {
        case queued
        /// Claimed by a worker until its lease ends; a worker that dies leaves it to be claimed again.
        case running
        case done
        /// Failed for good (or too often); shown to the office, who may retry it.
        case dead
    }

    public let id: String
    public let organizationID: String?
    public let kind: Kind
    public let subjectID: String
    public let state: State
    public let runAt: Date
    /// Claims so far, this one included while running.
    public let attempts: Int
    public let lastError: String?
    public let createdAt: Date
    public let finishedAt: Date?

    public init(
        id: String, organizationID: String?, kind: Kind, subjectID: String, state: State, runAt: Date, attempts: Int, lastError: String?,
        createdAt: Date, finishedAt: Date?
    ) {
        self.id = id
        self.organizationID = organizationID
        self.kind = kind
        self.subjectID = subjectID
        self.state = state
        self.runAt = runAt
        self.attempts = attempts
        self.lastError = lastError
        self.createdAt = createdAt
        self.finishedAt = finishedAt
    }
}

extension Date {
    /// Jobs keep milliseconds: a retry after a quick local failure is less than a second away.
    var epochMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

    init(epochMilliseconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(epochMilliseconds) / 1000) }
}
