/// Dates and times written as text by the byte: every free slot of a listing shows five of them
/// (two instants, two local readings, a label), and building each from small interpolated and
/// padded strings was most of the time a listing took.
struct TimeText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 32) { bytes.reserveCapacity(capacity) }

    /// `value` in decimal, zero-padded to `width` digits.
    mutating func digits(_ value: Int, _ width: Int) {
        var value = value
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            value = -value
        }
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 1 && value / divisor == 0 {
            bytes.append(UInt8(ascii: "0"))
            divisor /= 10
        }
        var text: [UInt8] = []
        repeat {
            text.append(UInt8(ascii: "0") + UInt8(value % 10))
            value /= 10
        } while value > 0
        bytes.append(contentsOf: text.reversed())
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// `2027-01-14`
    mutating func date(_ date: LocalDate) {
        digits(date.year, 4)
        append("-")
        digits(date.month, 2)
        append("-")
        digits(date.day, 2)
    }

    /// `16:00`, or `16:00:30` with `seconds`.
    mutating func clock(secondOfDay: Int, seconds: Bool) {
        digits(secondOfDay / 3600, 2)
        append(":")
        digits(secondOfDay % 3600 / 60, 2)
        if seconds {
            append(":")
            digits(secondOfDay % 60, 2)
        }
    }

    /// `+05:30`, `-04:00`
    mutating func offset(_ seconds: Int) {
        append(seconds < 0 ? "-" : "+")
        digits(abs(seconds) / 3600, 2)
        append(":")
        digits(abs(seconds) % 3600 / 60, 2)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

func pad(_ value: Int, _ width: Int) -> String {
    var text = TimeText(capacity: width)
    text.digits(value, width)
    return text.string
}
