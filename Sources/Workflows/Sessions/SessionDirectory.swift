public import Foundation
public import Scheduling
import Storage

/// Reading sessions, limited to what the caller may see, with what the caller may still do to each.
public struct SessionDirectory: Sendable {
    let dependencies: Dependencies

    /// The longest range one listing may cover.
    public static let maximumDays = 366

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public struct Query: Sendable {
        public var from: LocalDate
        public var to: LocalDate
        public var tutorID: String?
        public var studentID: String?
        public var statuses: [SessionStatus]?
        /// Only sessions a family asked the office to cancel.
        public var cancellationRequested: Bool
        public var clientID: String?
        public var subjectID: String?
        public var report: SessionReportFilter?
        /// On an issued invoice or not; paid in full or not (the office and families only).
        public var invoiced: Bool?
        public var paid: Bool?
        /// The page after this cursor; at most `limit` sessions.
        public var after: SessionCursor?
        public var limit: Int

        public init(
            from: LocalDate, to: LocalDate, tutorID: String? = nil, studentID: String? = nil, statuses: [SessionStatus]? = nil,
            cancellationRequested: Bool = false, clientID: String? = nil, subjectID: String? = nil, report: SessionReportFilter? = nil,
            invoiced: Bool? = nil, paid: Bool? = nil, after: SessionCursor? = nil, limit: Int = 500
        ) {
            self.from = from
            self.to = to
            self.tutorID = tutorID
            self.studentID = studentID
            self.statuses = statuses
            self.cancellationRequested = cancellationRequested
            self.clientID = clientID
            self.subjectID = subjectID
            self.report = report
            self.invoiced = invoiced
            self.paid = paid
            self.after = after
            self.limit = limit
        }
    }

    public struct Listing: Sendable {
        public let organization: Organization
        public let sessions: [Session]
        /// Where the next page starts, when there is one.
        public let nextCursor: SessionCursor?
        /// By session: its issued invoices the caller may see (none for tutors).
        public let billing: [String: SessionBilling]
    }

    public func list(_ query: Query, for caller: Caller) async throws -> Listing {
        var issues = IssueList()
        issues.check(query.from <= query.to, "to", "The end date \(query.to.iso) is before the start date \(query.from.iso).")
        issues.check(query.from.days(until: query.to) < Self.maximumDays, "to", "Sessions can be listed \(Self.maximumDays) days at a time.")
        try issues.throwIfAny()
        if caller.role == .tutor && (query.invoiced != nil || query.paid != nil) {
            throw DomainError.forbidden("Only the office and families see what is invoiced and paid.")
        }
        return try await dependencies.store.read { db in
            guard let organization = try await db.organization(id: caller.organizationID) else { throw DomainError.notFound("Organization") }
            var filter = SessionFilter(
                tutorID: query.tutorID, studentID: query.studentID, statuses: query.statuses,
                startsWithin: TimeRange(
                    start: organization.timeZone.startOfDay(query.from), end: organization.timeZone.startOfDay(query.to.adding(days: 1))),
                cancellationRequested: query.cancellationRequested, clientID: query.clientID, subjectID: query.subjectID, report: query.report,
                invoiced: query.invoiced, paid: query.paid, after: query.after, limit: query.limit + 1)
            switch caller.role {
            case .admin: break
            case .tutor:
                if let tutorID = query.tutorID, tutorID != caller.userID {
                    return Listing(organization: organization, sessions: [], nextCursor: nil, billing: [:])
                }
                filter.tutorID = caller.userID
            case .parent:
                filter.guardianID = caller.userID
            }
            // One more than asked for says whether another page follows.
            let sessions = try await db.sessions(organizationID: caller.organizationID, filter: filter)
            let page = Array(sessions.prefix(query.limit))
            return Listing(
                organization: organization, sessions: page,
                nextCursor: sessions.count > query.limit ? page.last.map(SessionCursor.init(after:)) : nil,
                billing: try await Self.billing(of: page.map(\.id), for: caller, in: db))
        }
    }

    /// What the caller may see of where `sessionIDs` were billed: nothing for a tutor.
    private static func billing(of sessionIDs: [String], for caller: Caller, in db: DB) async throws -> [String: SessionBilling] {
        guard caller.role != .tutor else { return [:] }
        return try await db.invoiceStates(sessionIDs: sessionIDs, organizationID: caller.organizationID).mapValues {
            SessionBilling($0, visibleTo: caller)
        }
    }

    public struct Detail: Sendable {
        public let session: Session
        public let organization: Organization
        /// For a family in `direct` mode: the last moment they may cancel; nil when they cannot.
        public let cancellableUntil: Date?
        /// Shown before a family asks to move this session.
        public let rescheduleWarning: String?
        /// The open reschedule request for this session, if any.
        public let pendingRescheduleID: String?
        /// Its issued invoices the caller may see; nil for a tutor.
        public let billing: SessionBilling?
    }

    public func session(_ id: String, for caller: Caller) async throws -> Detail {
        try await dependencies.store.read { db in
            guard let session = try await db.session(id: id, organizationID: caller.organizationID) else { throw DomainError.notFound("Session") }
            let parties = try await SessionAccess.parties(of: session, for: caller, in: db)
            let settings = parties.organization.settings
            let upcoming = session.status == .scheduled
            let familyMayAct = caller.role == .parent && caller.canRequestSessions && upcoming
            let cutoff = session.time.start.addingTimeInterval(TimeInterval(-settings.cancellationNoticeHours * 3600))
            return Detail(
                session: session, organization: parties.organization,
                cancellableUntil: familyMayAct && settings.cancellationMode == .direct ? cutoff : nil,
                rescheduleWarning: upcoming && settings.declinedRescheduleCancelsOriginal
                    ? "If you ask to move this session and the request is declined or not answered in time, this session will be cancelled too."
                    : nil,
                pendingRescheduleID: try await db.openRequest(replacing: session.id, organizationID: session.organizationID)?.id,
                billing: caller.role == .tutor
                    ? nil : try await Self.billing(of: [session.id], for: caller, in: db)[session.id] ?? SessionBilling([], visibleTo: caller))
        }
    }
}
