import Foundation
import Scheduling

/// Turns the availability page's forms into changes of a tutor's `Availability`, with a refusal a
/// person understands for what cannot be read.
enum AvailabilityForms {
    typealias Values = [String: String]

    /// The weekly hours form: `mon_1_start`, `mon_1_end`, … (empty pairs are skipped).
    static func weekly(from values: Values) throws(DomainError) -> [WeeklyHours] {
        var weekly: [WeeklyHours] = []
        var issues = IssueList()
        for weekday in Weekday.allCases {
            for index in 1...AvailabilityPage.stretchesPerDay {
                let key = "\(weekday.rawValue)_\(index)"
                let start = values["\(key)_start"] ?? "", end = values["\(key)_end"] ?? ""
                if start.isEmpty && end.isEmpty { continue }
                do throws(DomainError) {
                    weekly.append(WeeklyHours(weekday: weekday, hours: try hours(start, end, field: key, day: weekday.shortName)))
                } catch {
                    issues.add(key, error.message)
                }
            }
        }
        try issues.throwIfAny()
        return weekly
    }

    /// An override for one date: its hours, or none for a day off.
    static func override(from values: Values) throws(DomainError) -> DateOverride {
        guard let date = values["date"].flatMap({ LocalDate(iso: $0) }) else { throw DomainError.invalid("date", "Choose the date to change.") }
        let start = values["start"] ?? "", end = values["end"] ?? ""
        if start.isEmpty && end.isEmpty { return DateOverride(date: date, hours: []) }
        return DateOverride(date: date, hours: [try hours(start, end, field: "start", day: ZoneTimeline.describe(date))])
    }

    /// Time off from one local date and time to another, in the organization's zone.
    static func timeOff(from values: Values, organization: Organization) throws(DomainError) -> TimeOff {
        func instant(_ prefix: String, _ label: String) throws(DomainError) -> Date {
            guard let date = values["\(prefix)Date"].flatMap({ LocalDate(iso: $0) }) else {
                throw DomainError.invalid("\(prefix)Date", "Choose the date the time off \(label).")
            }
            let time = (values["\(prefix)Time"] ?? "").isEmpty ? LocalTime.midnight : LocalTime(iso: values["\(prefix)Time"]!)
            guard let time else { throw DomainError.invalid("\(prefix)Time", "Write the time as hours and minutes, such as 09:30.") }
            guard let instant = organization.timeline(covering: date...date).instants(of: date, at: time).first else {
                throw DomainError.invalid(
                    "\(prefix)Time", "\(time.iso) does not exist on \(ZoneTimeline.describe(date)): the clocks go forward then.")
            }
            return instant
        }
        let start = try instant("from", "starts"), end = try instant("to", "ends")
        guard let range = TimeRange(start: start, end: end) else { throw DomainError.invalid("toDate", "Time off must end after it starts.") }
        return TimeOff(time: range, reason: (values["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Names one time off in a form; stable while other entries come and go.
    static func key(of away: TimeOff) -> String { "\(away.time.start.epochSeconds)-\(away.time.end.epochSeconds)" }

    private static func hours(_ start: String, _ end: String, field: String, day: String) throws(DomainError) -> WorkingHours {
        guard let from = LocalTime(iso: start), let to = LocalTime(iso: end) else {
            throw DomainError.invalid(field, "\(day): give both a start and an end, such as 09:00 and 17:00.")
        }
        guard from < to else { throw DomainError.invalid(field, "\(day): the hours must end after they start (\(from.iso)–\(to.iso)).") }
        return WorkingHours(start: from, end: to)
    }
}
