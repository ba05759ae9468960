public import Foundation

extension Availability {
    /// Which of `sessions` the tutor's time off or date overrides leave outside their hours: a
    /// session overlapping time off, or on a date whose override does not cover it. Weekly hours
    /// alone flag nothing: the office may book outside them on purpose.
    public func conflicts(with sessions: [TimeRange], in zone: TimeZone) -> [TimeRange] {
        let overridden = Dictionary(overrides.map { ($0.date, $0.hours) }, uniquingKeysWith: { first, _ in first })
        guard let first = sessions.map(\.start).min(), let last = sessions.map(\.end).max() else { return [] }
        let timeline = ZoneTimeline(zone: zone, covering: zone.localDate(of: first)...zone.localDate(of: last))
        return sessions.filter { session in
            if timeOff.contains(where: { $0.time.overlaps(session) }) { return true }
            guard let hours = overridden[timeline.date(of: session.start)] else { return false }
            let date = timeline.date(of: session.start)
            return !hours.contains { hours in
                timeline.ranges(on: date, from: hours.start, to: hours.end).contains { $0.start <= session.start && session.end <= $0.end }
            }
        }
    }
}
