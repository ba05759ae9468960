import Foundation
import Testing

@testable import Scheduling

/// Which booked sessions a tutor's time off or changed hours leave outside their hours.
@Suite struct AvailabilityConflictsTests {
    private func range(_ start: String, _ end: String) -> TimeRange { TimeRange(start: instant(start), end: instant(end))! }

    @Test func timeOffAndUncoveringOverridesFlagSessionsAndWeeklyHoursDoNot() {
        let weekly = (1...5).map { WeeklyHours(weekday: Weekday(isoNumber: $0)!, hours: WorkingHours(start: time("09:00"), end: time("17:00"))) }
        let availability = Availability(
            weekly: weekly,
            overrides: [
                DateOverride(date: date("2026-03-24"), hours: [WorkingHours(start: time("09:00"), end: time("12:00"))]),
                DateOverride(date: date("2026-03-25"), hours: []),
            ],
            timeOff: [TimeOff(time: range("2026-03-26T12:00:00Z", "2026-03-27T00:00:00Z"), reason: "Dentist")])
        let sessions = [
            range("2026-03-23T07:00:00Z", "2026-03-23T08:00:00Z"),  // before Monday's hours: booked by the office on purpose
            range("2026-03-24T10:00:00Z", "2026-03-24T11:00:00Z"),  // inside Tuesday's shorter hours
            range("2026-03-24T11:30:00Z", "2026-03-24T12:30:00Z"),  // runs past them
            range("2026-03-25T10:00:00Z", "2026-03-25T11:00:00Z"),  // Wednesday off
            range("2026-03-26T11:00:00Z", "2026-03-26T12:00:00Z"),  // ends as the time off starts
            range("2026-03-26T11:30:00Z", "2026-03-26T12:30:00Z"),  // overlaps it
        ]
        #expect(
            availability.conflicts(with: sessions, in: TimeZone(identifier: "Europe/London")!) == [sessions[2], sessions[3], sessions[5]])
        #expect(Availability(weekly: weekly).conflicts(with: sessions, in: TimeZone(identifier: "Europe/London")!).isEmpty)
    }

    /// On the day the clocks go forward, 09:00–12:00 in London is 08:00–11:00 UTC.
    @Test func overrideHoursAreWallClockOnADaylightSavingDay() {
        let availability = Availability(
            overrides: [DateOverride(date: date("2026-03-29"), hours: [WorkingHours(start: time("09:00"), end: time("12:00"))])])
        let inside = range("2026-03-29T08:00:00Z", "2026-03-29T09:00:00Z")
        let outside = range("2026-03-29T10:30:00Z", "2026-03-29T11:30:00Z")
        #expect(availability.conflicts(with: [inside, outside], in: TimeZone(identifier: "Europe/London")!) == [outside])
    }
}
