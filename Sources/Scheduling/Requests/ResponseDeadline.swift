public import Foundation

/// When an answer is due: the earlier of the response window after the question was asked, and
/// (by default) the end of the day before the session in the organization's zone (PRODUCT.md:
/// "through the day before": local midnight at the start of the session's day).
public enum ResponseDeadline {
    public static func due(askedAt: Date, sessionStart: Date, settings: OrganizationSettings, zone: TimeZone) -> Date {
        // Elapsed hours: 72 hours are 72 hours even across a clock change.
        let window = askedAt.addingTimeInterval(TimeInterval(settings.responseWindowHours * 3600))
        switch settings.responseCutoff {
        case .none:
            return window
        case .endOfDayBefore:
            return min(window, zone.startOfDay(zone.localDate(of: sessionStart)))
        }
    }
}
