import Foundation
import Testing

@testable import Scheduling

/// The zones PRODUCT.md's tests must cover, with a 2026 spring and autumn clock change each (Kolkata has none).
let transitionDays: [(zone: String, dates: [String])] = [
    ("Europe/London", ["2026-03-29", "2026-10-25"]),
    ("America/New_York", ["2026-03-08", "2026-11-01"]),
    ("Australia/Sydney", ["2026-04-05", "2026-10-04"]),
    ("Australia/Lord_Howe", ["2026-04-05", "2026-10-04"]),
    ("Pacific/Auckland", ["2026-04-05", "2026-09-27"]),
    ("Asia/Kolkata", ["2026-03-29", "2026-10-25"]),
]

func zone(_ identifier: String) -> TimeZone { TimeZone(identifier: identifier)! }
func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
func time(_ iso: String) -> LocalTime { LocalTime(iso: iso)! }
func instant(_ iso: String) -> Date { try! Date(iso, strategy: .iso8601) }

@Suite struct ZoneTimelineTests {
    @Test(arguments: transitionDays.map(\.zone))
    func offsetsMatchTheZoneDatabaseMinuteByMinute(_ identifier: String) {
        let tz = zone(identifier)
        let dates = transitionDays.first { $0.zone == identifier }!.dates.map(date)
        for day in dates {
            let timeline = ZoneTimeline(zone: tz, covering: day...day)
            let start = Int64(day.daysSinceEpoch - 1) * 86_400
            for minute in stride(from: start, to: start + 3 * 86_400, by: 60) {
                let at = Date(epochSeconds: minute)
                #expect(timeline.local(at).utcOffsetSeconds == tz.secondsFromGMT(for: at), "\(identifier) at \(at.rfc3339UTC)")
            }
        }
    }

    @Test func londonSpringForwardHasAGapAndA23HourDay() {
        let timeline = ZoneTimeline(zone: zone("Europe/London"), covering: date("2026-03-29")...date("2026-03-29"))
        #expect(timeline.instants(of: date("2026-03-29"), at: time("01:30")).isEmpty)
        #expect(timeline.instants(of: date("2026-03-29"), at: time("02:00")) == [instant("2026-03-29T01:00:00Z")])
        let day = timeline.ranges(on: date("2026-03-29"), from: .midnight, to: .endOfDay)
        #expect(day.map(\.duration) == [23 * 3600])
    }

    @Test func londonFallBackRepeatsAnHourAndHasA25HourDay() {
        let timeline = ZoneTimeline(zone: zone("Europe/London"), covering: date("2026-10-25")...date("2026-10-25"))
        #expect(
            timeline.instants(of: date("2026-10-25"), at: time("01:30")) == [instant("2026-10-25T00:30:00Z"), instant("2026-10-25T01:30:00Z")])
        #expect(timeline.ranges(on: date("2026-10-25"), from: .midnight, to: .endOfDay).map(\.duration) == [25 * 3600])
        // 01:30–02:30 on the wall clock is split: 01:30–02:00 BST, then 01:30–02:30 GMT.
        #expect(
            timeline.ranges(on: date("2026-10-25"), from: time("01:30"), to: time("02:30")).map(\.description) == [
                "[2026-10-25T00:30:00Z, 2026-10-25T01:00:00Z)", "[2026-10-25T01:30:00Z, 2026-10-25T02:30:00Z)",
            ])
    }

    @Test func lordHoweShiftsByThirtyMinutes() {
        let timeline = ZoneTimeline(zone: zone("Australia/Lord_Howe"), covering: date("2026-10-04")...date("2026-10-04"))
        // 02:00 becomes 02:30 (+10:30 → +11:00).
        #expect(timeline.instants(of: date("2026-10-04"), at: time("02:15")).isEmpty)
        #expect(timeline.ranges(on: date("2026-10-04"), from: .midnight, to: .endOfDay).map(\.duration) == [23.5 * 3600])
        let autumn = ZoneTimeline(zone: zone("Australia/Lord_Howe"), covering: date("2026-04-05")...date("2026-04-05"))
        #expect(autumn.instants(of: date("2026-04-05"), at: time("01:45")).count == 2)
        #expect(autumn.ranges(on: date("2026-04-05"), from: .midnight, to: .endOfDay).map(\.duration) == [24.5 * 3600])
    }

    @Test func kolkataHasNoClockChange() {
        let timeline = ZoneTimeline(zone: zone("Asia/Kolkata"), covering: date("2026-01-01")...date("2026-12-31"))
        #expect(timeline.segments.count == 1)
        #expect(timeline.local(instant("2026-06-01T00:00:00Z")).rfc3339 == "2026-06-01T05:30:00+05:30")
    }

    @Test func wordingNamesTheZone() {
        let london = ZoneTimeline(zone: zone("Europe/London"), covering: date("2027-01-14")...date("2027-07-14"))
        #expect(london.describe(instant("2027-01-14T16:00:00Z")) == "Thu 14 Jan 16:00 GMT")
        #expect(london.describe(instant("2027-07-14T15:00:00Z")) == "Wed 14 Jul 16:00 BST")
    }

    @Test func rangesNameTheirEndsDayOnlyWhenItDiffers() {
        let london = ZoneTimeline(zone: zone("Europe/London"), covering: date("2027-03-20")...date("2027-03-29"))
        let evening = TimeRange(start: instant("2027-03-27T16:00:00Z"), end: instant("2027-03-27T17:00:00Z"))!
        #expect(london.describe(evening) == "Sat 27 Mar 16:00–17:00 GMT")
        // Across the spring change: 00:30 GMT to 02:30 BST is 90 minutes.
        let overnight = TimeRange(start: instant("2027-03-28T00:30:00Z"), end: instant("2027-03-28T02:00:00Z"))!
        #expect(london.describe(overnight) == "Sun 28 Mar 00:30 GMT–03:00 BST")
        let lateNight = TimeRange(start: instant("2027-03-27T23:00:00Z"), end: instant("2027-03-28T01:00:00Z"))!
        #expect(london.describe(lateNight) == "Sat 27 Mar 23:00 GMT–Sun 28 Mar 02:00 BST")
        let winterNight = TimeRange(start: instant("2027-03-20T23:00:00Z"), end: instant("2027-03-21T01:00:00Z"))!
        #expect(london.describe(winterNight) == "Sat 20 Mar 23:00–Sun 21 Mar 01:00 GMT")
    }

    @Test func samoaSkippedADayAndStartOfDayStillAnswers() {
        let timeline = ZoneTimeline(zone: zone("Pacific/Apia"), covering: date("2011-12-29")...date("2011-12-31"))
        #expect(timeline.ranges(on: date("2011-12-30"), from: .midnight, to: .endOfDay).isEmpty)
        #expect(timeline.startOfDay(date("2011-12-30")) == timeline.startOfDay(date("2011-12-31")))
    }
}

@Suite struct ZoneWordingTests {
    @Test(arguments: [
        ("America/New_York", "2026-07-01T12:00:00Z", "EDT"), ("Australia/Sydney", "2026-07-01T12:00:00Z", "AEST"),
        ("Australia/Lord_Howe", "2026-01-01T12:00:00Z", "LHDT"), ("Pacific/Auckland", "2026-01-01T12:00:00Z", "NZDT"),
        ("Asia/Kolkata", "2026-01-01T12:00:00Z", "IST"), ("Asia/Dubai", "2026-01-01T12:00:00Z", "GST"),
        ("Asia/Yerevan", "2026-01-01T12:00:00Z", "UTC+04:00"),
        ("America/Sao_Paulo", "2026-01-01T12:00:00Z", "UTC-03:00"),
    ])
    func abbreviationsAreThoseLocalsUse(_ zoneName: String, _ at: String, _ expected: String) {
        let when = instant(at)
        let timeline = ZoneTimeline(zone: zone(zoneName), covering: date(String(at.prefix(10)))...date(String(at.prefix(10))))
        #expect(timeline.abbreviation(at: when) == expected)
    }
}

@Suite struct SharedTimelineTests {
    /// One timeline for a whole list words every time exactly as a timeline of its own would,
    /// across daylight-saving changes and at both ends of the list.
    @Test(arguments: ["Europe/London", "Australia/Lord_Howe", "America/New_York", "Asia/Kolkata"])
    func aSharedTimelineWordsEveryInstantLikeItsOwn(_ zone: String) {
        let organization = Organization(id: "o", name: "O", timeZone: TimeZone(identifier: zone)!, currency: "GBP")
        var generator = SystemRandomNumberGenerator()
        let start = Date(timeIntervalSince1970: 1_774_000_000)
        let instants = (0..<300).map { _ in start.addingTimeInterval(TimeInterval(Int.random(in: 0...(400 * 86_400), using: &generator) / 60 * 60)) }
        let shared = organization.timeline(coveringInstants: instants)!
        for instant in instants { #expect(shared.describe(instant) == organization.describe(instant)) }
        #expect(organization.timeline(coveringInstants: []) == nil)
    }
}
