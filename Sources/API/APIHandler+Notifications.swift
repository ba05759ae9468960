import Notifications
import Scheduling
import Storage
import Workflows

extension APIHandler {
    func listNotifications(_ input: Operations.ListNotifications.Input) async throws -> Operations.ListNotifications.Output {
        let records = try await MessageLog(dependencies).visible(limit: input.query.limit ?? 100, for: try RequestScope.caller())
        return .ok(.init(body: .json(.init(items: records.map(Components.Schemas.Notification.init)))))
    }

    func listDeadLetters(_ input: Operations.ListDeadLetters.Input) async throws -> Operations.ListDeadLetters.Output {
        let records = try await MessageLog(dependencies).deadLetters(limit: input.query.limit ?? 100, for: try RequestScope.caller())
        return .ok(.init(body: .json(.init(items: records.map(Components.Schemas.Notification.init)))))
    }

    func retryDeadLetter(_ input: Operations.RetryDeadLetter.Input) async throws -> Operations.RetryDeadLetter.Output {
        try await MessageLog(dependencies).retry(input.path.id, for: try RequestScope.caller())
        return .noContent(.init())
    }
}

extension Components.Schemas.Notification {
    init(_ record: NotificationRecord) {
        let message = record.message
        self.init(
            id: message.id, recipientId: message.recipientID, kind: message.kind, channel: .init(rawValue: message.channel.rawValue)!,
            address: message.address, subject: message.subject, body: message.body, createdAt: message.createdAt,
            delivery: Self.delivery(record.state), attempts: record.attempts, lastError: record.lastError, finishedAt: record.finishedAt)
    }

    private static func delivery(_ state: Job.State?) -> DeliveryPayload {
        switch state {
        case .queued, nil: .queued
        case .running: .sending
        case .done: .sent
        case .dead: .failed
        }
    }
}

extension APIHandler {
    func getCalendarFeedURL(_ input: Operations.GetCalendarFeedURL.Input) async throws -> Operations.GetCalendarFeedURL.Output {
        .ok(.init(body: .json(.init(createdAt: try await CalendarFeeds(dependencies).createdAt(for: try RequestScope.caller())))))
    }

    func resetCalendarFeedURL(_ input: Operations.ResetCalendarFeedURL.Input) async throws -> Operations.ResetCalendarFeedURL.Output {
        let made = try await CalendarFeeds(dependencies).make(for: try RequestScope.caller())
        return .ok(.init(body: .json(.init(url: made.url, createdAt: made.createdAt))))
    }
}

extension APIHandler {
    func updateNotificationSettings(
        _ input: Operations.UpdateNotificationSettings.Input
    ) async throws -> Operations.UpdateNotificationSettings.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let user = try await NotificationSettings(dependencies).update(
            notifyBy: NotificationChannel(rawValue: body.notifyBy.rawValue)!, phone: body.phone, for: try RequestScope.caller())
        return .ok(.init(body: .json(.init(user))))
    }
}
