public import Foundation
public import Scheduling

/// A person's calendar as a subscription (RFC 5545, METHOD:PUBLISH): their sessions, each with the
/// UID and SEQUENCE of the invitations they were sent, so a calendar holding both shows one event.
public struct CalendarFeed: Sendable {
    public let name: String
    public let zone: TimeZone
    /// Events of one zone; their `method` is ignored (a feed publishes, it neither invites nor cancels).
    public let events: [CalendarInvite]

    public init(name: String, zone: TimeZone, events: [CalendarInvite]) {
        self.name = name
        self.zone = zone
        self.events = events
    }

    public func rendered() -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SessionDesk//SessionDesk//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:\(CalendarInvite.text(name))", "X-WR-TIMEZONE:\(zone.identifier)",
        ]
        if let first = events.map(\.time.start).min(), let last = events.map(\.time.end).max(), let span = TimeRange(start: first, end: last) {
            lines += CalendarTimeZone(zone: zone, around: span).lines
        }
        for event in events { lines += event.eventLines }
        lines.append("END:VCALENDAR")
        return CalendarInvite.document(lines)
    }
}
