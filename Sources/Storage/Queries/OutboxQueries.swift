public import Foundation
import SQLKit
public import Scheduling

/// A message to deliver, written in the same transaction as the change that causes it.
public struct OutboxMessage: Sendable, Hashable {
    public let id: String
    public let organizationID: String
    public let recipientID: String?
    public let channel: NotificationChannel
    /// An email address or phone number.
    public let address: String
    /// What caused it, such as `invitation`; templates and delivery key on this.
    public let kind: String
    public let subject: String
    public let body: String
    public let createdAt: Date
    /// A file sent with the message: an iCalendar invitation.
    public let attachment: Attachment?

    public struct Attachment: Sendable, Hashable {
        /// The full MIME type: `text/calendar; charset=utf-8; method=REQUEST`.
        public let contentType: String
        public let filename: String
        public let text: String

        public init(contentType: String, filename: String, text: String) {
            self.contentType = contentType
            self.filename = filename
            self.text = text
        }
    }

    public init(
        id: String, organizationID: String, recipientID: String?, channel: NotificationChannel, address: String, kind: String, subject: String,
        body: String, createdAt: Date, attachment: Attachment? = nil
    ) {
        self.id = id
        self.organizationID = organizationID
        self.recipientID = recipientID
        self.channel = channel
        self.address = address
        self.kind = kind
        self.subject = subject
        self.body = body
        self.createdAt = createdAt
        self.attachment = attachment
    }
}

extension DB {
    public func enqueue(_ message: OutboxMessage) async throws {
        try await enqueue([message])
    }

    /// Several messages in one statement: a move notifies up to a handful of people at once.
    public func enqueue(_ messages: [OutboxMessage]) async throws {
        guard !messages.isEmpty else { return }
        var query: SQLQueryString =
            """
            INSERT INTO outbox_messages
                (id, organization_id, recipient_id, channel, address, kind, subject, body, created_at, attachment_type, attachment_name, attachment_text)
            VALUES
            """
        for (index, message) in messages.enumerated() {
            query += index == 0 ? "" : ", "
            query += """
                (\(bind: message.id), \(bind: message.organizationID), \(bind: message.recipientID), \(bind: message.channel.rawValue),
                 \(bind: message.address), \(bind: message.kind), \(bind: message.subject), \(bind: message.body),
                 \(bind: message.createdAt.epochSeconds), \(bind: message.attachment?.contentType), \(bind: message.attachment?.filename),
                 \(bind: message.attachment?.text))
                """
        }
        try await sql.raw(query).run()
        try await insertDeliveryJobs(for: messages)
    }

    /// The messages with these ids, by id.
    public func outboxMessages(ids: [String]) async throws -> [String: OutboxMessage] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.raw("SELECT * FROM outbox_messages WHERE id IN (\(binds: ids))")
            .all(decoding: OutboxRow.self, keyDecodingStrategy: .snakeCaseColumns)
        return Dictionary(uniqueKeysWithValues: try rows.map { ($0.id, try $0.message) })
    }

    /// The organization's messages, newest first.
    public func outboxMessages(organizationID: String, recipientID: String? = nil, limit: Int = 100) async throws -> [OutboxMessage] {
        var query: SQLQueryString = "SELECT * FROM outbox_messages WHERE organization_id = \(bind: organizationID)"
        if let recipientID { query += " AND recipient_id = \(bind: recipientID)" }
        query += " ORDER BY created_at DESC, id LIMIT \(literal: limit)"
        return try await sql.raw(query).all(decoding: OutboxRow.self, keyDecodingStrategy: .snakeCaseColumns).map { try $0.message }
    }
}

struct OutboxRow: Decodable {
    let id: String
    let organizationId: String
    let recipientId: String?
    let channel: String
    let address: String
    let kind: String
    let subject: String
    let body: String
    let createdAt: Int64
    let attachmentType: String?
    let attachmentName: String?
    let attachmentText: String?

    init(row: any SQLRow) throws {
        self = try row.decode(model: OutboxRow.self, keyDecodingStrategy: .snakeCaseColumns)
    }

    var message: OutboxMessage {
        get throws {
            OutboxMessage(
                id: id, organizationID: organizationId, recipientID: recipientId, channel: try decodeEnum(channel), address: address, kind: kind,
                subject: subject, body: body, createdAt: Date(epochSeconds: createdAt),
                attachment: attachmentType.map {
                    OutboxMessage.Attachment(contentType: $0, filename: attachmentName ?? "invite.ics", text: attachmentText ?? "")
                })
        }
    }
}
