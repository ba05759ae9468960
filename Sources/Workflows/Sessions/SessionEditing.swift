public import Foundation
public import Scheduling
import Storage

/// The office corrects a session: its time, length, location or type, or deletes one logged by
/// mistake. A session still ahead that moves is a move like any other (its reminder follows, and
/// the family, tutor and office are told with an updated calendar event); billed sessions keep
/// their time until their invoice is voided; everything is audited.
public struct SessionEditing: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    /// Fields left out stay as they are. The date and start time are local to the organization.
    public struct Changes: Sendable {
        public var date: LocalDate?
        public var startTime: LocalTime?
        public var durationMinutes: Int?
        public var location: String?
        public var sessionType: String?

        public init(
            date: LocalDate? = nil, startTime: LocalTime? = nil, durationMinutes: Int? = nil, location: String? = nil, sessionType: String? = nil
        ) {
            self.date = date
            self.startTime = startTime
            self.durationMinutes = durationMinutes
            self.location = location
            self.sessionType = sessionType
        }
    }

    public func update(_ sessionID: String, _ changes: Changes, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> Session {
        try caller.requireAdmin(to: "change sessions")
        if let minutes = changes.durationMinutes, !SessionLength.isValid(minutes: minutes) {
            throw DomainError.invalid("durationMinutes", SessionLength.rule)
        }
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { [dependencies] db in
            var (session, parties) = try await Self.load(sessionID, caller: caller, in: db)
            let organization = parties.organization
            let timeline = organization.timeline(coveringInstants: [session.time.start])!
            let local = timeline.local(session.time.start)
            let start = try organization.instant(of: changes.date ?? local.date, at: changes.startTime ?? local.time, field: "startTime")
            let time = TimeRange(start: start, minutes: changes.durationMinutes ?? Int(session.time.duration / 60))
            let details = try SessionDetails(
                location: changes.location ?? session.location, sessionType: changes.sessionType ?? session.sessionType, className: session.className,
                room: session.room
            ).validated(requiringLocation: false)
            let moved = time != session.time
            if moved {
                try SessionEditRules.checkMoving(session, to: time, billedOn: try await Self.issuedInvoices(of: session, in: db), now: now)
                try await TutorSchedule.check(
                    time, placement: .notTaken, parties: parties, now: now, excludingSession: session.id, cache: dependencies.directory, in: db)
            }
            guard moved || details.location != session.location || details.sessionType != session.sessionType else { return session }
            let before = session.time
            session.time = time
            session.location = details.location
            session.sessionType = details.sessionType
            do {
                try await db.updateSessionDetails(session)
            } catch StoreError.exclusionViolation {
                throw DomainError.conflict("\(parties.tutor.name) already has a session at \(organization.describe(time.start)).")
            }
            if moved && session.status == .scheduled && (before.end > now || time.end > now) {
                try await SessionReminders.schedule(session, in: organization, ids: dependencies.ids, now: now, db: db)
                try await LifecycleRecord(dependencies: dependencies, parties: parties, now: now).sessionEvent(
                    .sessionMoved, on: session, by: .person(caller), body: "It was on \(organization.describe(before)).", in: db)
            } else {
                try await OfficeAudit(dependencies: dependencies).record(
                    .sessionChanged, session: session,
                    summary: "changed \(parties.summary), \(organization.describe(before))"
                        + (moved ? ": now \(organization.describe(time))" : "") + Self.place(session), by: caller, at: now, in: db)
            }
            return session
        }
    }

    /// Deletes a session logged by mistake: one on no invoice, that no request made or moves.
    public func delete(_ sessionID: String, by caller: Caller) async throws {
        try caller.requireAdmin(to: "delete sessions")
        let now = dependencies.currentInstant()
        try await dependencies.store.write { [dependencies] db in
            let (session, parties) = try await Self.load(sessionID, caller: caller, in: db)
            try SessionEditRules.checkDeleting(
                session, invoices: try await db.invoicesListing(session: session.id, organizationID: session.organizationID),
                madeFromRequest: try await db.sessionHasRequests(session.id, organizationID: session.organizationID))
            try await OfficeAudit(dependencies: dependencies).record(
                .sessionDeleted, session: session,
                summary:
                    "deleted \(parties.summary), \(parties.organization.describe(session.time)) (\(session.status.rawValue.replacingOccurrences(of: "_", with: " ")))",
                by: caller, at: now, in: db)
            try await db.deleteSession(id: session.id, organizationID: session.organizationID)
        }
    }

    /// The session under its tutor's lock, with the people it concerns.
    private static func load(_ sessionID: String, caller: Caller, in db: DB) async throws -> (Session, RequestParties) {
        guard let peek = try await db.session(id: sessionID, organizationID: caller.organizationID) else { throw DomainError.notFound("Session") }
        try await db.lockSchedule(ofTutor: peek.tutorID)
        guard let session = try await db.session(id: sessionID, organizationID: caller.organizationID) else { throw DomainError.notFound("Session") }
        return (session, try await SessionAccess.parties(of: session, for: caller, in: db))
    }

    private static func issuedInvoices(of session: Session, in db: DB) async throws -> [InvoiceNumber] {
        try await db.invoiceStates(sessionIDs: [session.id], organizationID: session.organizationID)[session.id, default: []].map(\.number)
    }

    private static func place(_ session: Session) -> String {
        let place = [session.location, session.sessionType].filter { !$0.isEmpty }.joined(separator: ", ")
        return place.isEmpty ? "" : " (\(place))"
    }
}
