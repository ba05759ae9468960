/// What a wall clock in some zone shows at one instant, with the offset that makes it unambiguous.
public struct LocalDateTime: Hashable, Sendable {
    public let date: LocalDate
    /// 0 ..< 86 400
    public let secondOfDay: Int
    /// Seconds east of UTC in force at that instant.
    public let utcOffsetSeconds: Int

    public var time: LocalTime { LocalTime(validMinuteOfDay: secondOfDay / 60) }

    /// `2027-01-14T16:00:00+00:00`, `2026-10-04T02:30:00+10:30`
    public var rfc3339: String {
        let h = secondOfDay / 3600, m = secondOfDay % 3600 / 60, s = secondOfDay % 60
        return "\(date.iso)T\(pad(h, 2)):\(pad(m, 2)):\(pad(s, 2))\(LocalDateTime.offsetText(utcOffsetSeconds))"
    }

    /// `+05:30`, `-04:00`; RFC 3339 writes UTC as `+00:00` when a local offset is meant.
    static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        return "\(sign)\(pad(magnitude / 3600, 2)):\(pad(magnitude % 3600 / 60, 2))"
    }
}
