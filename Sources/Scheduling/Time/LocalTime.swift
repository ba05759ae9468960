/// A wall-clock time of day in whole minutes, 00:00 through 24:00.
///
/// 24:00 exists so that "until midnight" can end a day's hours without crossing into the next date.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minuteOfDay: Int

    public static let midnight = LocalTime(validMinuteOfDay: 0)
    public static let endOfDay = LocalTime(validMinuteOfDay: 24 * 60)

    public init?(minuteOfDay: Int) {
        guard (0...24 * 60).contains(minuteOfDay) else { return nil }
        self.minuteOfDay = minuteOfDay
    }

    public init?(hour: Int, minute: Int) {
        guard (0...24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.init(minuteOfDay: hour * 60 + minute)
    }

    /// Parses `HH:MM` (24-hour clock, `24:00` allowed).
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(hour: h, minute: m)
    }

    init(validMinuteOfDay: Int) { minuteOfDay = validMinuteOfDay }

    public var hour: Int { minuteOfDay / 60 }
    public var minute: Int { minuteOfDay % 60 }

    /// `09:30`
    public var iso: String {
        var text = TimeText(capacity: 5)
        text.clock(secondOfDay: minuteOfDay * 60, seconds: false)
        return text.string
    }
    public var description: String { iso }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.minuteOfDay < rhs.minuteOfDay }
}
