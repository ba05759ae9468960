public import Foundation
public import Scheduling
import Storage

/// "Log session" (seed 002): the office, or a tutor for themselves, records a session of one of the
/// tutor's engagements on a local date and time, past or ahead. One already over took place
/// unless it was cancelled; one ahead is booked like any other. Either way it never lands on
/// another session or a held request time.
public struct SessionLog: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public struct Entry: Sendable {
        public var engagementID: String
        public var date: LocalDate
        public var startTime: LocalTime
        /// The engagement's session length when nil.
        public var durationMinutes: Int?
        /// The engagement's when nil.
        public var location: String?
        public var sessionType: String?
        public var cancelled: Bool
        public var cancellationReason: String

        public init(
            engagementID: String, date: LocalDate, startTime: LocalTime, durationMinutes: Int? = nil, location: String? = nil,
            sessionType: String? = nil, cancelled: Bool = false, cancellationReason: String = ""
        ) {
            self.engagementID = engagementID
            self.date = date
            self.startTime = startTime
            self.durationMinutes = durationMinutes
            self.location = location
            self.sessionType = sessionType
            self.cancelled = cancelled
            self.cancellationReason = cancellationReason
        }
    }

    public func log(_ entry: Entry, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> Session {
        guard caller.role != .parent else { throw DomainError.forbidden("Only the office and tutors log sessions.") }
        if let minutes = entry.durationMinutes, !SessionLength.isValid(minutes: minutes) {
            throw DomainError.invalid("durationMinutes", SessionLength.rule)
        }
        let reason = entry.cancellationReason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard TextRules.length(reason) <= 500 else { throw DomainError.invalid("cancellationReason", "A reason can be at most 500 characters.") }
        let now = dependencies.currentInstant()
        let id = dependencies.ids.next()
        let organization = try await Directory(dependencies).organization(for: caller)
        return try await dependencies.write(once: key, by: caller) { db in
            // A tutor sees only their own engagements: anyone else's is "not found".
            let engagement = try await Directory.engagement(entry.engagementID, for: caller, in: db)
            let start = try organization.instant(of: entry.date, at: entry.startTime, field: "startTime")
            let time = TimeRange(start: start, minutes: entry.durationMinutes ?? engagement.terms.defaultDurationMinutes)
            let status = SessionRecordRules.loggedStatus(of: time, cancelled: entry.cancelled, now: now)
            if status == .scheduled, !engagement.isActive {
                throw DomainError.conflict("This engagement has ended: sessions ahead need an active engagement.")
            }
            let details = try SessionDetails(
                location: entry.location ?? engagement.terms.location, sessionType: entry.sessionType ?? engagement.terms.sessionType
            ).validated(requiringLocation: false)
            return try await SessionPlacement(dependencies: dependencies, now: now).place(
                id: id, engagement: engagement, time: time, details: details, status: status,
                cancellationReason: status == .cancelled ? reason : nil, by: caller, in: db)
        }
    }
}
