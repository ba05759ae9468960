public import Foundation

extension TimeZone {
    /// The date this zone's clocks show at `instant`.
    public func localDate(of instant: Date) -> LocalDate {
        let wall = instant.epochSeconds + Int64(secondsFromGMT(for: instant))
        return LocalDate(daysSinceEpoch: Int((wall >= 0 ? wall : wall - 86_399) / 86_400))
    }

    /// The first instant of `date` in this zone.
    public func startOfDay(_ date: LocalDate) -> Date {
        ZoneTimeline(zone: self, covering: date...date).startOfDay(date)
    }
}
