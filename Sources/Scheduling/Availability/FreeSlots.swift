public import Foundation

/// What a free-slot search asks for.
public struct FreeSlotSearch: Hashable, Sendable {
    /// Local dates in the tutor's zone, both ends included.
    public let dates: ClosedRange<LocalDate>
    public let slotMinutes: Int
    /// Candidate starts fall every `stepMinutes` from the start of each stretch of working hours.
    public let stepMinutes: Int
    /// No slot starts earlier: now plus the request notice.
    public let earliestStart: Date

    public init(dates: ClosedRange<LocalDate>, slotMinutes: Int, stepMinutes: Int, earliestStart: Date) {
        precondition(slotMinutes > 0 && stepMinutes > 0)
        self.dates = dates
        self.slotMinutes = slotMinutes
        self.stepMinutes = stepMinutes
        self.earliestStart = earliestStart
    }
}

/// Free slots = availability − overrides − time off − busy time, at or after the notice period.
public enum FreeSlots {
    /// Every slot of `search.slotMinutes` that lies wholly inside the tutor's working hours (as the
    /// zone's clocks read them), touches no busy range or time off, and starts at or after
    /// `search.earliestStart`. In time order. `busy` may be unsorted and overlapping.
    public static func find(
        _ search: FreeSlotSearch, availability: Availability, busy: [TimeRange], timeline: ZoneTimeline
    ) -> [TimeRange] {
        let blocked = mergedSeconds(busy + availability.timeOff.map(\.time))
        let earliest = search.earliestStart.epochSeconds
        let length = Int64(search.slotMinutes) * 60
        var slots: [TimeRange] = []
        var inOrder = true
        var lastStart = Int64.min

        for date in search.dates {
            let dayStart = Int64(date.daysSinceEpoch) * 86_400
            for hours in availability.hours(on: date) {
                let free = subtract(blocked, from: timeline.ranges(on: date, from: hours.start, to: hours.end))
                guard !free.isEmpty else { continue }
                var minute = hours.start.minuteOfDay
                // Every wall-clock start before the end is a candidate: on a fall-back day an hour of
                // wall clock can hold two hours of time, so the slot may outlast the wall-clock arithmetic.
                while minute < hours.end.minuteOfDay {
                    let wall = dayStart + Int64(minute) * 60
                    // Each segment of constant offset contributes the instant (if any) at which the
                    // clocks read `wall`: none in a spring-forward gap, two in a fall-back overlap.
                    for segment in timeline.segments {
                        let start = wall - segment.offset
                        guard segment.start <= start, start < segment.end, start >= earliest else { continue }
                        let end = start + length
                        guard free.contains(where: { $0.0 <= start && end <= $0.1 }) else { continue }
                        if start < lastStart { inOrder = false }
                        lastStart = start
                        slots.append(TimeRange(uncheckedStart: Date(epochSeconds: start), end: Date(epochSeconds: end)))
                    }
                    minute += search.stepMinutes
                }
            }
        }
        return inOrder ? slots : slots.sorted { $0.start < $1.start }
    }

    /// Sorted, non-overlapping `[start, end)` pairs in epoch seconds; touching ranges are joined.
    static func mergedSeconds(_ ranges: [TimeRange]) -> [(Int64, Int64)] {
        let sorted = ranges.map { ($0.start.epochSeconds, $0.end.epochSeconds) }.sorted { $0.0 < $1.0 }
        var merged: [(Int64, Int64)] = []
        merged.reserveCapacity(sorted.count)
        for range in sorted {
            if let last = merged.last, range.0 <= last.1 {
                merged[merged.count - 1].1 = max(last.1, range.1)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// `windows` minus `blocked` (sorted and merged), as epoch-second pairs.
    static func subtract(_ blocked: [(Int64, Int64)], from windows: [TimeRange]) -> [(Int64, Int64)] {
        var result: [(Int64, Int64)] = []
        for window in windows {
            var cursor = window.start.epochSeconds
            let end = window.end.epochSeconds
            // First blocked range that ends after the window starts.
            var low = 0, high = blocked.count
            while low < high {
                let mid = (low + high) / 2
                if blocked[mid].1 <= cursor { low = mid + 1 } else { high = mid }
            }
            var index = low
            while index < blocked.count, blocked[index].0 < end, cursor < end {
                if blocked[index].0 > cursor { result.append((cursor, blocked[index].0)) }
                cursor = max(cursor, blocked[index].1)
                index += 1
            }
            if cursor < end { result.append((cursor, end)) }
        }
        return result
    }
}
