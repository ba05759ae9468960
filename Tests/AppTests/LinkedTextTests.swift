import Testing

@testable import Web

/// Which addresses in a message the Messages page makes links of.
@Suite struct LinkedTextTests {
    static let base = "https://desk.test"

    static func render(_ text: String) -> String {
        LinkedText.parts(text, base: base).map { part in part.link.map { "[\(part.text)](\($0))" } ?? part.text }.joined()
    }

    @Test func pagesOfThisSiteBecomeLinksWithoutTheSentencesPunctuation() {
        #expect(
            Self.render("Details: https://desk.test/requests/r1.\nOr (https://desk.test/sessions/s1), or https://desk.test/calendar")
                == "Details: [https://desk.test/requests/r1](/requests/r1).\nOr ([https://desk.test/sessions/s1](/sessions/s1)), or [https://desk.test/calendar](/calendar)"
        )
    }

    @Test func oneUseLinksAndOtherSitesStayText() {
        let text = "Accept: https://desk.test/a/secret\nSet a password: https://desk.test/invitations/t\nhttps://desk.test.evil.example/requests/r1"
        #expect(Self.render(text) == text)
        #expect(LinkedText.parts(text, base: Self.base).allSatisfy { $0.link == nil })
    }
}
