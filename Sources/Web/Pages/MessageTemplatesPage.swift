import Foundation
import Notifications
import Scheduling
import Workflows

/// The office's list of message kinds, each with its wording's subject and whether it is its own.
struct MessageTemplatesPage {
    let chrome: PageChrome
    let rows: [Row]

    struct Row {
        let kind: String
        let title: String
        let subject: String
        let isCustom: Bool
    }

    static func make(_ entries: [MessageTemplates.Entry], chrome: PageChrome) -> MessageTemplatesPage {
        MessageTemplatesPage(
            chrome: chrome,
            rows: entries.map { Row(kind: $0.kind.rawValue, title: $0.kind.title, subject: $0.template.subject, isCustom: $0.isCustom) })
    }
}

/// One kind's wording: the form to change it, its fields, and a preview on sample values.
struct MessageTemplatePage {
    let chrome: PageChrome
    let kind: String
    let title: String
    let subject: String
    let body: String
    let text: String
    let canBeTexted: Bool
    let isCustom: Bool
    let fields: [Field]
    let preview: MessageTemplates.Preview?
    /// Stored, because templates treat an empty string as present.
    let previewText: String?
    let notice: String?
    let problem: String?

    struct Field {
        let tag: String
        let meaning: String
    }

    /// What the form sends: the wording, and which button was pressed.
    struct Form: SignedForm {
        let csrf: String
        let action: String
        let subject: String?
        let body: String?
        let text: String?

        /// The wording sent; kinds that go by email only have no text message, whatever was posted.
        func template(for kind: MessageKind) -> MessageTemplate {
            MessageTemplate(subject: subject ?? "", body: body ?? "", text: kind.canBeTexted ? text : nil)
        }
    }

    static func make(
        kind: MessageKind, template: MessageTemplate, isCustom: Bool, chrome: PageChrome, preview: MessageTemplates.Preview? = nil,
        notice: String? = nil, problem: String? = nil
    ) -> MessageTemplatePage {
        MessageTemplatePage(
            chrome: chrome, kind: kind.rawValue, title: kind.title, subject: template.subject, body: template.body, text: template.text ?? "",
            canBeTexted: kind.canBeTexted, isCustom: isCustom,
            fields: kind.fields.map { Field(tag: "{{\($0.name)}}", meaning: $0.meaning) }, preview: preview, previewText: preview?.text,
            notice: notice, problem: problem)
    }
}
