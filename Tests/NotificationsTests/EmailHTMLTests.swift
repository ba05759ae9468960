import Foundation
import Testing

@testable import Notifications

/// The HTML alternative of an email: answer links and "Details" as buttons named by their labels,
/// an address alone on its line as a button named by the line introducing it, nothing raw.
@Suite struct EmailHTMLTests {
    @Test func answerLinksAndDetailsBecomeNamedButtons() {
        let html = EmailComposition.html(
            fromText: """
                Hello Amara,

                Answer without logging in (each link works once):
                Accept: https://desk.test/a/abc
                Decline: https://desk.test/a/d&e

                Details: https://desk.test/requests/1

                — Northside <Tutoring>
                """, title: "Session requested: Maths & more")
        #expect(html.contains(#"<html lang="en"><head><meta charset="utf-8"><title>Session requested: Maths &amp; more</title>"#))
        #expect(html.contains("Answer without logging in (each link works once):<br>"))
        #expect(html.contains(#"<a href="https://desk.test/a/abc" style="#) && html.contains(#">Accept</a>"#))
        #expect(html.contains(#"<a href="https://desk.test/a/d&amp;e" style="#) && html.contains(#">Decline</a>"#))
        #expect(html.contains(#">Details</a>"#))
        #expect(!html.contains(">https://"), "no address is shown as text")
        #expect(html.contains("— Northside &lt;Tutoring&gt;"))
    }

    @Test func anAddressAloneIsNamedByTheLineBeforeIt() {
        let html = EmailComposition.html(
            fromText: """
                Choose your password here (the link works once, until Mon 14 Dec):
                https://desk.test/invitations/xyz

                Write to us at https://northside.example/contact if anything is unclear.
                """, title: "Invitation")
        #expect(html.contains(#"<a href="https://desk.test/invitations/xyz" style="#) && html.contains(#">Choose your password</a>"#))
        #expect(
            html.contains(#"Write to us at <a href="https://northside.example/contact">https://northside.example/contact</a> if anything"#),
            "an address inside a sentence stays a plain link")
    }
}
