import Foundation
import Scheduling
import Storage

/// A session the office or a tutor makes themselves, booked ahead or logged afterwards, placed
/// inside the write transaction: the tutor's schedule locked, the time checked against it (never
/// over another session or a held time), the session stored with its student's rates of today,
/// and what it leaves behind. One still ahead is a booking like any other (reminders, and the
/// family, tutor and office told); one logged after the fact is a record, audited and told to
/// nobody.
struct SessionPlacement {
    let dependencies: Dependencies
    let now: Date

    func place(
        id: String, engagement: Engagement, time: TimeRange, details: SessionDetails, status: SessionStatus, cancellationReason: String?,
        by caller: Caller, in db: DB
    ) async throws -> Session {
        try await db.lockSchedule(ofTutor: engagement.tutorID)
        let parties = try await RequestParties.load(
            organizationID: caller.organizationID, tutorID: engagement.tutorID, studentID: engagement.studentID, subjectID: engagement.subjectID,
            cache: dependencies.directory, in: db)
        if status.occupiesTutor {
            try await TutorSchedule.check(time, placement: .notTaken, parties: parties, now: now, cache: dependencies.directory, in: db)
        } else {
            try BookingWindow.check(time.start, in: parties.organization, now: now)
        }
        let session = Session(
            id: id, organizationID: caller.organizationID, tutorID: engagement.tutorID, students: [SessionStudent(through: engagement)],
            subjectID: engagement.subjectID, engagementID: engagement.id, time: time, status: status, location: details.location,
            sessionType: details.sessionType, className: details.className, room: details.room, cancellationReason: cancellationReason)
        do {
            try await db.insertSession(session, now: now)
        } catch StoreError.exclusionViolation {
            throw DomainError.conflict("\(parties.tutor.name) already has a session at \(parties.organization.describe(time.start)).")
        }
        if status == .scheduled {
            try await SessionReminders.schedule(session, in: parties.organization, ids: dependencies.ids, now: now, db: db)
            try await LifecycleRecord(dependencies: dependencies, parties: parties, now: now).sessionEvent(
                .sessionCreated, on: session, by: .person(caller), body: "", in: db)
        } else {
            let outcome = status == .completed ? "completed" : "cancelled"
            try await OfficeAudit(dependencies: dependencies).record(
                .sessionLogged, session: session,
                summary: "logged \(parties.subject.name) with \(parties.tutor.name) for \(parties.student.name), "
                    + "\(parties.organization.describe(time)) (\(outcome))", by: caller, at: now, in: db)
        }
        return session
    }
}
