import Foundation
import Notifications
import Scheduling
import Storage

/// The iCalendar invitation a lifecycle notification carries: the event is the request and then the
/// session it became (one UID for both), tentative while it is asked for or proposed, confirmed once
/// accepted, withdrawn (METHOD:CANCEL) when declined, expired, withdrawn or cancelled.
struct CalendarInvitations {
    let parties: RequestParties
    let domain: String
    let now: Date

    /// For a move on a request; nil when the move changes nothing in anyone's calendar.
    func forRequest(_ event: LifecycleEvent, _ request: SessionRequest, time: TimeRange?, location: String, in db: DB) async throws
        -> OutboxMessage.Attachment?
    {
        let shown = time ?? request.proposedTime ?? request.requestedTime
        let kind: (CalendarInvite.Method, CalendarInvite.Status)
        switch event {
        case .requested, .rescheduleRequested, .proposed: kind = (.request, .tentative)
        case .replied:
            guard time != nil else { return nil }
            kind = (.request, .tentative)
        case .accepted, .proposalAccepted: kind = (.request, .confirmed)
        case .declined, .expired, .withdrawn, .proposalDeclined: kind = (.cancel, .cancelled)
        default: return nil
        }
        // A request's first invitation goes out in the transaction that creates it.
        let first = event == .requested || event == .rescheduleRequested
        return try await invite(uid: Self.uid(ofRequest: request.id, domain: domain), kind, first: first, time: shown, location: location, in: db)
    }

    /// For a session booked by the office, or cancelled.
    func forSession(_ event: LifecycleEvent, _ session: Session, in db: DB) async throws -> OutboxMessage.Attachment? {
        let kind: (CalendarInvite.Method, CalendarInvite.Status)
        switch event {
        // A moved session is the same event at its new time.
        case .sessionCreated, .sessionMoved: kind = (.request, .confirmed)
        case .sessionCancelled, .originalCancelled: kind = (.cancel, .cancelled)
        default: return nil
        }
        let requestID = try await db.requestIDs(forSessions: [session.id], organizationID: session.organizationID)[session.id]
        // A session the office books is a new event; one made from a request continues the request's.
        let first = event == .sessionCreated && requestID == nil
        return try await invite(
            uid: Self.uid(ofSession: session.id, madeFrom: requestID, domain: domain), kind, first: first, time: session.time,
            location: LifecycleMessage.place(SessionDetails(location: session.location, sessionType: session.sessionType)), in: db)
    }

    /// A session's calendar identity: that of the request it was made from (so the tentative event
    /// becomes the confirmed one), or its own when the office booked it.
    static func uid(ofSession sessionID: String, madeFrom requestID: String?, domain: String) -> String {
        requestID.map { uid(ofRequest: $0, domain: domain) } ?? "session-\(sessionID)@\(domain)"
    }

    static func uid(ofRequest requestID: String, domain: String) -> String { "request-\(requestID)@\(domain)" }

    /// The host of the app's public address, which names its calendar events.
    static func domain(of dependencies: Dependencies) -> String {
        URLComponents(string: dependencies.publicBaseURL)?.host ?? "sessiondesk.invalid"
    }

    /// Who sends the invitations: the organization, at its first office address.
    static func organizer(_ parties: RequestParties, domain: String) -> CalendarInvite.Person {
        .init(name: parties.organization.name, email: parties.admins.first?.email ?? "office@\(domain)")
    }

    private func invite(
        uid: String, _ kind: (method: CalendarInvite.Method, status: CalendarInvite.Status), first: Bool, time: TimeRange, location: String,
        in db: DB
    ) async throws -> OutboxMessage.Attachment {
        let organization = parties.organization
        let sequence = first ? 0 : try await db.nextCalendarSequence(uid: uid, organizationID: organization.id)
        let invite = CalendarInvite(
            method: kind.method, uid: uid, sequence: sequence, status: kind.status, time: time, zone: organization.timeZone,
            summary: parties.summary, location: location, details: "\(organization.name): \(parties.summary)",
            organizer: Self.organizer(parties, domain: domain),
            attendees: (parties.guardians + [parties.tutor]).map { .init(name: $0.name, email: $0.email) }, stamp: now)
        return OutboxMessage.Attachment(
            contentType: invite.contentType, filename: kind.method == .cancel ? "cancel.ics" : "invite.ics", text: invite.rendered())
    }
}
