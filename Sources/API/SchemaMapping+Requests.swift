import Foundation
import Scheduling
import Workflows

extension Components.Schemas.TimeSlot {
    /// A range as UTC instants, the organization's local readings and a label for people.
    init(_ range: TimeRange, on timeline: ZoneTimeline) {
        let time = LabelledTime(range, on: timeline)
        self.init(start: range.start, end: range.end, localStart: time.localStart, localEnd: time.localEnd, label: time.label)
    }

    init(_ range: TimeRange, in organization: Organization) {
        let dates = organization.localDate(of: range.start)...organization.localDate(of: range.end)
        self.init(range, on: organization.timeline(covering: dates))
    }
}

extension Components.Schemas.SessionRequest {
    init(_ request: SessionRequest, in organization: Organization) {
        func slot(_ range: TimeRange?) -> Components.Schemas.TimeSlot? { range.map { .init($0, in: organization) } }
        self.init(
            id: request.id, state: .init(rawValue: request.state.rawValue)!,
            needsActionBy: request.awaitsTutor ? .tutor : request.awaitsFamily ? .family : nil, parentReplied: request.parentReplied,
            engagementId: request.engagementID, tutorId: request.tutorID, studentId: request.studentID, subjectId: request.subjectID,
            parentId: request.parentID, replacesSessionId: request.replacesSessionID, requestedTime: .init(request.requestedTime, in: organization),
            proposedTime: slot(request.proposedTime), heldTime: slot(request.heldTime), respondBy: request.respondBy,
            respondByLabel: request.state.isOpen ? organization.describe(request.respondBy) : nil, createdAt: request.createdAt,
            closedAt: request.closedAt, closedBy: request.closedByName, declineReason: request.declineReason, sessionId: request.sessionID)
    }
}

extension Components.Schemas.Session {
    /// With the money `caller` may see (`SessionMoney`'s rules).
    init(
        _ session: Session, in organization: Organization, for caller: Caller, detail: SessionDirectory.Detail? = nil,
        billing: SessionBilling? = nil
    ) {
        let money = SessionMoney(session, settings: organization.settings)
        let earnings = SessionMoney.tutorEarningsVisible(of: session, to: caller)
        let paying = money.lines.filter { SessionMoney.clientAmountVisible(of: $0, to: caller) }
        let students: [Components.Schemas.SessionStudent] = zip(session.students, money.lines).map { student, line in
            let pays = SessionMoney.clientAmountVisible(of: line, to: caller)
            return .init(
                studentId: student.studentID, engagementId: student.engagementID, clientId: student.clientID,
                clientRatePerHour: pays ? student.clientRatePerHour : nil, clientAmount: pays ? line.clientAmount : nil,
                tutorPayRatePerHour: earnings ? student.tutorPayRatePerHour : nil, tutorEarnings: earnings ? line.tutorEarnings : nil)
        }
        // The office and the session's tutor read everything written; a family, the report once sent.
        let staff = caller.isAdmin || caller.userID == session.tutorID
        let notes = session.notes
        self.init(
            id: session.id, tutorId: session.tutorID, studentIds: session.studentIDs, students: students, currency: organization.currency,
            clientAmount: paying.isEmpty ? nil : paying.reduce(0) { $0 + $1.clientAmount }, tutorEarnings: earnings ? money.tutorEarnings : nil,
            rating: staff ? notes.rating : nil, report: staff ? (notes.report.isEmpty ? nil : notes.report) : notes.sentReport,
            reportSentAt: notes.reportSentAt, internalNote: staff && !notes.internalNote.isEmpty ? notes.internalNote : nil,
            privateNotes: staff && !notes.privateNotes.isEmpty ? notes.privateNotes : nil,
            subjectId: session.subjectID,
            engagementId: session.engagementID, time: .init(session.time, in: organization), status: .init(rawValue: session.status.rawValue)!,
            location: session.location, sessionType: session.sessionType, className: session.className, room: session.room,
            cancellationReason: session.cancellationReason, cancellableUntil: detail?.cancellableUntil,
            rescheduleWarning: detail?.rescheduleWarning, pendingRescheduleId: detail?.pendingRescheduleID,
            cancellationRequest: session.cancellationRequest.map {
                .init(requestedAt: $0.requestedAt, parentId: $0.parentID, parentName: $0.parentName, comment: $0.comment)
            },
            invoices: (billing ?? detail?.billing).map {
                $0.invoices.map { .init(invoiceId: $0.invoiceID, number: $0.number.description, paid: $0.paid) }
            })
    }
}

extension Components.Schemas.ConversationEntry {
    init(_ entry: ConversationEntry, in organization: Organization) {
        self.init(
            id: entry.id, authorId: entry.authorID, authorName: entry.authorName, authorRole: .init(rawValue: entry.authorRole) ?? .system,
            event: .init(rawValue: entry.event.rawValue)!, body: entry.body, time: entry.time.map { .init($0, in: organization) },
            createdAt: entry.createdAt)
    }
}

extension Components.Schemas.AuditEvent {
    init(_ event: AuditEvent) {
        self.init(
            id: event.id, actorId: event.actorID, actorName: event.actorName, actorRole: event.actorRole,
            action: .init(rawValue: event.action.rawValue)!, subjectType: .init(rawValue: event.subjectType) ?? .session,
            subjectId: event.subjectID, summary: event.summary, createdAt: event.createdAt)
    }
}
