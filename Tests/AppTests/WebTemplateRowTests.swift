import Foundation
import Mustache
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

    @Test func everyPropertyOfEveryFastRowIsOffered() {
        Self.expectEveryPropertyReachable(
            OfficeRequestsPage.Row(
                link: "l", when: "w", what: "w", state: "s", colour: "c", needsAnswer: true, due: "d", parentReplied: false, note: "n"))
        Self.expectEveryPropertyReachable(
            DashboardPage.WaitingRequest(
                link: "l", when: "w", subject: "s", student: "s", tutor: "t", due: "d", parentReplied: true, note: "n", colour: "c",
                needsAnswer: false))
        Self.expectEveryPropertyReachable(DashboardPage.UpcomingSession(when: "w", subject: "s", students: "s", tutor: "t", location: "l"))
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
