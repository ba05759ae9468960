public import Foundation
public import Scheduling
import Storage

/// A parent requests a session from the free slots, or asks to move an existing session.
public struct SessionRequesting: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public struct Draft: Sendable {
        public var engagementID: String
        public var start: Date
        /// Defaults to the engagement's session length.
        public var durationMinutes: Int?
        public var note: String
        /// Makes this a reschedule of that session.
        public var replacesSessionID: String?
        /// In `request` cancellation mode, inside the warning buffer: the family read the warning.
        public var readWarning: Bool

        public init(
            engagementID: String, start: Date, durationMinutes: Int? = nil, note: String = "", replacesSessionID: String? = nil,
            readWarning: Bool = false
        ) {
            self.engagementID = engagementID
            self.start = start
            self.durationMinutes = durationMinutes
            self.note = note
            self.replacesSessionID = replacesSessionID
            self.readWarning = readWarning
        }
    }

    public func request(_ draft: Draft, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> SessionRequest {
        guard caller.role == .parent else {
            throw DomainError.forbidden("Session requests are made by families; the office books sessions directly.")
        }
        guard caller.canRequestSessions else { throw DomainError.forbidden("The office has not enabled session requests for your account.") }
        let note = draft.note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard TextRules.length(note) <= 2000 else { throw DomainError.invalid("note", "A note can be at most 2000 characters.") }
        if let minutes = draft.durationMinutes, !SessionLength.isValid(minutes: minutes) {
            throw DomainError.invalid("durationMinutes", SessionLength.rule)
        }
        let now = dependencies.currentInstant()
        let id = dependencies.ids.next()
        return try await dependencies.write(once: key, by: caller) { db in
            guard let (organization, stamp) = try await db.stampedOrganization(id: caller.organizationID) else {
                throw DomainError.notFound("Engagement")
            }
            let engagement = try await Directory.engagement(draft.engagementID, for: caller, stamp: stamp, cache: dependencies.directory, in: db)
            guard engagement.isActive else { throw DomainError.conflict("This engagement has ended; ask the office to renew it.") }
            try await db.lockSchedule(ofTutor: engagement.tutorID)
            let parties = try await RequestParties.load(
                organization: organization, stamp: stamp, tutorID: engagement.tutorID, studentID: engagement.studentID,
                subjectID: engagement.subjectID, cache: dependencies.directory, in: db)
            var answerBy: Date?
            if let sessionID = draft.replacesSessionID {
                answerBy = try await Self.checkReschedulable(
                    sessionID, engagement: engagement, parties: parties, now: now, readWarning: draft.readWarning, in: db)
            }
            try await Self.checkLimits(draft, engagement: engagement, parties: parties, in: db)
            let time = TimeRange(start: draft.start, minutes: draft.durationMinutes ?? engagement.terms.defaultDurationMinutes)
            try await TutorSchedule.check(
                time, parties: parties, now: now, excludingSession: draft.replacesSessionID, cache: dependencies.directory, in: db)

            let context = parties.lifecycleContext(now: now, answerBy: answerBy)
            let request = SessionRequest(
                id: id, organizationID: caller.organizationID, engagementID: engagement.id, tutorID: engagement.tutorID,
                studentID: engagement.studentID, subjectID: engagement.subjectID, parentID: caller.userID, replacesSessionID: draft.replacesSessionID,
                createdAt: now, state: .pending, requestedTime: time, respondBy: RequestLifecycle.deadline(askedAt: now, for: time, context),
                updatedAt: now)
            try await db.insertRequest(request)
            try await LifecycleRecord(dependencies: dependencies, parties: parties, now: now).requestEvent(
                draft.replacesSessionID == nil ? .requested : .rescheduleRequested, on: request, by: .person(caller), body: note, time: time, in: db)
            return request
        }
    }

    /// A family holds no more of a tutor's time by requests than the office allows: sessions no
    /// longer than the engagement's limit, and a few requests waiting at once.
    static func checkLimits(_ draft: Draft, engagement: Engagement, parties: RequestParties, in db: DB) async throws {
        let longest = engagement.terms.requestLimitMinutes
        if let minutes = draft.durationMinutes, minutes > longest {
            throw DomainError.invalid(
                "durationMinutes",
                "Sessions of \(parties.subject.name) with \(parties.tutor.name) can be requested for at most \(longest) minutes; the office can book longer ones."
            )
        }
        let limit = parties.organization.settings.openRequestsPerEngagement
        if try await db.openRequestCount(engagement: engagement) >= limit {
            throw DomainError.conflict(
                "\(limit == 1 ? "A request" : "\(limit) requests") for \(parties.student.name)'s \(parties.subject.name) with \(parties.tutor.name) \(limit == 1 ? "is" : "are") already waiting for an answer: wait for one, or withdraw one first."
            )
        }
    }

    /// A reschedule moves a scheduled session of the same student that no other request is moving,
    /// while the family could still cancel it (`RescheduleRules`); returns when its answer is due
    /// at the latest.
    static func checkReschedulable(
        _ sessionID: String, engagement: Engagement, parties: RequestParties, now: Date, readWarning: Bool, in db: DB
    ) async throws -> Date {
        guard let session = try await db.session(id: sessionID, organizationID: engagement.organizationID),
            session.studentIDs.contains(engagement.studentID)
        else { throw DomainError.invalid("replacesSessionId", "That session is not one of \(parties.student.name)'s.") }
        let answerBy = try RescheduleRules.check(moving: session, organization: parties.organization, now: now, readWarning: readWarning)
        if try await db.openRequest(replacing: sessionID, organizationID: engagement.organizationID) != nil {
            throw DomainError.conflict("This session already has a reschedule request waiting for an answer.")
        }
        return answerBy
    }
}
