import Foundation
import Mustache
public import Scheduling

/// What an organization's template must be before it is saved, each refusal saying where and why.
public enum MessageTemplateRules {
    public static func check(_ template: MessageTemplate, for kind: MessageKind) throws(DomainError) {
        try check(template.subject, field: "subject", kind: kind, limit: 300)
        try TextRules.checkOneLine(template.subject, field: "subject", label: "A subject")
        try check(template.body, field: "body", kind: kind, limit: 20_000)
        if kind.canBeTexted {
            try check(template.text ?? "", field: "text", kind: kind, limit: 480)
        } else if template.text != nil {
            throw DomainError.invalid("text", "\(kind.title) messages go by email only, so they have no text message.")
        }
    }

    private static func check(_ source: String, field: String, kind: MessageKind, limit: Int) throws(DomainError) {
        guard !source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw DomainError.invalid(field, "The \(label(field)) cannot be empty.")
        }
        guard TextRules.length(source) <= limit else { throw DomainError.invalid(field, "The \(label(field)) can be at most \(limit) characters.") }
        let known = Set(kind.fields.map(\.name))
        for tag in tags(in: source) {
            if let sigil = tag.first, ">%=<$".contains(sigil) {
                throw DomainError.invalid(field, "{{\(tag)}} is not allowed here: templates print fields and show or hide sections only.")
            }
            if tag.first == "!" { continue }
            let name = tag.drop { "#^/&{".contains($0) }.trimmingCharacters(in: .whitespaces)
            let head = name.split(separator: ".").first.map(String.init) ?? name
            guard name == "." || known.contains(head) else {
                throw DomainError.invalid(
                    field, "{{\(tag)}} is not a field of this message. Fields: \(kind.fields.map(\.name).joined(separator: ", ")).")
            }
        }
        do {
            _ = try MessageRendering.compile(source)
        } catch let error as MustacheTemplate.ParserError {
            throw DomainError.invalid(field, "The \(label(field)) has a mistake on line \(error.context.lineNumber): \(explain(error.error)).")
        } catch {
            throw DomainError.invalid(field, "The \(label(field)) is not a template: \(error).")
        }
    }

    /// The inside of every `{{…}}` (and `{{{…}}}`), in order.
    public static func tags(in source: String) -> [String] {
        var tags: [String] = []
        var rest = source[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            var inside = rest[open.upperBound..<close.lowerBound]
            var after = close.upperBound
            if inside.hasPrefix("{"), rest[after...].hasPrefix("}") {
                inside = inside.dropFirst()
                after = rest.index(after: after)
            }
            tags.append(inside.trimmingCharacters(in: .whitespaces))
            rest = rest[after...]
        }
        return tags
    }

    private static func label(_ field: String) -> String { field == "text" ? "text message" : field }

    private static func explain(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a section is closed with another name than it was opened with"
        case .unfinishedName: "a {{ is not closed with }}"
        case .expectedSectionEnd: "a section is opened ({{#…}} or {{^…}}) but never closed ({{/…}})"
        default: "\(error)"
        }
    }
}
