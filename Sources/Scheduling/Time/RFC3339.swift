public import Foundation

/// Reads RFC 3339 date-times exactly as the RFC writes them: `2027-01-14T16:00:00Z`,
/// `2027-01-14T16:00:00.25+05:30`, any offset from -23:59 to +23:59, years 0000–9999. A leap
/// second (`:60`) is refused: nothing here happens at one, and reading it as `:59` would move it.
public enum RFC3339 {
    public static func parse(_ text: String) -> Date? {
        let characters = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= characters.count else { return nil }
            var value = 0
            for byte in characters[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        func byte(_ index: Int) -> UInt8? { index < characters.count ? characters[index] : nil }
        guard characters.count >= 20, let year = number(0..<4), byte(4) == 45, let month = number(5..<7), byte(7) == 45,
            let day = number(8..<10), [84, 116, 32].contains(byte(10)), let hour = number(11..<13), byte(13) == 58,
            let minute = number(14..<16), byte(16) == 58, let second = number(17..<19),
            let date = LocalDate(year: year, month: month, day: day), hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var fraction = 0.0
        if byte(index) == 46 {
            index += 1
            var scale = 0.1
            let start = index
            while let digit = byte(index), (48...57).contains(digit) {
                fraction += Double(digit - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        var offset = 0
        switch byte(index) {
        case 90, 122:  // Z, z
            index += 1
        case 43, 45:  // +, -
            guard let offsetHour = number(index + 1..<index + 3), byte(index + 3) == 58, let offsetMinute = number(index + 4..<index + 6),
                offsetHour < 24, offsetMinute < 60
            else { return nil }
            offset = (offsetHour * 3600 + offsetMinute * 60) * (byte(index) == 45 ? -1 : 1)
            index += 6
        default:
            return nil
        }
        guard index == characters.count else { return nil }
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}
