import Foundation
public import Mustache
import Scheduling
import Synchronization

/// Turns a template and a message's values into the words sent. Templates are compiled once per
/// text (an organization's edited template included) and kept.
enum MessageRendering {
    private static let compiled = Mutex<[String: MustacheTemplate]>([:])

    /// Plain text: values are printed as they are. The email's HTML part escapes the whole result.
    static func compile(_ source: String) throws -> MustacheTemplate {
        if let known = compiled.withLock({ $0[source] }) { return known }
        let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}" + source)
        compiled.withLock { cache in
            // Edited templates are few; the bound only stops a stream of previews from growing it forever.
            if cache.count > 512 { cache.removeAll() }
            cache[source] = template
        }
        return template
    }

    static func render(_ template: MessageTemplate, _ values: [String: Any], sms: Bool) throws -> (subject: String, body: String) {
        let subject = oneLine(try compile(template.subject).render(values))
        if sms, let text = template.text {
            return (subject, String(try compile(text).render(values).trimmingCharacters(in: .whitespacesAndNewlines).prefix(maxSMS)))
        }
        return (subject, try compile(template.body).render(values).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Gateways split long texts into parts and refuse past 1,600 characters.
    static let maxSMS = 1600

    /// A subject is one header line: newlines and runs of spaces become single spaces.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }
}
