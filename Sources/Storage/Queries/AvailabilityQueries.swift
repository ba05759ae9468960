public import Foundation
import SQLKit
public import Scheduling

extension DB {
    /// The tutor's weekly hours, the overrides dated within `dates` and the time off overlapping `period`.
    public func availability(tutorID: String, organizationID: String, dates: ClosedRange<LocalDate>, period: TimeRange) async throws -> Availability {
        try await availability(
            tutorID: tutorID, organizationID: organizationID, from: dates.lowerBound, through: dates.upperBound, after: period.start,
            before: period.end)
    }

    /// The tutor's weekly hours, the overrides dated `date` or later and the time off ending after `instant`.
    public func availability(tutorID: String, organizationID: String, from date: LocalDate, endingAfter instant: Date) async throws -> Availability {
        try await availability(tutorID: tutorID, organizationID: organizationID, from: date, through: nil, after: instant, before: nil)
    }

    private func availability(
        tutorID: String, organizationID: String, from firstDate: LocalDate, through lastDate: LocalDate?, after start: Date, before end: Date?
    ) async throws -> Availability {
        let weekly = try await sql.raw(
            """
            SELECT weekday, start_minute, end_minute FROM weekly_hours
            WHERE tutor_id = \(bind: tutorID) AND organization_id = \(bind: organizationID)
            ORDER BY weekday, start_minute
            """
        ).all().map(WeeklyHoursRow.init(row:))
        // One row per stretch of hours; a day off has one row with no hours.
        var overrideQuery: SQLQueryString = """
            SELECT d.date, h.start_minute, h.end_minute FROM date_overrides d
            LEFT JOIN date_override_hours h ON h.tutor_id = d.tutor_id AND h.date = d.date
            WHERE d.tutor_id = \(bind: tutorID) AND d.organization_id = \(bind: organizationID) AND d.date >= \(bind: firstDate.iso)
            """
        if let lastDate { overrideQuery += " AND d.date <= \(bind: lastDate.iso)" }
        overrideQuery += " ORDER BY d.date, h.start_minute"
        let overrideRows = try await sql.raw(overrideQuery).all(decoding: OverrideHoursRow.self, keyDecodingStrategy: .snakeCaseColumns)
        var timeOffQuery: SQLQueryString = """
            SELECT starts_at, ends_at, reason FROM time_off
            WHERE tutor_id = \(bind: tutorID) AND organization_id = \(bind: organizationID) AND ends_at > \(bind: start.epochSeconds)
            """
        if let end { timeOffQuery += " AND starts_at < \(bind: end.epochSeconds)" }
        timeOffQuery += " ORDER BY starts_at"
        let timeOff = try await sql.raw(timeOffQuery).all(decoding: TimeOffRow.self, keyDecodingStrategy: .snakeCaseColumns)

        var overrides: [DateOverride] = []
        for row in overrideRows {
            let date = try parseDate(row.date)
            var stretches = overrides.last?.date == date ? overrides.removeLast().hours : []
            if let start = row.startMinute, let end = row.endMinute { stretches.append(try hours(start, end)) }
            overrides.append(DateOverride(date: date, hours: stretches))
        }
        return Availability(
            weekly: try weekly.map { try $0.model() },
            overrides: overrides,
            timeOff: try timeOff.map { try $0.model() })
    }

    /// Replaces the weekly hours, and every override and time off from `today` / `now` on, with `availability`'s.
    /// Past overrides and time off stay as history.
    public func replaceAvailability(
        tutorID: String, organizationID: String, with availability: Availability, today: LocalDate, now: Date
    ) async throws {
        try await sql.raw("DELETE FROM weekly_hours WHERE tutor_id = \(bind: tutorID) AND organization_id = \(bind: organizationID)").run()
        try await sql.raw(
            "DELETE FROM date_overrides WHERE tutor_id = \(bind: tutorID) AND organization_id = \(bind: organizationID) AND date >= \(bind: today.iso)"
        ).run()
        try await sql.raw(
            "DELETE FROM time_off WHERE tutor_id = \(bind: tutorID) AND organization_id = \(bind: organizationID) AND ends_at > \(bind: now.epochSeconds)"
        ).run()
        for entry in availability.weekly {
            try await sql.raw(
                """
                INSERT INTO weekly_hours (tutor_id, organization_id, weekday, start_minute, end_minute)
                VALUES (\(bind: tutorID), \(bind: organizationID), \(bind: entry.weekday.isoNumber),
                        \(bind: entry.hours.start.minuteOfDay), \(bind: entry.hours.end.minuteOfDay))
                """
            ).run()
        }
        for override in availability.overrides {
            try await sql.raw(
                "INSERT INTO date_overrides (tutor_id, organization_id, date) VALUES (\(bind: tutorID), \(bind: organizationID), \(bind: override.date.iso))"
            ).run()
            for stretch in override.hours {
                try await sql.raw(
                    """
                    INSERT INTO date_override_hours (tutor_id, date, start_minute, end_minute)
                    VALUES (\(bind: tutorID), \(bind: override.date.iso), \(bind: stretch.start.minuteOfDay), \(bind: stretch.end.minuteOfDay))
                    """
                ).run()
            }
        }
        for off in availability.timeOff {
            try await sql.raw(
                """
                INSERT INTO time_off (id, tutor_id, organization_id, starts_at, ends_at, reason)
                VALUES (\(bind: UUID().uuidString.lowercased()), \(bind: tutorID), \(bind: organizationID),
                        \(bind: off.time.start.epochSeconds), \(bind: off.time.end.epochSeconds), \(bind: off.reason))
                """
            ).run()
        }
    }
}

private func parseDate(_ text: String) throws -> LocalDate {
    guard let date = LocalDate(iso: text) else { throw CorruptRow("date \(text)") }
    return date
}

private func hours(_ start: Int, _ end: Int) throws -> WorkingHours {
    guard let from = LocalTime(minuteOfDay: start), let to = LocalTime(minuteOfDay: end) else { throw CorruptRow("hours \(start)-\(end)") }
    return WorkingHours(start: from, end: to)
}

/// Column by column: every request's check reads the tutor's week.
private struct WeeklyHoursRow {
    let weekday: Int
    let startMinute: Int
    let endMinute: Int

    init(row: any SQLRow) throws {
        weekday = try row.decode(column: "weekday", as: Int.self)
        startMinute = try row.decode(column: "start_minute", as: Int.self)
        endMinute = try row.decode(column: "end_minute", as: Int.self)
    }

    func model() throws -> WeeklyHours {
        guard let day = Weekday(isoNumber: weekday) else { throw CorruptRow("weekday \(weekday)") }
        return WeeklyHours(weekday: day, hours: try hours(startMinute, endMinute))
    }
}

private struct OverrideHoursRow: Decodable {
    let date: String
    let startMinute: Int?
    let endMinute: Int?
}

private struct TimeOffRow: Decodable {
    let startsAt: Int64
    let endsAt: Int64
    let reason: String

    func model() throws -> TimeOff {
        guard let time = TimeRange(start: Date(epochSeconds: startsAt), end: Date(epochSeconds: endsAt)) else {
            throw CorruptRow("time off \(startsAt)-\(endsAt)")
        }
        return TimeOff(time: time, reason: reason)
    }
}
