import Foundation
import Testing

@testable import Scheduling

@Suite struct FreeSlotsTests {
    private func weekly(_ days: ClosedRange<Int>, _ start: String, _ end: String) -> [WeeklyHours] {
        days.map { WeeklyHours(weekday: Weekday(isoNumber: $0)!, hours: WorkingHours(start: time(start), end: time(end))) }
    }

    private func find(
        _ zoneName: String, _ first: String, _ last: String, weekly: [WeeklyHours], overrides: [DateOverride] = [], timeOff: [TimeOff] = [],
        busy: [TimeRange] = [], slot: Int = 60, step: Int = 60, earliest: String = "2000-01-01T00:00:00Z"
    ) -> [String] {
        let dates = date(first)...date(last)
        let timeline = ZoneTimeline(zone: zone(zoneName), covering: dates)
        return FreeSlots.find(
            FreeSlotSearch(dates: dates, slotMinutes: slot, stepMinutes: step, earliestStart: instant(earliest)),
            availability: Availability(weekly: weekly, overrides: overrides, timeOff: timeOff), busy: busy, timeline: timeline
        ).map { timeline.local($0.start).rfc3339 }
    }

    @Test func ordinaryDaySlotsOnTheStepFromTheStartOfHours() {
        #expect(
            find("Europe/London", "2026-11-23", "2026-11-23", weekly: weekly(1...5, "09:00", "11:00"), step: 30) == [
                "2026-11-23T09:00:00+00:00", "2026-11-23T09:30:00+00:00", "2026-11-23T10:00:00+00:00",
            ])
    }

    @Test func busyTimeAndTimeOffAreRemovedAndBackToBackIsAllowed() {
        let busy = [TimeRange(start: instant("2026-11-23T10:00:00Z"), minutes: 60)]
        let off = [TimeOff(time: TimeRange(start: instant("2026-11-23T13:00:00Z"), minutes: 90), reason: "dentist")]
        #expect(
            find("Europe/London", "2026-11-23", "2026-11-23", weekly: weekly(1...1, "09:00", "15:00"), timeOff: off, busy: busy) == [
                "2026-11-23T09:00:00+00:00", "2026-11-23T11:00:00+00:00", "2026-11-23T12:00:00+00:00",
            ])
    }

    @Test func noticeCutsOffEarlySlots() {
        #expect(
            find("Europe/London", "2026-11-23", "2026-11-23", weekly: weekly(1...1, "09:00", "12:00"), earliest: "2026-11-23T09:01:00Z") == [
                "2026-11-23T10:00:00+00:00", "2026-11-23T11:00:00+00:00",
            ])
    }

    @Test func overridesReplaceTheWeekAndEmptyOverrideMeansAway() {
        let overrides = [
            DateOverride(date: date("2026-11-23"), hours: [WorkingHours(start: time("18:00"), end: time("19:00"))]),
            DateOverride(date: date("2026-11-24"), hours: []),
        ]
        #expect(
            find("Europe/London", "2026-11-23", "2026-11-25", weekly: weekly(1...5, "09:00", "10:00"), overrides: overrides) == [
                "2026-11-23T18:00:00+00:00", "2026-11-25T09:00:00+00:00",
            ])
    }

    @Test func londonSpringForwardSkipsTheMissingHour() {
        #expect(
            find("Europe/London", "2026-03-29", "2026-03-29", weekly: weekly(7...7, "00:00", "04:00")) == [
                "2026-03-29T00:00:00+00:00", "2026-03-29T02:00:00+01:00", "2026-03-29T03:00:00+01:00",
            ])
    }

    @Test func londonFallBackOffersTheRepeatedHourTwice() {
        #expect(
            find("Europe/London", "2026-10-25", "2026-10-25", weekly: weekly(7...7, "00:00", "03:00")) == [
                "2026-10-25T00:00:00+01:00", "2026-10-25T01:00:00+01:00", "2026-10-25T01:00:00+00:00", "2026-10-25T02:00:00+00:00",
            ])
    }

    @Test func newYorkSpringForwardAtTwo() {
        #expect(
            find("America/New_York", "2026-03-08", "2026-03-08", weekly: weekly(7...7, "01:00", "04:00")) == [
                "2026-03-08T01:00:00-05:00", "2026-03-08T03:00:00-04:00",
            ])
    }

    @Test func sydneyAndAucklandFallBackAtThree() {
        #expect(
            find("Australia/Sydney", "2026-04-05", "2026-04-05", weekly: weekly(7...7, "02:00", "03:00")) == [
                "2026-04-05T02:00:00+11:00", "2026-04-05T02:00:00+10:00",
            ])
        #expect(
            find("Pacific/Auckland", "2026-09-27", "2026-09-27", weekly: weekly(7...7, "01:00", "04:00")) == [
                "2026-09-27T01:00:00+12:00", "2026-09-27T03:00:00+13:00",
            ])
    }

    @Test func lordHoweHalfHourShift() {
        #expect(
            find("Australia/Lord_Howe", "2026-10-04", "2026-10-04", weekly: weekly(7...7, "01:00", "04:00"), slot: 30, step: 30) == [
                "2026-10-04T01:00:00+10:30", "2026-10-04T01:30:00+10:30", "2026-10-04T02:30:00+11:00", "2026-10-04T03:00:00+11:00",
                "2026-10-04T03:30:00+11:00",
            ])
    }

    @Test func kolkataHalfHourOffsetWithoutDaylightSaving() {
        #expect(
            find("Asia/Kolkata", "2026-03-29", "2026-03-29", weekly: weekly(7...7, "09:00", "11:00")) == [
                "2026-03-29T09:00:00+05:30", "2026-03-29T10:00:00+05:30",
            ])
    }

    @Test func workingHoursAcrossAWeekInLondonStayAtTheSameWallClockAcrossTheChange() {
        let slots = find("Europe/London", "2026-10-19", "2026-10-30", weekly: weekly(1...5, "16:00", "17:00"))
        #expect(slots.count == 10)
        #expect(slots.allSatisfy { $0.contains("T16:00:00") })
    }
}
