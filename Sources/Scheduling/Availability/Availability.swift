/// When a tutor can teach: weekly hours, date overrides and time off.
public struct Availability: Hashable, Sendable {
    public var weekly: [WeeklyHours]
    public var overrides: [DateOverride]
    public var timeOff: [TimeOff]

    public init(weekly: [WeeklyHours] = [], overrides: [DateOverride] = [], timeOff: [TimeOff] = []) {
        self.weekly = weekly
        self.overrides = overrides
        self.timeOff = timeOff
    }

    /// The tutor's hours on `date`: the date's override if there is one, else the weekday's hours.
    public func hours(on date: LocalDate) -> [WorkingHours] {
        if let override = overrides.first(where: { $0.date == date }) { return override.hours.sorted() }
        let weekday = date.weekday
        return weekly.filter { $0.weekday == weekday }.map(\.hours).sorted()
    }

    /// Reports every problem at once, with the field path a form or API client can point at.
    public func validate() throws(DomainError) {
        var issues = IssueList()
        for weekday in Weekday.allCases {
            let stretches = weekly.enumerated().filter { $0.element.weekday == weekday }.map { ("weekly[\($0.offset)]", $0.element.hours) }
            WorkingHours.check(stretches, day: weekday.rawValue.capitalized, into: &issues)
        }
        var seen = Set<LocalDate>()
        for (index, override) in overrides.enumerated() {
            if !seen.insert(override.date).inserted {
                issues.add("overrides[\(index)].date", "\(ZoneTimeline.describe(override.date)) has two overrides; keep one.")
            }
            let stretches = override.hours.enumerated().map { ("overrides[\(index)].hours[\($0.offset)]", $0.element) }
            WorkingHours.check(stretches, day: ZoneTimeline.describe(override.date), into: &issues)
        }
        for (index, off) in timeOff.enumerated() where TextRules.length(off.reason) > 200 {
            issues.add("timeOff[\(index)].reason", "A time-off reason can be at most 200 characters.")
        }
        try issues.throwIfAny()
    }
}

extension Availability {
    /// What a read for `dates` and `period` returns: every weekly hour, the overrides dated within
    /// `dates`, the time off overlapping `period`; for an availability read from earlier bounds on.
    public func within(_ dates: ClosedRange<LocalDate>, _ period: TimeRange) -> Availability {
        Availability(
            weekly: weekly, overrides: overrides.filter { dates.contains($0.date) },
            timeOff: timeOff.filter { $0.time.end > period.start && $0.time.start < period.end })
    }
}
