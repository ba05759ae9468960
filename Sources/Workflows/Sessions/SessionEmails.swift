import Foundation
public import Notifications
public import Scheduling
import Storage

/// The session emails the office sends the family from a session with one click (seed 003, 12):
/// "your cancellation request has been processed", "the cancellation status is removed and the
/// session stays booked", each an editable template, with an optional word of the office's own.
public struct SessionEmails: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public func send(_ sessionID: String, _ kind: MessageKind, message: String, by caller: Caller, once key: IdempotencyKey? = nil)
        async throws -> Session
    {
        try caller.requireAdmin(to: "email families from a session")
        guard MessageKind.sessionEmails.contains(kind) else {
            throw DomainError.invalid(
                "template", "Choose one of the session emails: \(MessageKind.sessionEmails.map(\.rawValue).joined(separator: ", ")).")
        }
        let words = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard TextRules.length(words) <= 2000 else { throw DomainError.invalid("message", "A message can be at most 2000 characters.") }
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { [dependencies] db in
            guard let session = try await db.session(id: sessionID, organizationID: caller.organizationID) else {
                throw DomainError.notFound("Session")
            }
            let parties = try await SessionAccess.parties(of: session, for: caller, in: db)
            try await FamilyMessages(dependencies: dependencies, now: now).send(
                kind, about: session, parties: parties, values: words.isEmpty ? [:] : ["message": words], by: caller, in: db)
            try await OfficeAudit(dependencies: dependencies).record(
                .emailSent, session: session,
                summary: "emailed the family that \(Self.gist(kind)): \(parties.summary), \(parties.organization.describe(session.time))", by: caller,
                at: now, in: db)
            return session
        }
    }

    /// What the email says, for the audit log.
    private static func gist(_ kind: MessageKind) -> String {
        kind == .cancellationProcessed ? "their cancellation request was processed" : "the session stays booked"
    }
}
