import Notifications
import Scheduling
import Workflows

extension APIHandler {
    func listMessageTemplates(_ input: Operations.ListMessageTemplates.Input) async throws -> Operations.ListMessageTemplates.Output {
        let entries = try await MessageTemplates(dependencies).list(for: try RequestScope.caller())
        return .ok(.init(body: .json(.init(items: entries.map(Components.Schemas.MessageTemplate.init)))))
    }

    func updateMessageTemplate(_ input: Operations.UpdateMessageTemplate.Input) async throws -> Operations.UpdateMessageTemplate.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let entry = try await MessageTemplates(dependencies).save(
            MessageTemplate(body), for: MessageKind(input.path.kind), by: try RequestScope.caller())
        return .ok(.init(body: .json(.init(entry))))
    }

    func resetMessageTemplate(_ input: Operations.ResetMessageTemplate.Input) async throws -> Operations.ResetMessageTemplate.Output {
        let entry = try await MessageTemplates(dependencies).reset(MessageKind(input.path.kind), by: try RequestScope.caller())
        return .ok(.init(body: .json(.init(entry))))
    }

    func previewMessageTemplate(_ input: Operations.PreviewMessageTemplate.Input) async throws -> Operations.PreviewMessageTemplate.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let preview = try MessageTemplates(dependencies).preview(
            MessageTemplate(body), for: MessageKind(input.path.kind), by: try RequestScope.caller())
        return .ok(.init(body: .json(.init(subject: preview.subject, body: preview.body, text: preview.text))))
    }
}

extension MessageKind {
    init(_ kind: Components.Schemas.MessageKind) {
        // The document lists exactly the domain's kinds, under the same names.
        self.init(rawValue: kind.rawValue)!
    }
}

extension MessageTemplate {
    init(_ input: Components.Schemas.MessageTemplateInput) {
        self.init(subject: input.subject, body: input.body, text: input.text)
    }
}

extension Components.Schemas.MessageTemplate {
    init(_ entry: MessageTemplates.Entry) {
        self.init(
            kind: .init(rawValue: entry.kind.rawValue)!, title: entry.kind.title, subject: entry.template.subject, body: entry.template.body,
            text: entry.template.text, isCustom: entry.isCustom, updatedAt: entry.updatedAt,
            fields: entry.kind.fields.map { .init(name: $0.name, meaning: $0.meaning) })
    }
}
