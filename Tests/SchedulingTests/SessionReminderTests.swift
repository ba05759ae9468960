import Foundation
import Scheduling
import Testing

@Suite struct SessionReminderTests {
    let london = TimeZone(identifier: "Europe/London")!
    let longAgo = Date(timeIntervalSince1970: 0)

    func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func fiveInTheMorningLocalTimeAcrossTheClockChange() {
        // London springs forward on Sunday 29 March 2026: 05:00 is 05:00Z the day before and 04:00Z that day.
        #expect(
            SessionReminder.due(forSessionStartingAt: instant("2026-03-28T16:00:00Z"), in: london, now: longAgo) == instant("2026-03-28T05:00:00Z"))
        #expect(
            SessionReminder.due(forSessionStartingAt: instant("2026-03-29T15:00:00Z"), in: london, now: longAgo) == instant("2026-03-29T04:00:00Z"))
        let sydney = TimeZone(identifier: "Australia/Sydney")!
        // 10:00 on Monday 23 March in Sydney (UTC+11) is Sunday 23:00Z; its reminder is Sunday 18:00Z.
        #expect(
            SessionReminder.due(forSessionStartingAt: instant("2026-03-22T23:00:00Z"), in: sydney, now: longAgo) == instant("2026-03-22T18:00:00Z"))
    }

    @Test func noReminderForAnEarlySessionOrOneBookedTheSameMorning() {
        #expect(SessionReminder.due(forSessionStartingAt: instant("2026-03-28T04:30:00Z"), in: london, now: longAgo) == nil, "before 05:00")
        #expect(SessionReminder.due(forSessionStartingAt: instant("2026-03-28T05:00:00Z"), in: london, now: longAgo) == nil, "at 05:00")
        #expect(SessionReminder.due(forSessionStartingAt: instant("2026-03-28T16:00:00Z"), in: london, now: instant("2026-03-28T09:00:00Z")) == nil)
    }
}
