import Foundation
import Storage

/// An outbox message as an email: the stored text, an HTML alternative made from it, and a
/// Message-ID derived from the message's id, so every retry of one notification carries the same one.
struct EmailComposition: Sendable {
    let sender: MailAddress

    func mail(for message: OutboxMessage) -> MailMessage {
        MailMessage(
            from: sender, to: [MailAddress(address: message.address)], subject: message.subject, text: message.body,
            html: Self.html(fromText: message.body, title: message.subject),
            attachments: message.attachment.map { [.init(contentType: $0.contentType, filename: $0.filename, content: Data($0.text.utf8))] } ?? [],
            messageID: "\(message.id)@\(domain)", date: message.createdAt)
    }

    private var domain: String { sender.address.split(separator: "@").last.map(String.init) ?? "sessiondesk.invalid" }

    /// `title` is the subject, which screen readers announce. Paragraphs from blank lines, line
    /// breaks kept, everything escaped. A line `Label: URL` (an
    /// answer link, "Details") becomes a button named by its label; a line holding only a URL
    /// becomes a button named by the line before it ("Choose your password here (…):" gives
    /// "Choose your password"); other addresses in the text become links.
    static func html(fromText text: String, title: String) -> String {
        let paragraphs = text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { paragraph in
            let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var html: [String] = []
            for (index, line) in lines.enumerated() {
                if let (label, url) = labelledLink(line) {
                    // A link on its own ("Details") is the quieter kind; answer links are the actions.
                    html.append(button(label, url, primary: lines.count > 1))
                } else if isAddress(line) {
                    html.append(button(index > 0 ? label(introducedBy: lines[index - 1]) : "Open the link", line))
                } else {
                    html.append(linked(escape(line)) + "<br>")
                }
            }
            return "<p>" + html.joined(separator: "\n").replacing(/<br>$/, with: "") + "</p>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title></head>
            <body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 40em">
            \(paragraphs.joined(separator: "\n"))
            </body></html>
            """
    }

    private static func isAddress(_ line: String) -> Bool { line.wholeMatch(of: /https?:\/\/\S+/) != nil }

    /// "Accept: https://…" → ("Accept", "https://…"); a short label only, so a sentence that ends in an address stays a sentence.
    private static func labelledLink(_ line: String) -> (String, String)? {
        guard let match = line.wholeMatch(of: /([^:]{1,40}): (https?:\/\/\S+)/) else { return nil }
        return (String(match.output.1), String(match.output.2))
    }

    /// The words before " here", " (" or the closing colon of the line that introduces an address.
    private static func label(introducedBy line: String) -> String {
        let words = line.split(separator: " here", maxSplits: 1).first.map(String.init) ?? line
        let label = (words.split(separator: " (", maxSplits: 1).first.map(String.init) ?? words).trimmingCharacters(
            in: CharacterSet(charactersIn: ": "))
        return (2...40).contains(label.count) ? label : "Open the link"
    }

    /// A link drawn as a button with inline styles: mail programs drop style sheets.
    private static func button(_ label: String, _ url: String, primary: Bool = true) -> String {
        let colours =
            primary
            ? "background: #1f5fbf; color: #ffffff; border: 1px solid #1f5fbf" : "background: #ffffff; color: #1f5fbf; border: 1px solid #1f5fbf"
        return "<a href=\"\(escape(url))\" style=\"display: inline-block; margin: 0.25em 0.5em 0.25em 0; padding: 0.55em 1.1em; border-radius: 6px; "
            + "\(colours); font-weight: 600; text-decoration: none\">\(escape(label))</a>"
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
