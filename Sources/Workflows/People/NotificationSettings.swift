public import Scheduling
import Storage

/// Each person chooses how they are told of news: email, or text messages to their mobile.
public struct NotificationSettings: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    /// Replaces the caller's choice and mobile number (an empty number removes it).
    public func update(notifyBy: NotificationChannel, phone: String?, for caller: Caller) async throws -> User {
        let phone = try ContactRules.phone(phone)
        try ContactRules.notificationChoice(notifyBy, phone: phone)
        if notifyBy == .sms, !dependencies.textMessages {
            throw DomainError.invalid("notifyBy", "Text messages are not set up here yet, so news comes by email.")
        }
        return try await dependencies.store.write { db in
            try await db.updateContact(userID: caller.userID, organizationID: caller.organizationID, phone: phone, notifyBy: notifyBy)
            guard let user = try await db.user(id: caller.userID, organizationID: caller.organizationID) else { throw DomainError.notFound("Person") }
            return user
        }
    }
}
