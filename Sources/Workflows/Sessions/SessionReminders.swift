public import Foundation
public import Notifications
public import Scheduling
public import Storage

/// The morning reminder of a session, for the family and the tutor: scheduled as a job when the
/// session is booked, written to the outbox when the job comes due, unless the session was
/// cancelled or has begun by then (a worker that was down catches up, but never late for nothing).
public struct SessionReminders: JobHandler {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    /// Schedules the reminder of a newly booked session, in the booking's transaction.
    public static func schedule(_ session: Session, in organization: Organization, ids: IDGenerator, now: Date, db: DB) async throws {
        guard let due = SessionReminder.due(forSessionStartingAt: session.time.start, in: organization.timeZone, now: now) else { return }
        try await db.scheduleJob(
            id: ids.next(), organizationID: session.organizationID, kind: .remind, subjectID: session.id,
            uniqueKey: "remind:\(session.id):\(Int64(due.timeIntervalSince1970))", runAt: due, now: now)
    }

    public func perform(_ job: Job, now: Date, in db: DB) async throws {
        guard let organizationID = job.organizationID, let session = try await db.session(id: job.subjectID, organizationID: organizationID),
            session.status == .scheduled, session.time.start > now, let studentID = session.studentIDs.first
        else { return }
        let parties = try await RequestParties.load(
            organizationID: organizationID, tutorID: session.tutorID, studentID: studentID, subjectID: session.subjectID, in: db)
        let organization = parties.organization
        // A session moved since this reminder was scheduled has a reminder of its own on its new day.
        guard organization.localDate(of: session.time.start) == organization.localDate(of: now) else { return }
        let wording = try await MessageTemplates.rendering(.reminder, organizationID: organizationID, in: db, logger: dependencies.logger)
        let place = LifecycleMessage.place(SessionDetails(location: session.location, sessionType: session.sessionType))
        var shared: [String: Any] = [
            "organization": organization.name, "what": parties.summary, "when": organization.describe(session.time),
            "link": dependencies.url(WebPath.session(session.id)),
        ]
        if !place.isEmpty { shared["place"] = place }
        let subject = wording.sharedSubject(shared)
        var messages: [OutboxMessage] = []
        for person in parties.recipients([.family, .tutor]) {
            var values = shared
            values["recipient"] = person.name
            let contact = person.contact(textMessages: dependencies.textMessages)
            let words = wording.render(values, sms: contact.channel == .sms, subject: subject)
            messages.append(
                OutboxMessage(
                    id: dependencies.ids.next(), organizationID: organizationID, recipientID: person.id, channel: contact.channel,
                    address: contact.address, kind: MessageKind.reminder.rawValue, subject: words.subject, body: words.body,
                    createdAt: Date(epochSeconds: now.epochSeconds)))
        }
        try await db.enqueue(messages)
    }
}
