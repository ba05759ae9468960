public import Foundation

/// How far from today a session may be placed: the office may log a session up to a year back
/// (last term's catch-up) and anyone may book up to two years ahead. Beyond that a time is a typing
/// mistake (2062 for 2026), and refusing it keeps every later step (reminders, invitations, feeds)
/// within dates people mean.
public enum BookingWindow {
    public static let daysBack = 366
    public static let daysAhead = 2 * 366

    /// The first date a session may be on, in the organization's zone.
    public static func earliestDate(in organization: Organization, now: Date) -> LocalDate {
        organization.localDate(of: now).adding(days: -daysBack)
    }

    /// The last date a session may be on, in the organization's zone.
    public static func latestDate(in organization: Organization, now: Date) -> LocalDate {
        organization.localDate(of: now).adding(days: daysAhead)
    }

    /// "Sessions can be booked up to two years ahead: the latest date is Fri 24 Mar 2028."
    public static func aheadRule(in organization: Organization, now: Date) -> String {
        "Sessions can be booked up to two years ahead: the latest date is \(ZoneTimeline.describe(latestDate(in: organization, now: now)))."
    }

    public static func check(_ start: Date, in organization: Organization, now: Date, field: String = "start") throws(DomainError) {
        let day = organization.localDate(of: start)
        let earliest = earliestDate(in: organization, now: now)
        if day < earliest {
            throw DomainError.invalid(field, "Sessions can be logged up to a year back: the earliest date is \(ZoneTimeline.describe(earliest)).")
        }
        if day > latestDate(in: organization, now: now) { throw DomainError.invalid(field, aheadRule(in: organization, now: now)) }
    }
}
