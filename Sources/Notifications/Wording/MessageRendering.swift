import Foundation
public import Mustache
import Scheduling
import Synchronization

/// Turns a template and a message's values into the words sent. A template is compiled once per
/// text (the standard ones once per process), so sending costs only the rendering.
public struct MessageRendering: Sendable {
    public let subject: MustacheTemplate
    public let body: MustacheTemplate
    public let text: MustacheTemplate?
    /// Whether the subject may differ from one recipient to the next, because its source names a
    /// field that each recipient has their own of (or `.`, the whole set of values). Read from the
    /// source's text: a false "yes" only costs a rendering per recipient.
    public let subjectIsPersonal: Bool

    public init(_ template: MessageTemplate) throws {
        subject = try Self.compile(template.subject)
        body = try Self.compile(template.body)
        text = try template.text.map(Self.compile)
        // `actor` too: the person who made the move reads "You" (see `MessageField.actor`).
        subjectIsPersonal = ["recipient", "actor", "actions", "hasActions", "label", "url", "."].contains { template.subject.contains($0) }
    }

    /// The subject for every recipient of one message at once, from the values they share; nil when
    /// it is personal.
    public func sharedSubject(_ values: [String: Any]) -> String? {
        subjectIsPersonal ? nil : Self.oneLine(subject.render(values))
    }

    /// The words for one recipient: the email's subject and body, or for a text message its text
    /// (the subject then only names the message in lists). `subject` is the shared one, if any.
    public func render(_ values: [String: Any], sms: Bool, subject shared: String? = nil) -> (subject: String, body: String) {
        let subject = shared ?? Self.oneLine(self.subject.render(values))
        if sms, let text {
            return (subject, String(Self.trimmed(text.render(values)).prefix(Self.maxSMS)))
        }
        return (subject, Self.trimmed(body.render(values)))
    }

    /// Gateways split long texts into parts and refuse past 1,600 characters.
    public static let maxSMS = 1600

    /// The standard wording of every kind, compiled on first use.
    public static func standard(_ kind: MessageKind) -> MessageRendering { standards[kind]! }

    private static let standards: [MessageKind: MessageRendering] = Dictionary(
        uniqueKeysWithValues: MessageKind.allCases.map { kind in
            // The standard templates are part of the program; a test renders every one of them.
            (kind, try! MessageRendering(.standard(kind)))
        })

    private static let compiled = Mutex<[String: MustacheTemplate]>([:])

    /// Plain text: values are printed as they are. The email's HTML part escapes the whole result.
    public static func compile(_ source: String) throws -> MustacheTemplate {
        if let known = compiled.withLock({ $0[source] }) { return known }
        let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}" + source)
        compiled.withLock { cache in
            // Edited templates are few; the bound only stops a stream of previews from growing it forever.
            if cache.count > 512 { cache.removeAll() }
            cache[source] = template
        }
        return template
    }

    /// A subject is one header line: newlines and runs of spaces become single spaces.
    public static func oneLine(_ text: String) -> String {
        var spaced = false
        var last: UInt8 = UInt8(ascii: " ")
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t") || (byte == last && byte == UInt8(ascii: " ")) {
                spaced = true
                break
            }
            last = byte
        }
        guard spaced || text.utf8.last == UInt8(ascii: " ") else { return text }
        return text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// Without surrounding blank lines and spaces; cheaper than Foundation's character sets.
    public static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        func blank(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
        }
        guard let first = utf8.firstIndex(where: { !blank($0) }), let last = utf8.lastIndex(where: { !blank($0) }) else { return "" }
        if first == utf8.startIndex && utf8.index(after: last) == utf8.endIndex { return text }
        return String(text[first...last])
    }
}
