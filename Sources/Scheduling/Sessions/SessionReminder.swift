public import Foundation

/// PRODUCT.md: "On the day of any booking, at 5am local time, both sides get a reminder."
public enum SessionReminder {
    public static let localTime = LocalTime(hour: 5, minute: 0)!

    /// When the reminder for a session starting at `start` is due: 05:00 on the session's local
    /// day (the first 05:00 when clocks show it twice, 06:00 when they skip it). Nil when no
    /// reminder makes sense: the session starts before then, or the moment has passed at `now`
    /// (a booking made the same morning, whose confirmation has only just gone out).
    public static func due(forSessionStartingAt start: Date, in zone: TimeZone, now: Date) -> Date? {
        let day = zone.localDate(of: start)
        let timeline = ZoneTimeline(zone: zone, covering: day...day)
        guard let due = timeline.instants(of: day, at: localTime).first ?? timeline.instants(of: day, at: LocalTime(hour: 6, minute: 0)!).first,
            due < start, due > now
        else { return nil }
        return due
    }
}
