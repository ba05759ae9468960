import Foundation
public import Scheduling
public import Storage

/// What people were told and whether it reached them: each person's own notifications, and for the
/// office everyone's and the dead letters (messages delivery gave up on), which it can send again.
public struct MessageLog: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    /// The messages the caller may see, newest first, with how each went: a tutor's or family's
    /// own; for the office, the organization's to anyone (others' texts withheld, see `readable`).
    public func visible(limit: Int = 100, for caller: Caller) async throws -> [NotificationRecord] {
        try Self.check(limit)
        guard caller.role == .admin else {
            return try await dependencies.store.read { db in
                try await db.notifications(organizationID: caller.organizationID, recipientID: caller.userID, limit: limit)
            }
        }
        return try await dependencies.store.read { db in try await db.notifications(organizationID: caller.organizationID, limit: limit) }
            .map { Self.readable($0, by: caller) }
    }

    public func deadLetters(limit: Int = 100, for caller: Caller) async throws -> [NotificationRecord] {
        try caller.requireAdmin(to: "see messages that could not be delivered")
        try Self.check(limit)
        return try await dependencies.store.read { db in
            try await db.notifications(organizationID: caller.organizationID, onlyDead: true, limit: limit)
        }.map { Self.readable($0, by: caller) }
    }

    /// Only its recipient reads a message's text: it may hold a password reset or answer link.
    static func readable(_ record: NotificationRecord, by caller: Caller) -> NotificationRecord {
        record.message.recipientID == caller.userID ? record : record.withBody("Only \(record.message.address) can read this message.")
    }

    /// Queues a dead letter again from its first attempt (after the address or the mail server was fixed).
    public func retry(_ id: String, for caller: Caller) async throws {
        try caller.requireAdmin(to: "send a message again")
        let now = dependencies.now()
        try await dependencies.store.write { db in
            guard try await db.reviveJob(id: id, organizationID: caller.organizationID, now: now),
                let message = try await db.outboxMessages(ids: [id])[id]
            else { throw DomainError.notFound("Undelivered message \(id)") }
            try await OfficeAudit(dependencies: dependencies).record(
                .messageResent, subjectType: "notification", subjectID: id, summary: "sent \"\(message.subject)\" to \(message.address) again",
                by: caller, at: now, in: db)
        }
    }

    private static func check(_ limit: Int) throws {
        guard (1...1000).contains(limit) else { throw DomainError.invalid("limit", "The limit must be between 1 and 1000.") }
    }
}
