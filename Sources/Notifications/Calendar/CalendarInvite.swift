public import Foundation
public import Scheduling

/// One event as an iCalendar object (RFC 5545) for an iTIP message (RFC 5546): an invitation
/// (`REQUEST`), or its withdrawal (`CANCEL`). The same `uid` for every message about one session,
/// and a higher `sequence` each time, so calendars update the event instead of adding another.
/// Times are local with the zone's VTIMEZONE, so the event moves with the zone's clock changes.
public struct CalendarInvite: Sendable, Hashable {
    public enum Method: String, Sendable {
        case request = "REQUEST"
        case cancel = "CANCEL"
    }

    public enum Status: String, Sendable {
        /// Asked for or proposed, not agreed yet.
        case tentative = "TENTATIVE"
        case confirmed = "CONFIRMED"
        case cancelled = "CANCELLED"
    }

    public struct Person: Sendable, Hashable {
        public let name: String
        public let email: String

        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }
    }

    public let method: Method
    public let uid: String
    public let sequence: Int
    public let status: Status
    public let time: TimeRange
    public let zone: TimeZone
    public let summary: String
    public let location: String
    public let details: String
    public let organizer: Person
    public let attendees: [Person]
    /// When this version was made (DTSTAMP).
    public let stamp: Date

    public init(
        method: Method, uid: String, sequence: Int, status: Status, time: TimeRange, zone: TimeZone, summary: String, location: String,
        details: String, organizer: Person, attendees: [Person], stamp: Date
    ) {
        self.method = method
        self.uid = uid
        self.sequence = sequence
        self.status = method == .cancel ? .cancelled : status
        self.time = time
        self.zone = zone
        self.summary = summary
        self.location = location
        self.details = details
        self.organizer = organizer
        self.attendees = attendees
        self.stamp = stamp
    }

    /// The MIME type of the attachment: RFC 6047 wants its `method` to match the object's METHOD.
    public var contentType: String { "text/calendar; charset=utf-8; method=\(method.rawValue)" }

    /// The object, with CRLF line endings and lines folded at 75 octets.
    public func rendered() -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SessionDesk//SessionDesk//EN", "CALSCALE:GREGORIAN", "METHOD:\(method.rawValue)"]
        lines += CalendarTimeZone(zone: zone, around: time).lines
        lines += eventLines
        lines.append("END:VCALENDAR")
        return Self.document(lines)
    }

    /// The VEVENT alone, for a feed of many.
    public var eventLines: [String] {
        var lines = [
            "BEGIN:VEVENT",
            "UID:\(Self.text(uid))",
            "SEQUENCE:\(sequence)",
            "DTSTAMP:\(CalendarTimeZone.utc(stamp))",
            "DTSTART;TZID=\(zone.identifier):\(CalendarTimeZone.local(time.start, in: zone))",
            "DTEND;TZID=\(zone.identifier):\(CalendarTimeZone.local(time.end, in: zone))",
            "SUMMARY:\(Self.text(summary))",
            "STATUS:\(status.rawValue)",
            "ORGANIZER;CN=\(Self.parameter(organizer.name)):mailto:\(organizer.email)",
        ]
        for attendee in attendees {
            lines.append("ATTENDEE;CN=\(Self.parameter(attendee.name));ROLE=REQ-PARTICIPANT:mailto:\(attendee.email)")
        }
        if !location.isEmpty { lines.append("LOCATION:\(Self.text(location))") }
        if !details.isEmpty { lines.append("DESCRIPTION:\(Self.text(details))") }
        lines.append("END:VEVENT")
        return lines
    }

    /// TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped.
    public static func text(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") || $0 < 0x20 }) else {
            return value
        }
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r\n": escaped += "\\n"
            case "\r": break
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A parameter value, quoted, without the characters a quoted value cannot hold.
    public static func parameter(_ value: String) -> String {
        // Plain ASCII without quotes or control characters, as names nearly always are, goes as it is.
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 < 0x20 || $0 >= 0x7F }) else { return "\"" + value + "\"" }
        return "\"" + value.filter { $0 != "\"" && !$0.isNewline } + "\""
    }

    /// The lines of an object as one text: each ended by CRLF, those longer than 75 octets folded
    /// onto lines starting with a space, never inside a character's UTF-8 sequence.
    public static func document(_ lines: [String]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count } * 21 / 20 + 2 * lines.count)
        for line in lines {
            var width = 0
            for byte in line.utf8 {
                // A sequence's lead byte says how long it is; its continuation bytes (10xxxxxx) follow it.
                let size = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 0
                if size > 0, width + size > 75 {
                    bytes.append(13)
                    bytes.append(10)
                    bytes.append(32)
                    width = 1
                }
                bytes.append(byte)
                width += 1
            }
            bytes.append(13)
            bytes.append(10)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
