import Foundation
import Testing

@testable import Scheduling

/// Random availability, busy times and searches on clock-change days, checked against a slow
/// reference that asks the zone database about every quarter hour and knows nothing of `ZoneTimeline`.
@Suite struct FreeSlotsPropertyTests {
    struct Case: CustomStringConvertible {
        let zone: TimeZone
        let search: FreeSlotSearch
        let availability: Availability
        let busy: [TimeRange]
        var description: String { "\(zone.identifier) \(search.dates) slot \(search.slotMinutes) step \(search.stepMinutes)" }
    }

    @Test func matchesTheReferenceOnClockChangeDays() {
        var random = TestRandom(seed: 2026)
        var checked = 0
        for (zoneName, dates) in transitionDays {
            for day in dates {
                for _ in 0..<25 {
                    let example = makeCase(zone: zone(zoneName), around: date(day), random: &random)
                    let timeline = ZoneTimeline(zone: example.zone, covering: example.search.dates)
                    let found = FreeSlots.find(example.search, availability: example.availability, busy: example.busy, timeline: timeline)
                    let expected = reference(example)
                    #expect(found.map(\.start) == expected, "\(example)")
                    checked += found.count
                    for slot in found {
                        // Wall-clock round trip: the slot's local reading leads back to exactly this instant.
                        let local = timeline.local(slot.start)
                        #expect(timeline.instants(of: local.date, at: local.time).contains(slot.start))
                        #expect(!example.busy.contains { $0.overlaps(slot) })
                        #expect(slot.start >= example.search.earliestStart)
                        #expect(slot.duration == Double(example.search.slotMinutes * 60))
                    }
                }
            }
        }
        #expect(checked > 500, "the random cases should produce plenty of slots to compare")
    }

    private func makeCase(zone: TimeZone, around day: LocalDate, random: inout TestRandom) -> Case {
        var weekly: [WeeklyHours] = []
        for weekday in Weekday.allCases {
            var minute = random.int(0...8) * 15
            for _ in 0..<random.int(0...3) {
                let start = minute + random.int(0...16) * 15
                let end = start + random.int(1...24) * 15
                guard end <= 1440 else { break }
                weekly.append(
                    WeeklyHours(weekday: weekday, hours: WorkingHours(start: LocalTime(minuteOfDay: start)!, end: LocalTime(minuteOfDay: end)!)))
                minute = end
            }
        }
        let first = day.adding(days: -random.int(0...1))
        let dates = first...first.adding(days: random.int(0...2))
        let base = Int64(first.daysSinceEpoch) * 86_400 - 14 * 3600
        let span = Int64(dates.count + 1) * 86_400
        func randomRange() -> TimeRange {
            let start = base + Int64(random.int(0...Int(span / 900))) * 900
            return TimeRange(start: Date(epochSeconds: start), minutes: random.int(1...12) * 15)
        }
        let busy = (0..<random.int(0...6)).map { _ in randomRange() }
        let timeOff = (0..<random.int(0...1)).map { _ in TimeOff(time: randomRange(), reason: "away") }
        let earliest = random.int(0...3) == 0 ? Date(epochSeconds: base + Int64(random.int(0...Int(span / 900))) * 900) : Date(epochSeconds: 0)
        let search = FreeSlotSearch(
            dates: dates, slotMinutes: [15, 30, 45, 60, 90][random.int(0...4)], stepMinutes: [15, 30, 45, 60][random.int(0...3)],
            earliestStart: earliest)
        return Case(zone: zone, search: search, availability: Availability(weekly: weekly, timeOff: timeOff), busy: busy)
    }

    /// Every candidate wall-clock start, turned into instants by trying each offset the zone uses that
    /// day, kept when every quarter hour of the slot reads inside the hours on that date and is free.
    private func reference(_ example: Case) -> [Date] {
        let zone = example.zone
        func wall(_ instant: Int64) -> (day: Int, minute: Int) {
            let seconds = instant + Int64(zone.secondsFromGMT(for: Date(epochSeconds: instant)))
            let day = Int((seconds >= 0 ? seconds : seconds - 86_399) / 86_400)
            return (day, Int(seconds - Int64(day) * 86_400) / 60)
        }
        let blocked = example.busy + example.availability.timeOff.map(\.time)
        var starts: [Int64] = []
        for date in example.search.dates {
            let dayStart = Int64(date.daysSinceEpoch) * 86_400
            let offsets = Set(
                stride(from: dayStart - 86_400, to: dayStart + 2 * 86_400, by: 900).map {
                    Int64(zone.secondsFromGMT(for: Date(epochSeconds: $0)))
                })
            for hours in example.availability.hours(on: date) {
                for minute in stride(from: hours.start.minuteOfDay, to: hours.end.minuteOfDay, by: example.search.stepMinutes) {
                    for offset in offsets {
                        let start = dayStart + Int64(minute) * 60 - offset
                        guard wall(start) == (date.daysSinceEpoch, minute), start >= example.search.earliestStart.epochSeconds else { continue }
                        let quarters = example.search.slotMinutes / 15
                        let inside = (0..<quarters).allSatisfy { quarter in
                            let reading = wall(start + Int64(quarter) * 900)
                            return reading.day == date.daysSinceEpoch && reading.minute >= hours.start.minuteOfDay
                                && reading.minute + 15 <= hours.end.minuteOfDay
                        }
                        let slot = TimeRange(start: Date(epochSeconds: start), minutes: example.search.slotMinutes)
                        if inside && !blocked.contains(where: { $0.overlaps(slot) }) && !starts.contains(start) { starts.append(start) }
                    }
                }
            }
        }
        return starts.sorted().map { Date(epochSeconds: $0) }
    }
}

/// SplitMix64, so that a failing case can be replayed from its seed.
struct TestRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}
