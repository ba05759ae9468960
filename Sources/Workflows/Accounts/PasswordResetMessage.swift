import Foundation
import Logging
import Notifications
import Scheduling
import Storage

/// The email that carries a password reset link, in the organization's wording of `password_reset`.
struct PasswordResetMessage {
    let id: String
    let user: User
    let organization: Organization
    let link: String
    let expiresAt: Date
    let now: Date

    func outboxMessage(in db: DB, logger: Logger) async throws -> OutboxMessage {
        let wording = try await MessageTemplates.rendering(.passwordReset, organizationID: organization.id, in: db, logger: logger)
        let words = wording.render(
            ["recipient": user.name, "organization": organization.name, "expires": organization.describe(expiresAt), "link": link],
            sms: false)
        return OutboxMessage(
            id: id, organizationID: organization.id, recipientID: user.id, channel: .email, address: user.email,
            kind: MessageKind.passwordReset.rawValue, subject: words.subject, body: words.body, createdAt: now)
    }
}
