public import Foundation

/// Slows down password guessing: a few failures per account, more per network address, within a window.
public struct LoginThrottle: Sendable {
    public var failuresPerEmail = 5
    public var failuresPerAddress = 30
    public var window: TimeInterval = 15 * 60

    public init() {}

    /// Refuses with the wait in minutes when either limit is reached. `failures…` are the failed
    /// attempts' times within the window, in any order.
    public func check(failuresByEmail: [Date], failuresByAddress: [Date], now: Date) throws(DomainError) {
        for (failures, limit) in [(failuresByEmail, failuresPerEmail), (failuresByAddress, failuresPerAddress)] {
            let recent = failures.filter { now.timeIntervalSince($0) < window }.sorted()
            guard recent.count >= limit else { continue }
            // The attempt that must age out before another is allowed.
            let freedAt = recent[recent.count - limit].addingTimeInterval(window)
            let seconds = max(1, Int(freedAt.timeIntervalSince(now).rounded(.up)))
            let minutes = (seconds + 59) / 60
            throw DomainError(
                .rateLimited, "Too many failed logins. Try again in \(minutes) minute\(minutes == 1 ? "" : "s").",
                retryAfterSeconds: seconds)
        }
    }

    /// How far back the attempts that matter go.
    public func windowStart(now: Date) -> Date { now.addingTimeInterval(-window) }
}
