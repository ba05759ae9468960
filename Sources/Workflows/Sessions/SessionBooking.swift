public import Foundation
public import Scheduling
import Storage

/// The office books a session directly for an engagement at an instant. It may book outside the
/// tutor's usual hours (the office knows best), but never over another session or a time held by a
/// request (see `SessionPlacement`).
public struct SessionBooking: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public struct Draft: Sendable {
        public var engagementID: String
        public var start: Date
        public var durationMinutes: Int?
        /// Defaults to the engagement's location and session type.
        public var details: SessionDetails?

        public init(engagementID: String, start: Date, durationMinutes: Int? = nil, details: SessionDetails? = nil) {
            self.engagementID = engagementID
            self.start = start
            self.durationMinutes = durationMinutes
            self.details = details
        }
    }

    public func book(_ draft: Draft, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> Session {
        try caller.requireAdmin(to: "book sessions directly")
        if let minutes = draft.durationMinutes, !SessionLength.isValid(minutes: minutes) {
            throw DomainError.invalid("durationMinutes", SessionLength.rule)
        }
        let now = dependencies.currentInstant()
        let id = dependencies.ids.next()
        return try await dependencies.write(once: key, by: caller) { db in
            let engagement = try await Directory.engagement(draft.engagementID, for: caller, in: db)
            guard engagement.isActive else { throw DomainError.conflict("This engagement has ended.") }
            let details = try (draft.details ?? SessionDetails(location: engagement.terms.location, sessionType: engagement.terms.sessionType))
                .validated()
            let time = TimeRange(start: draft.start, minutes: draft.durationMinutes ?? engagement.terms.defaultDurationMinutes)
            return try await SessionPlacement(dependencies: dependencies, now: now).place(
                id: id, engagement: engagement, time: time, details: details, status: .scheduled, cancellationReason: nil, by: caller, in: db)
        }
    }
}
