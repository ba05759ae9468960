public import Foundation
import SQLKit
import Scheduling

/// An organization's wording of one kind of message, as stored.
public struct StoredMessageTemplate: Hashable, Sendable {
    public let kind: String
    public let subject: String
    public let body: String
    public let text: String?
    public let updatedBy: String?
    public let updatedAt: Date

    public init(kind: String, subject: String, body: String, text: String?, updatedBy: String?, updatedAt: Date) {
        self.kind = kind
        self.subject = subject
        self.body = body
        self.text = text
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
    }
}

extension DB {
    /// Every kind the organization has reworded.
    public func messageTemplates(organizationID: String) async throws -> [StoredMessageTemplate] {
        try await sql.raw(
            "SELECT \(unsafeRaw: MessageTemplateRow.columns) FROM message_templates WHERE organization_id = \(bind: organizationID) ORDER BY kind"
        ).all(decoding: MessageTemplateRow.self, keyDecodingStrategy: .snakeCaseColumns).map(\.model)
    }

    public func messageTemplate(organizationID: String, kind: String) async throws -> StoredMessageTemplate? {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: MessageTemplateRow.columns) FROM message_templates
            WHERE organization_id = \(bind: organizationID) AND kind = \(bind: kind)
            """
        ).first(decoding: MessageTemplateRow.self, keyDecodingStrategy: .snakeCaseColumns)?.model
    }

    public func saveMessageTemplate(_ template: StoredMessageTemplate, organizationID: String) async throws {
        try await sql.raw(
            """
            INSERT INTO message_templates (organization_id, kind, subject, body, text, updated_by, updated_at)
            VALUES (\(bind: organizationID), \(bind: template.kind), \(bind: template.subject), \(bind: template.body), \(bind: template.text),
                    \(bind: template.updatedBy), \(bind: template.updatedAt.epochSeconds))
            ON CONFLICT (organization_id, kind) DO UPDATE SET
                subject = excluded.subject, body = excluded.body, text = excluded.text,
                updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """
        ).run()
    }

    public func deleteMessageTemplate(organizationID: String, kind: String) async throws {
        try await sql.raw("DELETE FROM message_templates WHERE organization_id = \(bind: organizationID) AND kind = \(bind: kind)").run()
    }
}

struct MessageTemplateRow: Decodable {
    static let columns = "kind, subject, body, text, updated_by, updated_at"

    let kind: String
    let subject: String
    let body: String
    let text: String?
    let updatedBy: String?
    let updatedAt: Int64

    var model: StoredMessageTemplate {
        StoredMessageTemplate(kind: kind, subject: subject, body: body, text: text, updatedBy: updatedBy, updatedAt: Date(epochSeconds: updatedAt))
    }
}
