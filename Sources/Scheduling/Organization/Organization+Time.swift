public import Foundation

extension Organization {
    /// The organization's local date at `instant`.
    public func localDate(of instant: Date) -> LocalDate { timeZone.localDate(of: instant) }

    /// Offsets for the local dates `dates`, for converting many instants at once.
    public func timeline(covering dates: ClosedRange<LocalDate>) -> ZoneTimeline {
        ZoneTimeline(zone: timeZone, covering: dates)
    }

    /// Offsets for every instant of `instants`, for wording a long list of times with one timeline
    /// instead of one per time. (The timeline's own margin of two days covers any zone's offset
    /// from the UTC dates used here.)
    public func timeline(coveringInstants instants: [Date]) -> ZoneTimeline? {
        let days = instants.map { LocalDate(daysSinceEpoch: Int((Double($0.epochSeconds) / 86_400).rounded(.down))) }
        guard let first = days.min(), let last = days.max() else { return nil }
        return timeline(covering: first...last)
    }

    /// The instant a clock in the organization's zone reads `time` on `date`; the first of the two
    /// when the clocks go back. A time the clocks skip is refused, naming `field`.
    public func instant(of date: LocalDate, at time: LocalTime, field: String) throws(DomainError) -> Date {
        guard let instant = timeline(covering: date...date).instants(of: date, at: time).first else {
            throw DomainError.invalid(
                field,
                "\(settings.timeFormat.text(time)) does not exist on \(ZoneTimeline.describe(date)) in \(timeZone.identifier): the clocks go forward then."
            )
        }
        return instant
    }

    /// `Tue 14 Jan 16:00 GMT` (or `Tue 14 Jan 4:00 PM GMT`, as the organization writes times), in
    /// the organization's zone.
    public func describe(_ instant: Date) -> String {
        let date = localDate(of: instant)
        return timeline(covering: date...date).describe(instant, in: settings.timeFormat)
    }

    /// `Tue 14 Jan 16:00–17:00 GMT` (or `Tue 14 Jan 4:00 PM–5:00 PM GMT`), in the organization's zone.
    public func describe(_ range: TimeRange) -> String {
        timeline(covering: localDate(of: range.start)...localDate(of: range.end)).describe(range, in: settings.timeFormat)
    }

    /// The earliest start a session may be requested or proposed for at `now`: the request notice
    /// from now and, when answers are due by the end of the day before, no earlier than tomorrow
    /// (a request for later today could never be answered in time).
    public func earliestRequestStart(now: Date) -> Date {
        let notice = now.addingTimeInterval(TimeInterval(settings.requestNoticeHours * 3600))
        guard settings.responseCutoff == .endOfDayBefore else { return notice }
        return max(notice, timeZone.startOfDay(localDate(of: now).adding(days: 1)))
    }

    /// Why earlier times are not offered: "Requests must be made at least 72 hours ahead: the
    /// earliest is Thu 26 Mar 10:00 GMT." (or, when the day-before cutoff is what bites, that
    /// requests for today cannot be answered in time).
    public func requestNoticeRule(now: Date) -> String {
        let earliest = earliestRequestStart(now: now)
        let notice = settings.requestNoticeHours
        let reason =
            localDate(of: earliest) > localDate(of: now.addingTimeInterval(TimeInterval(notice * 3600)))
            ? "Requests for today cannot be answered in time"
            : "Requests must be made at least \(notice) hour\(notice == 1 ? "" : "s") ahead"
        return "\(reason): the earliest is \(describe(earliest))."
    }
}
