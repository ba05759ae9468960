/// What may be typed into a one-line field (a name, a location, an email address): no line breaks
/// or other control characters, which would split an email header or a line of a calendar file,
/// and no bidirectional overrides (U+202A–202E, U+2066–2069), which make text read differently from
/// what it is ("Trojan Source"). Free text, such as a note, keeps its line breaks.
public enum TextRules {
    /// The length every text limit counts: Unicode code points, as JSON Schema's `maxLength` and
    /// `minLength` count them, so the API document and the server agree on every string (Swift's
    /// `count` counts a family emoji as one, JSON Schema as five). The text as sent is measured,
    /// before trimming, because that is what the document describes.
    public static func length(_ text: String) -> Int { text.unicodeScalars.count }

    /// The first character a one-line field may not hold, named for the person who typed it.
    public static func forbiddenInOneLine(_ text: String) -> String? {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x2028, 0x2029: return "a line break"
            case 0x00...0x1F, 0x7F...0x9F: return "a control character"
            case 0x202A...0x202E, 0x2066...0x2069: return "a text-direction control character"
            default: continue
            }
        }
        return nil
    }

    /// Refuses `text` for `field` when it holds what a one-line field may not; `label` names the
    /// field for people ("A name").
    public static func checkOneLine(_ text: String, field: String, label: String) throws(DomainError) {
        if let forbidden = forbiddenInOneLine(text) {
            throw DomainError.invalid(field, "\(label) must be one line of text without \(forbidden).")
        }
    }

    /// The same check among others, for forms that report every problem at once.
    public static func checkOneLine(_ text: String, field: String, label: String, into issues: inout IssueList) {
        if let forbidden = forbiddenInOneLine(text) { issues.add(field, "\(label) must be one line of text without \(forbidden).") }
    }
}
