import Foundation
import Testing
import Workflows

@Suite struct TimeZoneNamesTests {
    /// Every zone of the system's database and every link to one is accepted and known to
    /// Foundation, with the rules of the zone it names; India's canonical name among them.
    @Test func everyNameOfTheSystemsDatabaseIsAccepted() throws {
        let text = try String(contentsOfFile: "/usr/share/zoneinfo/tzdata.zi", encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        let zones = lines.filter { $0.first == "Z" }.map { $0[1] }.filter { !$0.hasPrefix("Etc/") }
        let links = lines.filter { $0.first == "L" && !$0[2].hasPrefix("Etc/") }.map { ($0[1], $0[2]) }
        #expect(zones.count > 300 && links.count > 50)
        for name in zones { #expect(TimeZoneNames.zone(name)?.identifier == name, "zone \(name)") }
        let summer = Date(timeIntervalSince1970: 1_783_000_000)  // July 2026
        let winter = Date(timeIntervalSince1970: 1_768_000_000)  // January 2026
        for (target, name) in links {
            let zone = try #require(TimeZoneNames.zone(name), "link \(name)")
            let canonical = try #require(TimeZone(identifier: target))
            #expect(
                zone.secondsFromGMT(for: summer) == canonical.secondsFromGMT(for: summer)
                    && zone.secondsFromGMT(for: winter) == canonical.secondsFromGMT(for: winter), "\(name) follows \(target)")
        }
        #expect(TimeZoneNames.zone("Asia/Kolkata")?.secondsFromGMT(for: summer) == 19_800)
        #expect(TimeZoneNames.zone("Asia/Calcutta") != nil && TimeZoneNames.zone("US/Eastern") != nil)
        #expect(TimeZoneNames.zone("UTC") != nil && TimeZoneNames.zone("Australia/Lord_Howe") != nil)
    }

    @Test func abbreviationsOffsetsAndInventionsAreRefused() {
        for name in ["BST", "GMT+1", "Etc/GMT+1", "Etc/GMT-14", "UTC+05:30", "Mars/Olympus_Mons", "europe/london", ""] {
            #expect(TimeZoneNames.zone(name) == nil, "\(name)")
        }
    }
}
