public import Foundation

/// How far from today a session may be placed: the office may log a session up to a year back
/// (last term's catch-up) and anyone may book up to two years ahead. Beyond that a time is a typing
/// mistake (2062 for 2026), and refusing it keeps every later step (reminders, invitations, feeds)
/// within dates people mean.
public enum BookingWindow {
    public static let daysBack = 366
    public static let daysAhead = 2 * 366

    public static func check(_ start: Date, in organization: Organization, now: Date, field: String = "start") throws(DomainError) {
        let today = organization.localDate(of: now)
        let day = organization.localDate(of: start)
        let earliest = today.adding(days: -daysBack), latest = today.adding(days: daysAhead)
        if day < earliest {
            throw DomainError.invalid(field, "Sessions can be logged up to a year back: the earliest date is \(ZoneTimeline.describe(earliest)).")
        }
        if day > latest {
            throw DomainError.invalid(field, "Sessions can be booked up to two years ahead: the latest date is \(ZoneTimeline.describe(latest)).")
        }
    }
}
