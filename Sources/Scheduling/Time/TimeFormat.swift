import Foundation

/// How an organization writes times of day: `16:30` or `4:30 PM`. Both are read either way, so
/// a person typing the other convention is understood.
public enum TimeFormat: String, CaseIterable, Hashable, Sendable {
    case twentyFourHour = "24h"
    case twelveHour = "12h"

    /// `16:30`, or `4:30 PM`; midnight is `12:00 AM`, noon `12:00 PM`.
    public func text(_ time: LocalTime) -> String {
        switch self {
        case .twentyFourHour: return time.iso
        case .twelveHour:
            let hour = time.hour % 12 == 0 ? 12 : time.hour % 12
            let minute = time.minute < 10 ? "0\(time.minute)" : "\(time.minute)"
            return "\(hour):\(minute) \(time.hour % 24 < 12 ? "AM" : "PM")"
        }
    }

    /// What a person is asked to type: `16:30` or `4:30 PM`.
    public var example: String { text(LocalTime(hour: 16, minute: 30)!) }

    /// Reads `16:30`, `9:05`, `4:30 PM`, `4:30pm`, `4 pm`, `12:15 a.m.`; nil for anything else
    /// (`25:00`, `13:00 PM`, `4.30`). A time of day, so 24:00 is not one.
    public static func parse(_ text: String) -> LocalTime? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces).lowercased())
        var meridiem: Bool?  // true for PM
        for (suffix, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] where rest.hasSuffix(suffix) {
            meridiem = pm
            rest = rest.dropLast(suffix.count)
            while rest.last == " " { rest = rest.dropLast() }
            break
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            parts[0].count <= 2, parts.count == 1 ? meridiem != nil : parts[1].count == 2,
            let hour = Int(parts[0]), let minute = parts.count == 2 ? Int(parts[1]) : 0, minute < 60
        else { return nil }
        switch meridiem {
        case nil:
            guard hour < 24 else { return nil }
            return LocalTime(hour: hour, minute: minute)
        case let pm?:
            guard (1...12).contains(hour) else { return nil }
            return LocalTime(hour: hour % 12 + (pm ? 12 : 0), minute: minute)
        }
    }
}
