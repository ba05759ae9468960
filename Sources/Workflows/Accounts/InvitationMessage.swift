import Foundation
import Logging
import Notifications
import Scheduling
import Storage

/// The email that carries an invitation link, in the organization's wording of `invitation`.
struct InvitationMessage {
    let id: String
    let user: User
    let organization: Organization
    let invitedBy: String
    let link: String
    let expiresAt: Date
    let now: Date

    func outboxMessage(in db: DB, logger: Logger) async throws -> OutboxMessage {
        let welcome =
            switch user.role {
            case .parent: "see your children's sessions\(user.canRequestSessions ? " and request, reschedule or cancel them" : "")"
            case .tutor: "see your sessions, set your availability and answer session requests"
            case .admin: "run \(organization.name)'s sessions, people and settings"
            }
        let wording = try await MessageTemplates.rendering(.invitation, organizationID: organization.id, in: db, logger: logger)
        let words = wording.render(
            [
                "recipient": user.name, "organization": organization.name, "inviter": invitedBy, "welcome": welcome,
                "expires": organization.describe(expiresAt), "link": link,
            ], sms: false)
        return OutboxMessage(
            id: id, organizationID: organization.id, recipientID: user.id, channel: .email, address: user.email,
            kind: MessageKind.invitation.rawValue, subject: words.subject, body: words.body, createdAt: now)
    }
}
