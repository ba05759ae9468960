public import Foundation
import Synchronization

extension ZoneTimeline {
    /// How a person reads an instant in this zone: `Tue 14 Jan 16:00 GMT`.
    public func describe(_ instant: Date) -> String {
        let local = local(instant)
        let date = local.date
        var text = TimeText(capacity: 24)
        text.append(date.weekday.shortName)
        text.append(" ")
        text.digits(date.day, 1)
        text.append(" ")
        text.append(monthNames[date.month - 1])
        text.append(" ")
        text.clock(secondOfDay: local.secondOfDay / 60 * 60, seconds: false)
        text.append(" ")
        text.append(abbreviation(at: instant))
        return text.string
    }

    /// A stretch of time: `Tue 14 Jan 16:00–17:00 GMT`, naming the end's date when it is another
    /// day, and each end's zone name when a clock change falls inside (`00:30 GMT–03:00 BST`).
    public func describe(_ range: TimeRange) -> String {
        let start = local(range.start), end = local(range.end)
        func day(_ date: LocalDate) -> String { "\(date.weekday.shortName) \(date.day) \(monthNames[date.month - 1])" }
        let startZone = abbreviation(at: range.start), endZone = abbreviation(at: range.end)
        let endText = (end.date == start.date ? "" : day(end.date) + " ") + end.time.iso
        guard startZone == endZone else { return "\(day(start.date)) \(start.time.iso) \(startZone)–\(endText) \(endZone)" }
        return "\(day(start.date)) \(start.time.iso)–\(endText) \(startZone)"
    }

    /// `Tue 14 Jan 4:00 PM GMT` when times are written the 12-hour way, else `describe(_:)`.
    public func describe(_ instant: Date, in format: TimeFormat) -> String {
        guard format == .twelveHour else { return describe(instant) }
        let local = local(instant)
        return "\(Self.day(local.date)) \(format.text(local.time)) \(abbreviation(at: instant))"
    }

    /// `Tue 14 Jan 4:00 PM–5:00 PM GMT` when times are written the 12-hour way, else `describe(_:)`.
    public func describe(_ range: TimeRange, in format: TimeFormat) -> String {
        guard format == .twelveHour else { return describe(range) }
        let start = local(range.start), end = local(range.end)
        let startZone = abbreviation(at: range.start), endZone = abbreviation(at: range.end)
        let endText = (end.date == start.date ? "" : Self.day(end.date) + " ") + format.text(end.time)
        guard startZone == endZone else { return "\(Self.day(start.date)) \(format.text(start.time)) \(startZone)–\(endText) \(endZone)" }
        return "\(Self.day(start.date)) \(format.text(start.time))–\(endText) \(startZone)"
    }

    /// `Tue 14 Jan`.
    private static func day(_ date: LocalDate) -> String { "\(date.weekday.shortName) \(date.day) \(monthNames[date.month - 1])" }

    /// A date's month as a person reads it: `Jan 2027`.
    public static func describeMonth(of date: LocalDate) -> String { "\(monthNames[date.month - 1]) \(date.year)" }

    /// A date as a person reads it: `Tue 14 Jan 2027`.
    public static func describe(_ date: LocalDate) -> String {
        "\(date.weekday.shortName) \(date.day) \(monthNames[date.month - 1]) \(date.year)"
    }

    /// The zone's short name at `instant` as people there write it (`GMT`, `BST`, `EDT`, `AEST`, `IST`);
    /// where no English-speaking region names it, the offset (`UTC+04:00`).
    public func abbreviation(at instant: Date) -> String {
        segment(at: instant.epochSeconds)?.abbreviation ?? Self.abbreviation(of: zone, at: instant)
    }

    static func abbreviation(of zone: TimeZone, at instant: Date) -> String {
        let daylight = zone.isDaylightSavingTime(for: instant)
        if let name = ZoneAbbreviations.shared.name(of: zone, daylight: daylight) { return name }
        return "UTC\(LocalDateTime.offsetText(zone.secondsFromGMT(for: instant)))"
    }
}

/// ICU names a zone's letters only in the locale of the zone's own country (`BST` in en_GB, `EDT` in
/// en_US, `AEST` in en_AU); asking each English locale in turn finds them. Cached, as the lookup is slow.
final class ZoneAbbreviations: Sendable {
    static let shared = ZoneAbbreviations()
    private let cache = Mutex<[String: String?]>([:])
    private let locales = ["en_GB", "en_US", "en_AU", "en_NZ", "en_IN", "en_CA", "en_IE", "en_ZA", "en_SG", "en_HK"].map(Locale.init(identifier:))

    func name(of zone: TimeZone, daylight: Bool) -> String? {
        let key = "\(zone.identifier)|\(daylight)"
        if let cached = cache.withLock({ $0[key] }) { return cached }
        let style: NSTimeZone.NameStyle = daylight ? .shortDaylightSaving : .shortStandard
        let name = locales.lazy.compactMap { zone.localizedName(for: style, locale: $0) }.first { name in
            !name.isEmpty && !name.hasPrefix("GMT+") && !name.hasPrefix("GMT-") && !name.hasPrefix("UTC+") && !name.hasPrefix("UTC-")
        }
        cache.withLock { $0[key] = .some(name) }
        return name
    }
}

private let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
