public import Foundation
import SQLKit

/// A message to deliver, written in the same transaction as the change that causes it.
public struct OutboxMessage: Sendable, Hashable {
    public enum Channel: String, Sendable {
        case email
        case sms
    }

    public let id: String
    public let organizationID: String
    public let recipientID: String?
    public let channel: Channel
    /// An email address or phone number.
    public let address: String
    /// What caused it, such as `invitation`; templates and delivery key on this.
    public let kind: String
    public let subject: String
    public let body: String
    public let createdAt: Date

    public init(
        id: String, organizationID: String, recipientID: String?, channel: Channel, address: String, kind: String, subject: String,
        body: String, createdAt: Date
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
            "INSERT INTO outbox_messages (id, organization_id, recipient_id, channel, address, kind, subject, body, created_at) VALUES "
        for (index, message) in messages.enumerated() {
            query += index == 0 ? "" : ", "
            query += """
                (\(bind: message.id), \(bind: message.organizationID), \(bind: message.recipientID), \(bind: message.channel.rawValue),
                 \(bind: message.address), \(bind: message.kind), \(bind: message.subject), \(bind: message.body),
                 \(bind: message.createdAt.epochSeconds))
                """
        }
        try await sql.raw(query).run()
    }

    /// The organization's messages, newest first.
    public func outboxMessages(organizationID: String, recipientID: String? = nil, limit: Int = 100) async throws -> [OutboxMessage] {
        var query: SQLQueryString = "SELECT * FROM outbox_messages WHERE organization_id = \(bind: organizationID)"
        if let recipientID { query += " AND recipient_id = \(bind: recipientID)" }
        query += " ORDER BY created_at DESC, id LIMIT \(literal: limit)"
        return try await sql.raw(query).all(decoding: OutboxRow.self, keyDecodingStrategy: .snakeCaseColumns).map { row in
            OutboxMessage(
                id: row.id, organizationID: row.organizationId, recipientID: row.recipientId, channel: try decodeEnum(row.channel),
                address: row.address, kind: row.kind, subject: row.subject, body: row.body, createdAt: Date(epochSeconds: row.createdAt))
        }
    }
}

private struct OutboxRow: Decodable {
    let id: String
    let organizationId: String
    let recipientId: String?
    let channel: String
    let address: String
    let kind: String
    let subject: String
    let body: String
    let createdAt: Int64
}
