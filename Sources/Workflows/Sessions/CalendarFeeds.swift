public import Foundation
import Notifications
public import Scheduling
import Storage

/// Each person's private calendar subscription: an address with a random token that opens their
/// sessions (a family's children's, a tutor's own, the office's all) as an ICS feed, from two months
/// back to ten months ahead. The token is stored only as its hash, so the address is shown once,
/// when it is made; making a new one makes the old one stop working.
public struct CalendarFeeds: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    /// A new address.
    public struct Made: Sendable {
        public let url: String
        public let createdAt: Date
    }

    /// When the caller's address was made, if they have one.
    public func createdAt(for caller: Caller) async throws -> Date? {
        try await dependencies.store.read { db in try await db.calendarFeedCreatedAt(userID: caller.userID) }
    }

    /// A new address for the caller, to show them now; the old one answers 404 from now on.
    public func make(for caller: Caller) async throws -> Made {
        let token = dependencies.secrets.token()
        let now = dependencies.currentInstant()
        try await dependencies.store.write { db in
            try await db.replaceCalendarFeed(
                userID: caller.userID, organizationID: caller.organizationID, tokenHash: SecretGenerator.hash(token), now: now)
        }
        return Made(url: dependencies.url(WebPath.calendarFeed(token)), createdAt: now)
    }

    /// The feed `token` opens, or nil for an unknown (or reset) token.
    public func feed(token: String) async throws -> String? {
        guard token.count >= 20,
            let caller = try await dependencies.store.read({ db -> Caller? in
                guard let owner = try await db.calendarFeedOwner(tokenHash: SecretGenerator.hash(token)),
                    let user = try await db.user(id: owner.userID, organizationID: owner.organizationID)
                else { return nil }
                return Caller(user: user)
            })
        else { return nil }
        let now = dependencies.now()
        let organization = try await Directory(dependencies).organization(for: caller)
        let today = organization.localDate(of: now)
        let listing = try await SessionDirectory(dependencies).list(.init(from: today.adding(days: -60), to: today.adding(days: 300)), for: caller)
        let domain = CalendarInvitations.domain(of: dependencies)
        let events = try await dependencies.store.read { db in
            let requests = try await db.requestIDs(forSessions: listing.sessions.map(\.id), organizationID: caller.organizationID)
            let uids = listing.sessions.map { CalendarInvitations.uid(ofSession: $0.id, madeFrom: requests[$0.id], domain: domain) }
            let sequences = try await db.calendarSequences(uids: uids)
            var parties: [String: RequestParties] = [:]
            var events: [CalendarInvite] = []
            for (session, uid) in zip(listing.sessions, uids) {
                guard let studentID = session.studentIDs.first else { continue }
                let key = "\(session.tutorID)/\(studentID)/\(session.subjectID)"
                if parties[key] == nil {
                    parties[key] = try await RequestParties.load(
                        organizationID: caller.organizationID, tutorID: session.tutorID, studentID: studentID, subjectID: session.subjectID, in: db)
                }
                guard let people = parties[key] else { continue }
                events.append(
                    CalendarInvite(
                        method: .request, uid: uid, sequence: sequences[uid] ?? 0, status: session.status == .scheduled ? .confirmed : .cancelled,
                        time: session.time, zone: organization.timeZone, summary: people.summary,
                        location: [session.location, session.sessionType].filter { !$0.isEmpty }.joined(separator: ", "),
                        details: "\(organization.name): \(people.summary)",
                        organizer: CalendarInvitations.organizer(people, domain: domain), attendees: [], stamp: now)
                )
            }
            return events
        }
        return CalendarFeed(name: "\(organization.name) · \(caller.name)", zone: organization.timeZone, events: events).rendered()
    }
}
