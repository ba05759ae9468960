public import Foundation

/// A half-open stretch of time `[start, end)` between two instants.
///
/// Half-open so that back-to-back sessions (10:00–11:00 and 11:00–12:00) do not overlap.
public struct TimeRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public let start: Date
    public let end: Date

    /// Fails when `end` is not after `start`.
    public init?(start: Date, end: Date) {
        guard end > start else { return nil }
        self.start = start
        self.end = end
    }

    public init(start: Date, minutes: Int) {
        precondition(minutes > 0, "a range lasts at least one minute")
        self.start = start
        self.end = start.addingTimeInterval(TimeInterval(minutes * 60))
    }

    init(uncheckedStart start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    public var duration: TimeInterval { end.timeIntervalSince(start) }

    public func overlaps(_ other: TimeRange) -> Bool { start < other.end && other.start < end }

    public func contains(_ other: TimeRange) -> Bool { start <= other.start && other.end <= end }

    public func contains(_ instant: Date) -> Bool { start <= instant && instant < end }

    public var description: String { "[\(start.rfc3339UTC), \(end.rfc3339UTC))" }
}

extension Date {
    /// Whole seconds since 1970-01-01T00:00:00Z: how instants are stored.
    public var epochSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }

    public init(epochSeconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(epochSeconds)) }

    /// `2027-01-14T16:00:00Z`
    public var rfc3339UTC: String {
        let seconds = epochSeconds
        let days = Int((seconds >= 0 ? seconds : seconds - 86_399) / 86_400)
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        var text = TimeText(capacity: 20)
        text.date(LocalDate(daysSinceEpoch: days))
        text.append("T")
        text.clock(secondOfDay: secondOfDay, seconds: true)
        text.append("Z")
        return text.string
    }
}
