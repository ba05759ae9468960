/// RFC 2045 quoted-printable: readable for ASCII text, safe for any UTF-8, lines of at most 76.
enum QuotedPrintable {
    static func encode(_ text: String) -> String {
        var output = ""
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 { output += "\r\n" }
            output += encodeLine(Array(line.utf8))
        }
        return output
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var output = ""
        var width = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            // Spaces at the end of a line are eaten by some relays, so those are encoded too.
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !isLast)
            let piece = literal ? String(UnicodeScalar(byte)) : "=" + hex(byte)
            if width + piece.count > (isLast ? 76 : 75) {
                output += "=\r\n"
                width = 0
            }
            output += piece
            width += piece.count
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
