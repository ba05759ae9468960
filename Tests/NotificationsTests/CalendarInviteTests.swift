import Foundation
import Scheduling
import Testing

@testable import Notifications

@Suite struct CalendarInviteTests {
    func invite(
        _ method: CalendarInvite.Method, zone: String = "Europe/London", summary: String = "Maths with Ada", start: TimeInterval = 1_774_951_200
    ) -> CalendarInvite {
        CalendarInvite(
            method: method, uid: "request-r1@desk.example", sequence: 2, status: .confirmed,
            time: TimeRange(start: Date(timeIntervalSince1970: start), minutes: 60), zone: TimeZone(identifier: zone)!,
            summary: summary, location: "Room 1", details: "Line one\nLine two",
            organizer: .init(name: "Northside \"Tutoring\"", email: "office@northside.example"),
            attendees: [.init(name: "Grace", email: "grace@family.example")], stamp: Date(timeIntervalSince1970: 1_774_260_000))
    }

    @Test func anInvitationInLocalTimeWithItsZone() {
        let text = invite(.request).rendered()
        // 1_774_951_200 is Tue 31 Mar 2026 10:00 UTC: 11:00 in London, after the clocks went forward.
        #expect(text.contains("DTSTART;TZID=Europe/London:20260331T110000\r\n") && text.contains("DTEND;TZID=Europe/London:20260331T120000\r\n"))
        #expect(text.contains("METHOD:REQUEST\r\n") && text.contains("STATUS:CONFIRMED\r\n") && text.contains("SEQUENCE:2\r\n"))
        #expect(text.contains("DTSTAMP:20260323T100000Z\r\n"))
        #expect(text.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:BST\r\n"))
        #expect(text.contains("BEGIN:STANDARD\r\nDTSTART:20251026T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\n"))
        #expect(text.contains("ORGANIZER;CN=\"Northside Tutoring\":mailto:office@northside.example\r\n"))
        #expect(text.contains("DESCRIPTION:Line one\\nLine two\r\n"))
        #expect(invite(.request).contentType == "text/calendar; charset=utf-8; method=REQUEST")
    }

    @Test func aCancellationSaysSoTwice() {
        let cancel = invite(.cancel)
        #expect(cancel.status == .cancelled && cancel.contentType.hasSuffix("method=CANCEL"))
        #expect(cancel.rendered().contains("METHOD:CANCEL\r\n") && cancel.rendered().contains("STATUS:CANCELLED\r\n"))
    }

    @Test func zonesWithoutClockChangesAndLongTextFoldSafely() {
        let text = invite(.request, zone: "Asia/Kolkata", summary: "Mathématiques, niveau avancé; " + String(repeating: "é", count: 60)).rendered()
        #expect(text.contains("BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\n"))
        #expect(!text.contains("BEGIN:DAYLIGHT"))
        #expect(text.contains("SUMMARY:Mathématiques\\, niveau avancé\\; "))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains(String(repeating: "é", count: 60)), "folding never splits a character")

        // Characters of one to four octets, so that folds fall next to each kind.
        let mixed = "Cours: " + String(repeating: "漢🎓é a", count: 30)
        let folded = invite(.request, zone: "Asia/Kolkata", summary: mixed).rendered()
        #expect(folded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "").contains("SUMMARY:Cours: " + String(repeating: "漢🎓é a", count: 30) + "\r\n"))
        #expect(!folded.contains("\u{FFFD}"))
    }

    @Test func namesInParametersLoseQuotesAndLineBreaksOnly() {
        #expect(CalendarInvite.parameter("Ms Shah") == "\"Ms Shah\"")
        #expect(CalendarInvite.parameter("Zoë \"Z\" O'Neil\nJr") == "\"Zoë Z O'NeilJr\"")
    }

    @Test func theFirstAndLastYearsADateCanHoldStillRender() {
        for (start, zone) in [(-62_135_596_800.0, "America/Los_Angeles"), (253_402_297_000, "Pacific/Kiritimati")] {
            // 0001-01-01 00:00 UTC is still year 0 in Los Angeles; 9999-12-31 is year 10000 in Kiritimati.
            let text = invite(.request, zone: zone, start: start).rendered()
            #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:\(zone)\r\n") && text.contains("END:VCALENDAR"), "\(zone)")
        }
    }
}
