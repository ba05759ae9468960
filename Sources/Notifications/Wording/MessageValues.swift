/// The values a message's template prints, by field name (see `MessageKind.fields`). Absent values
/// are left out, so `{{#message}}…{{/message}}` shows only when there is a message.
public enum MessageValues {
    /// Answer-without-login links, as `{{#actions}}{{label}}: {{url}}{{/actions}}` reads them.
    public static func actions(_ links: [(label: String, url: String)]) -> [String: Any] {
        links.isEmpty ? [:] : ["hasActions": true, "actions": links.map { ["label": $0.label, "url": $0.url] }]
    }

    /// What a preview shows: every field of the kind filled with its sample.
    public static func sample(for kind: MessageKind) -> [String: Any] {
        var values: [String: Any] = [:]
        for field in kind.fields {
            switch field.sample {
            case .text(let text): values[field.name] = text
            case .flag, .insideActions: break
            case .actions:
                values.merge(
                    actions([("Accept", "https://desk.example/a/sample-accept"), ("Decline", "https://desk.example/a/sample-decline")]),
                    uniquingKeysWith: { $1 })
            }
        }
        return values
    }
}
