import Foundation
import Scheduling
import Storage

/// The email that carries an invitation link.
struct InvitationMessage {
    let id: String
    let user: User
    let organization: Organization
    let invitedBy: String
    let link: String
    let expiresAt: Date
    let now: Date

    var outboxMessage: OutboxMessage {
        let welcome =
            switch user.role {
            case .parent: "see your children's sessions\(user.canRequestSessions ? " and request, reschedule or cancel them" : "")"
            case .tutor: "see your sessions, set your availability and answer session requests"
            case .admin: "run \(organization.name)'s sessions, people and settings"
            }
        return OutboxMessage(
            id: id, organizationID: organization.id, recipientID: user.id, channel: .email, address: user.email, kind: "invitation",
            subject: "\(organization.name) invites you to SessionDesk",
            body: """
                Hello \(user.name),

                \(invitedBy) at \(organization.name) has invited you to SessionDesk, where you can \(welcome).

                Choose your password here (the link works once, until \(organization.describe(expiresAt))):
                \(link)

                If you did not expect this email, you can ignore it.
                """,
            createdAt: now)
    }
}
