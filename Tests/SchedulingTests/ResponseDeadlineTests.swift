import Foundation
import Testing

@testable import Scheduling

/// The earlier of (asked + response window) and the end of the day before the session, in the
/// organization's zone, on both sides of clock changes.
@Suite struct ResponseDeadlineTests {
    static func due(_ asked: String, _ session: String, zone zoneName: String, cutoff: ResponseCutoff = .endOfDayBefore, window: Int = 72) -> String {
        var settings = OrganizationSettings()
        settings.responseCutoff = cutoff
        settings.responseWindowHours = window
        let due = ResponseDeadline.due(askedAt: instant(asked), sessionStart: instant(session), settings: settings, zone: zone(zoneName))
        let day = zone(zoneName).localDate(of: due)
        return ZoneTimeline(zone: zone(zoneName), covering: day...day).local(due).rfc3339
    }

    @Test func theWindowWinsWhenTheSessionIsFarAway() {
        // Monday 10:00 + 72 h = Thursday 10:00, before the end of Thursday (the day before Friday).
        #expect(Self.due("2026-11-23T10:00:00Z", "2026-11-27T16:00:00Z", zone: "Europe/London") == "2026-11-26T10:00:00+00:00")
    }

    @Test func theDayBeforeWinsWhenTheSessionIsClose() {
        #expect(Self.due("2026-11-23T10:00:00Z", "2026-11-25T09:00:00Z", zone: "Europe/London") == "2026-11-25T00:00:00+00:00")
    }

    @Test func withoutTheCutoffOnlyTheWindowCounts() {
        #expect(Self.due("2026-11-23T10:00:00Z", "2026-11-25T09:00:00Z", zone: "Europe/London", cutoff: .none) == "2026-11-26T10:00:00+00:00")
    }

    @Test func seventyTwoHoursAreElapsedHoursAcrossLondonsSpringChange() {
        // Friday 12:00 GMT + 72 h = Monday 12:00 UTC = 13:00 BST; the day before Tuesday ends at 00:00 BST.
        #expect(Self.due("2026-03-27T12:00:00Z", "2026-03-31T09:00:00Z", zone: "Europe/London") == "2026-03-30T13:00:00+01:00")
    }

    @Test func theCutoffIsLocalMidnightOnTheChangeDayItself() {
        // A session on Sunday 29 March (23-hour day): due at its midnight, still GMT.
        #expect(Self.due("2026-03-26T09:00:00Z", "2026-03-29T09:00:00Z", zone: "Europe/London") == "2026-03-29T00:00:00+00:00")
        // The Monday after: the day before is the short Sunday; Monday starts at 00:00 BST.
        #expect(Self.due("2026-03-27T09:00:00Z", "2026-03-30T09:00:00Z", zone: "Europe/London") == "2026-03-30T00:00:00+01:00")
    }

    @Test func autumnChangesInLondonNewYorkAndSydney() {
        // Thursday 12:00 BST + 72 h = Sunday 11:00 GMT (an hour of wall clock repeats on Sunday).
        #expect(Self.due("2026-10-22T11:00:00Z", "2026-10-26T10:00:00Z", zone: "Europe/London") == "2026-10-25T11:00:00+00:00")
        // New York falls back on 1 November: Monday's midnight is EST.
        #expect(Self.due("2026-10-30T14:00:00Z", "2026-11-02T15:00:00Z", zone: "America/New_York") == "2026-11-02T00:00:00-05:00")
        // Sydney springs forward on 4 October: Monday's midnight is AEDT.
        #expect(Self.due("2026-10-02T00:00:00Z", "2026-10-05T03:00:00Z", zone: "Australia/Sydney") == "2026-10-05T00:00:00+11:00")
    }

    @Test func lordHoweAndKolkata() {
        #expect(Self.due("2026-10-02T00:00:00Z", "2026-10-05T03:00:00Z", zone: "Australia/Lord_Howe") == "2026-10-05T00:00:00+11:00")
        #expect(Self.due("2026-03-01T00:00:00Z", "2026-03-02T06:00:00Z", zone: "Asia/Kolkata") == "2026-03-02T00:00:00+05:30")
    }
}
