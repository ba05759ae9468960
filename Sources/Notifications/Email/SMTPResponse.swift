import NIOCore

/// One reply of the server: a code and its text lines (several for `250-` continuations).
struct SMTPResponse: Sendable {
    let code: Int
    let lines: [String]

    var text: String { lines.joined(separator: " / ") }
}

/// Splits the server's bytes into replies (RFC 5321 §4.2: `250-more` continues, `250 last` ends).
struct SMTPReplyParser {
    private var lines: [String] = []

    /// The next whole reply at the front of `buffer`, consuming it; nil until one has arrived.
    mutating func next(from buffer: inout ByteBuffer) throws(SMTPError) -> SMTPResponse? {
        while true {
            let view = buffer.readableBytesView
            guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
                if view.count > 4096 { throw SMTPError.protocolViolation("a reply line longer than 4096 bytes") }
                return nil
            }
            var bytes = buffer.readBytes(length: newline - view.startIndex + 1) ?? []
            while let last = bytes.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: "\n") { bytes.removeLast() }
            let line = String(decoding: bytes, as: UTF8.self)
            guard line.count >= 3, let code = Int(line.prefix(3)), (200...599).contains(code) else {
                throw SMTPError.protocolViolation("\"\(line.prefix(80))\" is not a reply")
            }
            lines.append(String(line.dropFirst(4)))
            if line.dropFirst(3).first == "-" { continue }
            defer { lines = [] }
            return SMTPResponse(code: code, lines: lines)
        }
    }
}
