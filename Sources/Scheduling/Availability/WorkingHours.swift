/// A stretch of wall-clock time within one day, `[start, end)`: "09:00–12:30".
public struct WorkingHours: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let start: LocalTime
    public let end: LocalTime

    public init(start: LocalTime, end: LocalTime) {
        self.start = start
        self.end = end
    }

    public var description: String { "\(start.iso)–\(end.iso)" }

    public static func < (lhs: WorkingHours, rhs: WorkingHours) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    /// Checks one day's stretches, each named by its field path: each ends after it starts, none overlap.
    static func check(_ stretches: [(field: String, hours: WorkingHours)], day: String, into issues: inout IssueList) {
        for stretch in stretches where stretch.hours.end <= stretch.hours.start {
            issues.add("\(stretch.field).end", "\(day) \(stretch.hours): the end must be after the start.")
        }
        let ordered = stretches.sorted { $0.hours < $1.hours }
        for (previous, next) in zip(ordered, ordered.dropFirst()) where next.hours.start < previous.hours.end {
            issues.add(next.field, "\(day) \(next.hours) overlaps \(previous.hours).")
        }
    }
}

/// Regular hours on one weekday, repeating every week in the organization's time zone.
public struct WeeklyHours: Hashable, Sendable {
    public let weekday: Weekday
    public let hours: WorkingHours

    public init(weekday: Weekday, hours: WorkingHours) {
        self.weekday = weekday
        self.hours = hours
    }
}

/// One date whose hours differ from the week's: extra hours, changed hours, or none at all.
public struct DateOverride: Hashable, Sendable {
    public let date: LocalDate
    /// Replaces the weekly hours of that date; empty means unavailable all day.
    public let hours: [WorkingHours]

    public init(date: LocalDate, hours: [WorkingHours]) {
        self.date = date
        self.hours = hours
    }
}
