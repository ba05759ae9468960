import Foundation
import Scheduling

/// Times as the pages show them: always in the organization's zone, with the zone named.
struct TimeWording {
    let organization: Organization

    /// `16:00–17:00` (or `4:00 PM–5:00 PM`, as the organization writes times), for a list of slots under their date.
    func clock(_ range: TimeRange) -> String {
        let timeline = organization.timeline(covering: organization.localDate(of: range.start)...organization.localDate(of: range.end))
        let format = organization.settings.timeFormat
        return "\(format.text(timeline.local(range.start).time))–\(format.text(timeline.local(range.end).time))"
    }

    /// `Europe/London (GMT)`: the zone every time on a page is in.
    func zone(at now: Date) -> String {
        let today = organization.localDate(of: now)
        return "\(organization.timeZone.identifier) (\(organization.timeline(covering: today...today).abbreviation(at: now)))"
    }

    /// `in 14 h`, `in 2 days 3 h`, `in 35 min`; `now` once it has passed.
    static func countdown(from now: Date, to deadline: Date) -> String {
        let minutes = Int(deadline.timeIntervalSince(now) / 60)
        guard minutes > 0 else { return "now" }
        let days = minutes / 1440, hours = (minutes % 1440) / 60
        let dayText = "\(days) day\(days == 1 ? "" : "s")"
        if days > 0 { return hours > 0 ? "in \(dayText) \(hours) h" : "in \(dayText)" }
        return hours > 0 ? "in \(hours) h" : "in \(minutes) min"
    }
}
