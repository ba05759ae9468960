import Foundation
import Scheduling
import Storage

/// The email that carries a password reset link.
struct PasswordResetMessage {
    let id: String
    let user: User
    let organization: Organization
    let link: String
    let expiresAt: Date
    let now: Date

    var outboxMessage: OutboxMessage {
        OutboxMessage(
            id: id, organizationID: organization.id, recipientID: user.id, channel: .email, address: user.email, kind: "password_reset",
            subject: "Choose a new SessionDesk password",
            body: """
                Hello \(user.name),

                Someone (we hope you) asked to reset your password for \(organization.name) on SessionDesk.

                Choose a new one here (the link works once, until \(organization.describe(expiresAt))):
                \(link)

                If it was not you, ignore this email: your password stays as it is.
                """,
            createdAt: now)
    }
}
