import NIOCore

/// One reply of the server: a code and its text lines (several for `250-` continuations).
struct SMTPResponse: Sendable {
    let code: Int
    let lines: [String]

    var text: String { lines.joined(separator: " / ") }
}

/// Splits the server's bytes into replies (RFC 5321 §4.2: `250-more` continues, `250 last` ends).
struct SMTPResponseDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPResponse

    private var lines: [String] = []

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
            if view.count > 4096 { throw SMTPError.protocolViolation("a reply line longer than 4096 bytes") }
            return .needMoreData
        }
        var bytes = buffer.readBytes(length: newline - view.startIndex + 1) ?? []
        while let last = bytes.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: "\n") { bytes.removeLast() }
        let line = String(decoding: bytes, as: UTF8.self)
        guard line.count >= 3, let code = Int(line.prefix(3)), (200...599).contains(code) else {
            throw SMTPError.protocolViolation("\"\(line.prefix(80))\" is not a reply")
        }
        lines.append(String(line.dropFirst(4)))
        if line.dropFirst(3).first == "-" { return .continue }
        context.fireChannelRead(wrapInboundOut(SMTPResponse(code: code, lines: lines)))
        lines = []
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue, buffer.readableBytes > 0 {}
        return .needMoreData
    }
}
