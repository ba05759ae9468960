public import Foundation

/// How often and how far apart a failed delivery is tried again: exponential backoff from
/// `firstDelay`, never more than `longestDelay`, with jitter so that messages that failed together
/// (a mail server that was down) do not all come back at the same instant.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included; after the last failure the job is dead-lettered.
    public let maxAttempts: Int
    public let firstDelay: TimeInterval
    public let longestDelay: TimeInterval

    public init(maxAttempts: Int = 20, firstDelay: TimeInterval = 30, longestDelay: TimeInterval = 3600) {
        self.maxAttempts = max(1, maxAttempts)
        self.firstDelay = firstDelay
        self.longestDelay = max(firstDelay, longestDelay)
    }

    /// When to try again after attempt number `attempt` (from 1) failed at `now`, or nil if that was
    /// the last. `random` is in 0..<1: the wait is between half and all of the backoff ("equal jitter").
    public func retryTime(afterAttempt attempt: Int, failedAt now: Date, random: Double) -> Date? {
        guard attempt < maxAttempts else { return nil }
        let backoff = min(longestDelay, firstDelay * pow(2, Double(max(0, attempt - 1))))
        return now.addingTimeInterval(backoff / 2 + backoff / 2 * min(max(random, 0), 1))
    }
}
