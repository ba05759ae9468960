public import Foundation

extension Organization {
    /// The organization's local date at `instant`.
    public func localDate(of instant: Date) -> LocalDate {
        let wall = instant.epochSeconds + Int64(timeZone.secondsFromGMT(for: instant))
        return LocalDate(daysSinceEpoch: Int((wall >= 0 ? wall : wall - 86_399) / 86_400))
    }

    /// Offsets for the local dates `dates`, for converting many instants at once.
    public func timeline(covering dates: ClosedRange<LocalDate>) -> ZoneTimeline {
        ZoneTimeline(zone: timeZone, covering: dates)
    }

    /// `Tue 14 Jan 16:00 GMT`, in the organization's zone.
    public func describe(_ instant: Date) -> String {
        let date = localDate(of: instant)
        return timeline(covering: date...date).describe(instant)
    }
}
