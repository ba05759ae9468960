import Foundation
import Mustache
import Scheduling
import Testing

@testable import Web

/// Rows that templates read without `Mirror` must still offer every one of their properties:
/// one left out of `child(named:)` would render as empty without any error.
@Suite struct WebTemplateRowTests {
    static func expectEveryPropertyReachable(_ row: some MustacheParent) {
        for case let (label?, _) in Mirror(reflecting: row).children {
            #expect(row.child(named: label) != nil, "\(type(of: row)).\(label) is not offered to templates")
        }
    }

    @Test func everyPropertyOfEveryFastRowIsOffered() throws {
        let organization = Organization(id: "o", name: "O", timeZone: TimeZone(identifier: "Europe/London")!, currency: "GBP")
        let start = Date(timeIntervalSince1970: 1_774_519_200)
        let request = SessionRequest(
            id: "r", organizationID: "o", engagementID: "e", tutorID: "t", studentID: "s", subjectID: "m", parentID: "p", replacesSessionID: nil,
            createdAt: start, state: .pending, requestedTime: TimeRange(start: start, end: start.addingTimeInterval(3600))!, respondBy: start,
            updatedAt: start)
        let names = PeopleNames(students: ["s": "S"], subjects: ["m": "M"], tutors: ["t": "T"])
        Self.expectEveryPropertyReachable(
            try #require(
                RequestListItem(
                    request, timeline: organization.timeline(for: [request], now: start), format: .twentyFourHour, names: names, note: "n",
                    needsAnswer: true, now: start)))
        Self.expectEveryPropertyReachable(DashboardPage.UpcomingSession(link: "k", when: "w", subject: "s", students: "s", tutor: "t", location: "l"))
        Self.expectEveryPropertyReachable(CalendarPage.Entry(time: "t", title: "t", href: "h", colour: "c", needsAnswer: true, note: "n"))
    }

    @Test func everyTemplateEscapesByteByByte() throws {
        let folder = try #require(WebResources.templates)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(names.count >= 10)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(text.hasPrefix("{{% CONTENT_TYPE: \(HTMLEscaping.name) }}"), "\(name) escapes with the library's default")
        }
    }

    @Test func aQuoteWithACombiningMarkCannotEndAnAttribute() {
        let escaping = HTMLEscaping()
        #expect(escaping.escapeText("\"\u{301} autofocus onfocus=alert(1) x=\"") == "&quot;\u{301} autofocus onfocus=alert(1) x=&quot;")
        #expect(escaping.escapeText("<script>'&'</script> é 👩‍👩‍👧") == "&lt;script&gt;&#39;&amp;&#39;&lt;/script&gt; é 👩‍👩‍👧")
        #expect(escaping.escapeText("plain") == "plain")
    }
}
