public import Foundation
import Synchronization

/// A clock tests set and move by hand.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    public init(_ start: Date) { current = Mutex(start) }

    public var now: Date { current.withLock { $0 } }

    public func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }

    public func set(_ date: Date) { current.withLock { $0 = date } }
}

/// Monday 23 March 2026, 10:00 UTC: a weekday in GMT, six days before London's clocks go forward.
public let testEpoch = Date(timeIntervalSince1970: 1_774_260_000)
