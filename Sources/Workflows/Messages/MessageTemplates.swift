public import Foundation
import Logging
public import Notifications
public import Scheduling
import Storage

/// The office's wording of each kind of message: read, preview on sample values, save, reset.
public struct MessageTemplates: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    /// One kind's wording as the organization uses it, and whether it is its own.
    public struct Entry: Sendable {
        public let kind: MessageKind
        public let template: MessageTemplate
        public let isCustom: Bool
        /// When the organization's own wording was saved (who saved it is kept with it in the database).
        public let updatedAt: Date?
    }

    /// A template's words on sample values.
    public struct Preview: Sendable, Equatable {
        public let subject: String
        public let body: String
        public let text: String?
    }

    public func list(for caller: Caller) async throws -> [Entry] {
        try caller.requireAdmin(to: "read message templates")
        let stored = try await dependencies.store.read { db in try await db.messageTemplates(organizationID: caller.organizationID) }
        let byKind = Dictionary(stored.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
        return MessageKind.allCases.map { Self.entry($0, stored: byKind[$0.rawValue]) }
    }

    public func entry(_ kind: MessageKind, for caller: Caller) async throws -> Entry {
        try caller.requireAdmin(to: "read message templates")
        let stored = try await dependencies.store.read { db in
            try await db.messageTemplate(organizationID: caller.organizationID, kind: kind.rawValue)
        }
        return Self.entry(kind, stored: stored)
    }

    public func save(_ template: MessageTemplate, for kind: MessageKind, by caller: Caller) async throws -> Entry {
        try caller.requireAdmin(to: "change message templates")
        try MessageTemplateRules.check(template, for: kind)
        let stored = StoredMessageTemplate(
            kind: kind.rawValue, subject: template.subject, body: template.body, text: template.text, updatedBy: caller.userID,
            updatedAt: dependencies.currentInstant())
        try await dependencies.store.write { db in
            try await db.saveMessageTemplate(stored, organizationID: caller.organizationID)
            try await OfficeAudit(dependencies: dependencies).record(
                .wordingChanged, subjectType: "message_template", subjectID: kind.rawValue, summary: "changed the wording of \"\(kind.title)\"",
                by: caller, at: stored.updatedAt, in: db)
        }
        return Self.entry(kind, stored: stored)
    }

    /// Back to the standard wording.
    public func reset(_ kind: MessageKind, by caller: Caller) async throws -> Entry {
        try caller.requireAdmin(to: "change message templates")
        let now = dependencies.currentInstant()
        try await dependencies.store.write { db in
            try await db.deleteMessageTemplate(organizationID: caller.organizationID, kind: kind.rawValue)
            try await OfficeAudit(dependencies: dependencies).record(
                .wordingReset, subjectType: "message_template", subjectID: kind.rawValue,
                summary: "put back the standard wording of \"\(kind.title)\"", by: caller, at: now, in: db)
        }
        return Self.entry(kind, stored: nil)
    }

    /// What `template` would send, checked as saving would check it, on sample values.
    public func preview(_ template: MessageTemplate, for kind: MessageKind, by caller: Caller) throws -> Preview {
        try caller.requireAdmin(to: "preview message templates")
        try MessageTemplateRules.check(template, for: kind)
        let values = MessageValues.sample(for: kind)
        let rendering = try MessageRendering(template)
        let email = rendering.render(values, sms: false)
        return Preview(subject: email.subject, body: email.body, text: kind.canBeTexted ? rendering.render(values, sms: true).body : nil)
    }

    /// The wording senders use, compiled: the organization's own, or the standard one. A stored
    /// wording was checked when saved; should one still not compile (a later version's stricter
    /// reading), the message goes out in the standard wording rather than not at all.
    static func rendering(_ kind: MessageKind, organizationID: String, in db: DB, logger: Logger) async throws -> MessageRendering {
        guard let stored = try await db.messageTemplate(organizationID: organizationID, kind: kind.rawValue) else { return .standard(kind) }
        do {
            return try MessageRendering(entry(kind, stored: stored).template)
        } catch {
            logger.error("the \(kind.rawValue) wording of organization \(organizationID) does not compile (\(error)); sending the standard one")
            return .standard(kind)
        }
    }

    private static func entry(_ kind: MessageKind, stored: StoredMessageTemplate?) -> Entry {
        guard let stored else { return Entry(kind: kind, template: .standard(kind), isCustom: false, updatedAt: nil) }
        return Entry(
            kind: kind, template: MessageTemplate(subject: stored.subject, body: stored.body, text: stored.text), isCustom: true,
            updatedAt: stored.updatedAt)
    }
}
