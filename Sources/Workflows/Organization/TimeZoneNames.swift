public import Foundation

/// The time zone names an organization may choose: every zone and link of the system's IANA
/// database (`tzdata.zi`: the zones of `zone1970.tab` and the older names that link to them, such
/// as Asia/Calcutta), but not the fixed offsets of `Etc/` (whose signs read backwards) nor
/// abbreviations such as BST, which follow no daylight-saving rules. Foundation's own list on
/// Linux leaves out canonical names such as Asia/Kolkata, so it serves only where the system has
/// no `tzdata.zi`.
public enum TimeZoneNames {
    /// The zone named `identifier`, or nil when it is not a name of the database.
    public static func zone(_ identifier: String) -> TimeZone? {
        guard names.contains(identifier) else { return nil }
        return TimeZone(identifier: identifier)
    }

    /// Every name accepted.
    public static let names: Set<String> = {
        guard let text = try? String(contentsOfFile: "/usr/share/zoneinfo/tzdata.zi", encoding: .utf8) else {
            return Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC"])
        }
        var names: Set<String> = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            let name: Substring? =
                switch fields.first {
                case "Z" where fields.count > 1: fields[1]
                case "L" where fields.count > 2: fields[2]
                default: nil
                }
            if let name, !name.hasPrefix("Etc/") || name == "Etc/UTC" { names.insert(String(name)) }
        }
        return names
    }()
}
