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
        var text = TimeText(capacity: 25)
        text.date(date)
        text.append("T")
        text.clock(secondOfDay: secondOfDay, seconds: true)
        text.offset(utcOffsetSeconds)
        return text.string
    }

    /// `+05:30`, `-04:00`; RFC 3339 writes UTC as `+00:00` when a local offset is meant.
    static func offsetText(_ seconds: Int) -> String {
        var text = TimeText(capacity: 6)
        text.offset(seconds)
        return text.string
    }
}
