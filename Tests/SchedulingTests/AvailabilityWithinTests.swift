import Foundation
import Testing

@testable import Scheduling

@Suite struct AvailabilityWithinTests {
    /// A tutor's availability read from early bounds on, narrowed to a check's dates and period,
    /// is what reading for those dates and that period returns: all weekly hours, the overrides
    /// on those dates, and the time off that overlaps the period (touching its ends is not overlap).
    @Test func narrowingKeepsTheWeekTheDatesOverridesAndTheOverlappingTimeOff() {
        let weekly = [WeeklyHours(weekday: .monday, hours: WorkingHours(start: time("09:00"), end: time("17:00")))]
        let overrides = ["2026-03-24", "2026-03-26", "2026-03-28"].map { DateOverride(date: date($0), hours: []) }
        func off(_ start: String, _ end: String) -> TimeOff { TimeOff(time: TimeRange(start: instant(start), end: instant(end))!, reason: start) }
        let timeOff = [
            off("2026-03-25T08:00:00Z", "2026-03-26T00:00:00Z"), off("2026-03-26T10:00:00Z", "2026-03-26T11:00:00Z"),
            off("2026-03-26T23:00:00Z", "2026-03-28T01:00:00Z"), off("2026-03-28T00:00:00Z", "2026-03-29T00:00:00Z"),
        ]
        let narrowed = Availability(weekly: weekly, overrides: overrides, timeOff: timeOff).within(
            date("2026-03-25")...date("2026-03-27"), TimeRange(start: instant("2026-03-26T00:00:00Z"), end: instant("2026-03-28T00:00:00Z"))!)
        #expect(narrowed.weekly == weekly)
        #expect(narrowed.overrides.map(\.date) == [date("2026-03-26")])
        #expect(narrowed.timeOff.map(\.reason) == ["2026-03-26T10:00:00Z", "2026-03-26T23:00:00Z"])
    }
}
