import Foundation
import Testing

@testable import Scheduling

@Suite struct LocalDateTests {
    @Test func daysSinceEpochRoundTripsOverCenturies() {
        for days in stride(from: -200_000, through: 200_000, by: 37) {
            #expect(LocalDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }

    @Test func agreesWithFoundationCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for days in stride(from: -30_000, through: 60_000, by: 11) {
            let components = calendar.dateComponents([.year, .month, .day, .weekday], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            let date = LocalDate(daysSinceEpoch: days)
            #expect([date.year, date.month, date.day] == [components.year, components.month, components.day])
            // Foundation counts Sunday as 1.
            #expect(date.weekday.isoNumber == (components.weekday! + 5) % 7 + 1)
        }
    }

    @Test func knownWeekdays() throws {
        #expect(try #require(LocalDate(iso: "1970-01-01")).weekday == .thursday)
        #expect(try #require(LocalDate(iso: "2027-01-14")).weekday == .thursday)
        #expect(try #require(LocalDate(iso: "2026-11-23")).weekday == .monday)
        #expect(try #require(LocalDate(iso: "2000-02-29")).weekday == .tuesday)
    }

    @Test(arguments: ["2027-02-29", "2026-13-01", "2026-04-31", "26-01-01", "2026-1-01", "2026-01-01T00:00", "", "abcd-ef-gh", "２０２６-01-01"])
    func rejectsDatesThatDoNotExistOrAreMalformed(_ text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func leapYears() {
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2100, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
    }

    @Test func localTimeParsing() {
        #expect(LocalTime(iso: "09:30")?.minuteOfDay == 570)
        #expect(LocalTime(iso: "24:00") == .endOfDay)
        #expect(LocalTime(iso: "24:30") == nil)
        #expect(LocalTime(iso: "9:30") == nil)
        #expect(LocalTime(iso: "12:60") == nil)
        #expect(LocalTime(minuteOfDay: 1441) == nil)
    }
}

@Suite struct RFC3339Tests {
    @Test func readsWhatTheRFCWrites() {
        #expect(RFC3339.parse("2027-01-14T16:00:00Z") == instant("2027-01-14T16:00:00Z"))
        #expect(RFC3339.parse("2027-01-14T21:30:00+05:30") == instant("2027-01-14T16:00:00Z"))
        #expect(RFC3339.parse("2027-01-14T16:00:00.250Z")?.timeIntervalSince(instant("2027-01-14T16:00:00Z")) == 0.25)
        #expect(RFC3339.parse("2027-01-14t16:00:00z") == instant("2027-01-14T16:00:00Z"))
        #expect(RFC3339.parse("1457-03-05T07:14:37+21:01") != nil, "offsets beyond ±18 h are still RFC 3339")
        #expect(RFC3339.parse("0000-03-01T00:00:00Z") != nil)
    }

    @Test(arguments: [
        "2027-01-14", "2027-01-14T16:00Z", "2027-02-30T16:00:00Z", "2027-01-14T24:00:00Z", "2027-01-14T16:00:00", "2027-01-14T16:00:00+0530",
        "2027-01-14T16:00:00.Z", "2027-01-14T16:00:00Zjunk",
    ])
    func refusesWhatItIsNot(_ text: String) {
        #expect(RFC3339.parse(text) == nil)
    }
}
