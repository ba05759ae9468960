public import Foundation

/// The UTC offsets of one IANA zone over a span of dates, as a list of constant-offset segments.
///
/// Built once per computation so that every later conversion is integer arithmetic; it also makes
/// the awkward days explicit: on a spring-forward day some wall times have no instant, on a
/// fall-back day some have two, and Lord Howe moves its clocks by thirty minutes.
public struct ZoneTimeline: Sendable {
    public let zone: TimeZone

    struct Segment: Sendable {
        /// Epoch seconds, inclusive.
        let start: Int64
        /// Epoch seconds, exclusive.
        let end: Int64
        let offset: Int64
        /// The zone's short name meanwhile (`GMT`, `BST`): asked once per segment, as Foundation
        /// is slow to say it and every label of every slot shows it.
        let abbreviation: String
    }

    let segments: [Segment]

    /// Covers every instant that falls on `dates` in this zone (and a margin around them).
    public init(zone: TimeZone, covering dates: ClosedRange<LocalDate>) {
        self.zone = zone
        // Offsets never exceed ±26 h, so two days of margin on either side is always enough.
        let from = Int64(dates.lowerBound.daysSinceEpoch - 2) * 86_400
        let to = Int64(dates.upperBound.daysSinceEpoch + 3) * 86_400
        var segments: [Segment] = []
        var start = from
        var offset = Int64(zone.secondsFromGMT(for: Date(epochSeconds: from)))
        var cursor = Date(epochSeconds: from)
        func segment(until end: Int64) -> Segment {
            Segment(start: start, end: end, offset: offset, abbreviation: Self.abbreviation(of: zone, at: Date(epochSeconds: start)))
        }
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next.epochSeconds < to {
            let transition = next.epochSeconds
            let newOffset = Int64(zone.secondsFromGMT(for: next))
            if newOffset != offset {
                segments.append(segment(until: transition))
                start = transition
                offset = newOffset
            }
            cursor = next
        }
        segments.append(segment(until: to))
        self.segments = segments
    }

    /// Every instant at which clocks in this zone read `time` on `date`: none inside a
    /// spring-forward gap, two inside a fall-back overlap, one otherwise. Earliest first.
    public func instants(of date: LocalDate, at time: LocalTime) -> [Date] {
        let wall = Int64(date.daysSinceEpoch) * 86_400 + Int64(time.minuteOfDay) * 60
        return segments.compactMap { segment in
            let instant = wall - segment.offset
            return segment.start <= instant && instant < segment.end ? Date(epochSeconds: instant) : nil
        }
    }

    /// The instants whose wall-clock reading lies on `date` within `[from, to)`, as disjoint
    /// ranges in time order. Usually one range; split or shortened around a clock change.
    public func ranges(on date: LocalDate, from: LocalTime, to: LocalTime) -> [TimeRange] {
        let dayStart = Int64(date.daysSinceEpoch) * 86_400
        let wallFrom = dayStart + Int64(from.minuteOfDay) * 60
        let wallTo = dayStart + Int64(to.minuteOfDay) * 60
        var pieces: [(Int64, Int64)] = []
        for segment in segments {
            let start = max(wallFrom - segment.offset, segment.start)
            let end = min(wallTo - segment.offset, segment.end)
            guard start < end else { continue }
            if let last = pieces.last, last.1 == start {
                pieces[pieces.count - 1].1 = end
            } else {
                pieces.append((start, end))
            }
        }
        return pieces.map { TimeRange(uncheckedStart: Date(epochSeconds: $0.0), end: Date(epochSeconds: $0.1)) }
    }

    /// What the zone's clocks read at `instant`.
    public func local(_ instant: Date) -> LocalDateTime {
        let seconds = instant.epochSeconds
        let offset = offsetSeconds(at: seconds)
        let wall = seconds + offset
        let days = Int((wall >= 0 ? wall : wall - 86_399) / 86_400)
        return LocalDateTime(
            date: LocalDate(daysSinceEpoch: days),
            secondOfDay: Int(wall - Int64(days) * 86_400),
            utcOffsetSeconds: Int(offset)
        )
    }

    /// The local date on which `instant` falls.
    public func date(of instant: Date) -> LocalDate { local(instant).date }

    /// The first instant of `date`: local midnight, or the end of a gap that swallowed it. A date the
    /// zone skipped entirely (Samoa, 30 December 2011) starts when the next one does.
    public func startOfDay(_ date: LocalDate) -> Date {
        ranges(on: date, from: .midnight, to: .endOfDay).first?.start ?? startOfDay(date.adding(days: 1))
    }

    func offsetSeconds(at instant: Int64) -> Int64 {
        // Outside the covered span (a caller's mistake), ask the zone itself rather than guess.
        segment(at: instant)?.offset ?? Int64(zone.secondsFromGMT(for: Date(epochSeconds: instant)))
    }

    /// The segment holding `instant`, if the timeline covers it.
    func segment(at instant: Int64) -> Segment? {
        var low = 0, high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].start <= instant { low = mid } else { high = mid - 1 }
        }
        let segment = segments[low]
        return segment.start <= instant && instant < segment.end ? segment : nil
    }
}
