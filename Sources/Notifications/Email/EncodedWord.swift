import Foundation

/// RFC 2047 encoded words, for header text that is not plain ASCII (a name like "Zoë", an em dash).
enum EncodedWord {
    /// `Name: value`, encoded only if it must be, and folded onto continuation lines.
    static func header(_ name: String, _ value: String) -> String {
        let flat = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if flat.unicodeScalars.allSatisfy({ $0.isASCII }) && name.count + 2 + flat.count <= 78 {
            return "\(name): \(flat)"
        }
        return "\(name): \(encode(flat))"
    }

    /// Base64 words of at most 64 characters (so that `Subject: ` and one word fit a 78-character line), split between characters (never inside one), joined by folding whitespace.
    static func encode(_ text: String) -> String {
        var words: [String] = []
        var chunk = Data()
        for character in text {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > 39 {
                words.append(word(chunk))
                chunk = Data()
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ bytes: Data) -> String { "=?UTF-8?B?\(bytes.base64EncodedString())?=" }
}
