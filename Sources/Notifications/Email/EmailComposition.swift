import Foundation
import Storage

/// An outbox message as an email: the stored text, an HTML alternative made from it, and a
/// Message-ID derived from the message's id, so every retry of one notification carries the same one.
struct EmailComposition: Sendable {
    let sender: MailAddress

    func mail(for message: OutboxMessage) -> MailMessage {
        MailMessage(
            from: sender, to: [MailAddress(address: message.address)], subject: message.subject, text: message.body,
            html: Self.html(fromText: message.body),
            attachments: message.attachment.map { [.init(contentType: $0.contentType, filename: $0.filename, content: Data($0.text.utf8))] } ?? [],
            messageID: "\(message.id)@\(domain)", date: message.createdAt)
    }

    private var domain: String { sender.address.split(separator: "@").last.map(String.init) ?? "sessiondesk.invalid" }

    /// Paragraphs from blank lines, line breaks kept, links made clickable; everything escaped.
    static func html(fromText text: String) -> String {
        let paragraphs = text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { paragraph in
            "<p>" + paragraph.split(separator: "\n", omittingEmptySubsequences: false).map { linked(escape(String($0))) }.joined(separator: "<br>\n")
                + "</p>"
        }
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"></head>
            <body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 40em">
            \(paragraphs.joined(separator: "\n"))
            </body></html>
            """
    }

    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `http(s)://…` up to the next space becomes a link (the text is already escaped, so it holds no quote).
    private static func linked(_ escaped: String) -> String {
        escaped.replacing(/https?:\/\/[^\s<]+/) { match in "<a href=\"\(match.output)\">\(match.output)</a>" }
    }
}
