public import Foundation
public import Scheduling
import Storage

/// The office books a session directly for an engagement. It may book outside the tutor's usual
/// hours (the office knows best), but never over another session or a time held by a request.
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
            try await db.lockSchedule(ofTutor: engagement.tutorID)
            let parties = try await RequestParties.load(
                organizationID: caller.organizationID, tutorID: engagement.tutorID, studentID: engagement.studentID, subjectID: engagement.subjectID,
                in: db)
            try BookingWindow.check(draft.start, in: parties.organization, now: now)
            let time = TimeRange(start: draft.start, minutes: draft.durationMinutes ?? engagement.terms.defaultDurationMinutes)
            let when = parties.organization.describe(time.start)
            let taken = try await db.takenTimes(tutorID: engagement.tutorID, organizationID: caller.organizationID, overlapping: time)
            if !taken.sessions.isEmpty {
                throw DomainError.conflict("\(parties.tutor.name) already has a session at \(when).")
            }
            if !taken.holds.isEmpty {
                throw DomainError.conflict("\(when) is being held for a session request; answer that request instead.")
            }
            let session = Session(
                id: id, organizationID: caller.organizationID, tutorID: engagement.tutorID, studentIDs: [engagement.studentID],
                subjectID: engagement.subjectID, engagementID: engagement.id, time: time, status: .scheduled, location: details.location,
                sessionType: details.sessionType, className: details.className, room: details.room)
            do {
                try await db.insertSession(session, now: now)
            } catch StoreError.exclusionViolation {
                throw DomainError.conflict("\(parties.tutor.name) already has a session at \(when).")
            }
            try await SessionReminders.schedule(session, in: parties.organization, ids: dependencies.ids, now: now, db: db)
            try await LifecycleRecord(dependencies: dependencies, parties: parties, now: now).sessionEvent(
                .sessionCreated, on: session, by: .person(caller), body: "", in: db)
            return session
        }
    }
}
