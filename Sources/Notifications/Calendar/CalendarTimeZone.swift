public import Foundation
public import Scheduling
import Synchronization

/// The VTIMEZONE of an invitation: every clock change of the zone from the year before the event to
/// the year after it, each as a STANDARD or DAYLIGHT observance (explicit onsets, no recurrence
/// rules, so it says exactly what the time zone database says).
public struct CalendarTimeZone {
    public let zone: TimeZone
    public let around: TimeRange

    /// Asking the time zone database for transitions is slow next to everything else a lifecycle
    /// move does, and the answer for a zone and years never changes: kept per zone and span of years.
    private static let cache = Mutex<[String: [String]]>([:])

    public var lines: [String] {
        let firstYear = max(zone.localDate(of: around.start).year - 1, LocalDate.earliest.year)
        let lastYear = min(zone.localDate(of: around.end).year + 1, LocalDate.latest.year - 1)
        let key = "\(zone.identifier)|\(firstYear)|\(lastYear)"
        if let cached = Self.cache.withLock({ $0[key] }) { return cached }
        let lines = computeLines(from: Self.startOfYear(firstYear), until: Self.startOfYear(lastYear + 1))
        Self.cache.withLock { $0[key] = lines }
        return lines
    }

    private static func startOfYear(_ year: Int) -> Date {
        Date(epochSeconds: Int64(LocalDate(year: year, month: 1, day: 1)!.daysSinceEpoch) * 86_400)
    }

    private func computeLines(from: Date, until: Date) -> [String] {
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(zone.identifier)"]
        var transitions: [Date] = []
        var cursor = from
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < until {
            transitions.append(next)
            cursor = next
        }
        if transitions.isEmpty {
            // A zone without clock changes: one observance, from long ago.
            let offset = zone.secondsFromGMT(for: around.start)
            lines += observance("STANDARD", onset: "19700101T000000", from: offset, to: offset, name: name(at: around.start))
        } else {
            for transition in transitions {
                let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
                let after = zone.secondsFromGMT(for: transition)
                lines += observance(
                    zone.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD",
                    onset: Self.wall(transition, offset: before), from: before, to: after, name: name(at: transition))
            }
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    private func observance(_ kind: String, onset: String, from: Int, to: Int, name: String) -> [String] {
        [
            "BEGIN:\(kind)", "DTSTART:\(onset)", "TZOFFSETFROM:\(Self.offset(from))", "TZOFFSETTO:\(Self.offset(to))",
            "TZNAME:\(CalendarInvite.text(name))", "END:\(kind)",
        ]
    }

    /// The name people there use (`BST`), as every other time SessionDesk writes.
    private func name(at instant: Date) -> String {
        let day = zone.localDate(of: instant)
        return ZoneTimeline(zone: zone, covering: day...day).abbreviation(at: instant)
    }

    /// `20270114T160000Z`
    public static func utc(_ instant: Date) -> String { wall(instant, offset: 0) + "Z" }

    /// `20270114T160000`, the zone's wall clock at `instant`.
    public static func local(_ instant: Date, in zone: TimeZone) -> String { wall(instant, offset: zone.secondsFromGMT(for: instant)) }

    private static func wall(_ instant: Date, offset: Int) -> String {
        let seconds = instant.epochSeconds + Int64(offset)
        let days = Int((seconds >= 0 ? seconds : seconds - 86_399) / 86_400)
        let date = LocalDate(daysSinceEpoch: days)
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = String(date.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + two(date.month) + two(date.day) + "T" + two(secondOfDay / 3600)
            + two(secondOfDay / 60 % 60) + two(secondOfDay % 60)
    }

    /// `+0100`, `-0430`, `+0545`
    private static func offset(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return (seconds < 0 ? "-" : "+") + two(minutes / 60) + two(minutes % 60)
    }
}
