public import Foundation

/// An email as RFC 5322 and MIME describe it: plain text with an HTML alternative, and optional
/// attachments. Rendering is pure, so the same message renders to the same bytes on every retry.
public struct MailMessage: Sendable {
    public struct Attachment: Sendable {
        /// The full Content-Type, such as `text/calendar; charset=utf-8; method=REQUEST`.
        public let contentType: String
        public let filename: String
        public let content: Data

        public init(contentType: String, filename: String, content: Data) {
            self.contentType = contentType
            self.filename = filename
            self.content = content
        }
    }

    public let from: MailAddress
    public let to: [MailAddress]
    public let subject: String
    public let text: String
    public let html: String?
    public let attachments: [Attachment]
    /// Without angle brackets: `id@host`. The same for every attempt at the same notification.
    public let messageID: String
    public let date: Date

    public init(
        from: MailAddress, to: [MailAddress], subject: String, text: String, html: String?, attachments: [Attachment] = [], messageID: String,
        date: Date
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.attachments = attachments
        self.messageID = messageID
        self.date = date
    }

    /// The message with CRLF line endings, every line at most 78 characters.
    public func rendered() -> String {
        var headers = [
            "Date: \(MailDate.format(date))",
            "From: \(from.header)",
            "To: \(to.map(\.header).joined(separator: ", "))",
            "Message-ID: <\(messageID)>",
            EncodedWord.header("Subject", subject),
            "MIME-Version: 1.0",
        ]
        let body = Self.alternatives(text: text, html: html, boundary: boundary("alt"))
        let entity: MIMEPart
        if attachments.isEmpty {
            entity = body
        } else {
            entity = .multipart(
                "multipart/mixed", boundary: boundary("mix"),
                [body]
                    + attachments.map { attachment in
                        .leaf(
                            headers: [
                                "Content-Type: \(attachment.contentType)", "Content-Transfer-Encoding: base64",
                                "Content-Disposition: attachment; filename=\"\(attachment.filename)\"",
                            ],
                            body: attachment.content.base64EncodedString(options: [
                                .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
                            ])
                        )
                    })
        }
        headers += entity.headers
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + entity.body
    }

    private static func alternatives(text: String, html: String?, boundary: String) -> MIMEPart {
        let plain = MIMEPart.text("text/plain", text)
        guard let html else { return plain }
        return .multipart("multipart/alternative", boundary: boundary, [plain, .text("text/html", html)])
    }

    /// Derived from the Message-ID, so it is stable, and with `=_` which quoted-printable never writes.
    private func boundary(_ role: String) -> String { "=_\(role)_\(messageID.filter { $0.isLetter || $0.isNumber }.prefix(40))" }
}

/// One MIME entity: its headers and its body, both ready to write.
struct MIMEPart {
    let headers: [String]
    let body: String

    static func leaf(headers: [String], body: String) -> MIMEPart { MIMEPart(headers: headers, body: body) }

    static func text(_ type: String, _ content: String) -> MIMEPart {
        MIMEPart(
            headers: ["Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: quoted-printable"],
            body: QuotedPrintable.encode(content))
    }

    static func multipart(_ type: String, boundary: String, _ parts: [MIMEPart]) -> MIMEPart {
        var body = ""
        for part in parts {
            body += "--\(boundary)\r\n" + part.headers.joined(separator: "\r\n") + "\r\n\r\n" + part.body + "\r\n"
        }
        body += "--\(boundary)--\r\n"
        return MIMEPart(headers: ["Content-Type: \(type); boundary=\"\(boundary)\""], body: body)
    }
}
