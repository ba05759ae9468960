import Foundation

/// Rows as a spreadsheet opens them: UTF-8 with a byte order mark (so that Excel reads accents),
/// RFC 4180 (CRLF line ends; a field with a comma, quote or line break in quotes, quotes
/// doubled), and a text cell beginning with `=`, `+`, `-` or `@` (or a tab or carriage return)
/// written after an apostrophe, so that a name like `=HYPERLINK(…)` stays text instead of running
/// as a formula (OWASP's CSV injection advice).
struct CSVText {
    private(set) var text = "\u{FEFF}"

    mutating func row(_ fields: [Cell]) {
        text += fields.map(\.written).joined(separator: ",")
        text += "\r\n"
    }

    enum Cell {
        /// Typed by people: neutralised.
        case text(String)
        /// Written by SessionDesk (dates, amounts, counts): as is.
        case value(String)

        var written: String {
            switch self {
            case .value(let value): return Self.quoted(value)
            case .text(let text):
                let dangerous = text.first.map { "=+-@\t\r".contains($0) } ?? false
                return Self.quoted(dangerous ? "'" + text : text)
            }
        }

        private static func quoted(_ field: String) -> String {
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }
}
