import Foundation
public import Scheduling
import Storage

/// The office's record of every move: who, what, when.
public struct AuditLog: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    /// Newest first; `before` is where the previous page ended (`AuditEvent.cursor`).
    public func events(subjectID: String? = nil, before: AuditCursor? = nil, limit: Int = 100, for caller: Caller) async throws -> [AuditEvent] {
        try caller.requireAdmin(to: "read the audit log")
        guard (1...1000).contains(limit) else { throw DomainError.invalid("limit", "The limit must be between 1 and 1000.") }
        return try await dependencies.store.read { db in
            try await db.auditEvents(organizationID: caller.organizationID, subjectID: subjectID, before: before, limit: limit)
        }
    }
}
