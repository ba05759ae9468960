import Foundation
public import Scheduling
import Storage

/// Reading requests and their conversations, limited to what the caller may see.
public struct RequestDirectory: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public struct Query: Sendable {
        public var states: [RequestState]?
        /// Only requests waiting for the caller: pending ones for the tutor or office, proposed ones for a family.
        public var needsAction: Bool
        public var tutorID: String?
        public var studentID: String?
        /// Local dates of the organization, both included.
        public var from: LocalDate?
        public var to: LocalDate?

        public init(
            states: [RequestState]? = nil, needsAction: Bool = false, tutorID: String? = nil, studentID: String? = nil, from: LocalDate? = nil,
            to: LocalDate? = nil
        ) {
            self.states = states
            self.needsAction = needsAction
            self.tutorID = tutorID
            self.studentID = studentID
            self.from = from
            self.to = to
        }
    }

    public struct Listing: Sendable {
        public let organization: Organization
        public let requests: [SessionRequest]
    }

    public func list(_ query: Query, for caller: Caller) async throws -> Listing {
        try await dependencies.store.read { db in
            let (organization, filter) = try await Self.filter(query, for: caller, in: db)
            guard let filter else { return Listing(organization: organization, requests: []) }
            return Listing(organization: organization, requests: try await db.requests(organizationID: caller.organizationID, filter: filter))
        }
    }

    /// What waits for the caller's answer: requests whose turn is theirs and, for the office,
    /// sessions from today on that a family asked it to cancel.
    public func waiting(for caller: Caller) async throws -> Waiting {
        let now = dependencies.now()
        return try await dependencies.store.read { db in
            let (organization, filter) = try await Self.filter(.init(needsAction: true), for: caller, in: db)
            var requests = 0
            if let filter { requests = try await db.countRequests(organizationID: caller.organizationID, filter: filter) }
            guard caller.role == .admin else { return Waiting(requests: requests, cancellationRequests: 0) }
            let date = organization.localDate(of: now)
            let today = organization.timeline(covering: date...date).startOfDay(date)
            return Waiting(
                requests: requests,
                cancellationRequests: try await db.openCancellationRequestCount(organizationID: caller.organizationID, since: today))
        }
    }

    /// The query narrowed to what the caller may see; nil when that is nothing.
    private static func filter(_ query: Query, for caller: Caller, in db: DB) async throws -> (Organization, RequestFilter?) {
        if let from = query.from, let to = query.to, to < from {
            throw DomainError.invalid("to", "The end date \(to.iso) is before the start date \(from.iso).")
        }
        guard let organization = try await db.organization(id: caller.organizationID) else { throw DomainError.notFound("Organization") }
        var filter = RequestFilter(tutorID: query.tutorID, studentID: query.studentID)
        switch caller.role {
        case .admin: break
        case .tutor:
            guard organization.settings.requestRouting == .tutorAndAdmins else { return (organization, nil) }
            if let tutorID = query.tutorID, tutorID != caller.userID { return (organization, nil) }
            filter.tutorID = caller.userID
        case .parent:
            filter.guardianID = caller.userID
        }
        var states = query.states
        if query.needsAction {
            let waiting: RequestState = caller.role == .parent ? .proposed : .pending
            states = (states ?? [waiting]).filter { $0 == waiting }
        }
        filter.states = states
        if query.from != nil || query.to != nil {
            let from = query.from ?? LocalDate(year: 1970, month: 1, day: 1)!
            let to = query.to ?? LocalDate(year: 9999, month: 12, day: 30)!
            filter.startsWithin = TimeRange(start: organization.timeZone.startOfDay(from), end: organization.timeZone.startOfDay(to.adding(days: 1)))
        }
        return (organization, filter)
    }

    /// The other side's latest note or reply on each request `list` would give, by request id:
    /// the family's for the tutor and the office, the tutor's or office's for the family.
    public func otherSideNotes(_ query: Query, for caller: Caller) async throws -> [String: String] {
        try await dependencies.store.read { db in
            let (_, filter) = try await Self.filter(query, for: caller, in: db)
            guard let filter else { return [:] }
            let roles: [Role] = caller.role == .parent ? [.tutor, .admin] : [.parent]
            return try await db.latestNotes(organizationID: caller.organizationID, filter: filter, by: roles)
        }
    }

    public struct Detail: Sendable {
        public let request: SessionRequest
        public let parties: RequestParties
    }

    public func request(_ id: String, for caller: Caller) async throws -> Detail {
        try await dependencies.store.read { db in try await Self.visibleRequest(id, for: caller, in: db) }
    }

    public struct Conversation: Sendable {
        public let organization: Organization
        public let entries: [ConversationEntry]
    }

    public func conversation(_ requestID: String, for caller: Caller) async throws -> Conversation {
        try await dependencies.store.read { db in
            let detail = try await Self.visibleRequest(requestID, for: caller, in: db)
            return Conversation(
                organization: detail.parties.organization,
                entries: try await db.conversation(requestID: requestID, organizationID: caller.organizationID))
        }
    }

    static func visibleRequest(_ id: String, for caller: Caller, in db: DB) async throws -> Detail {
        guard let request = try await db.request(id: id, organizationID: caller.organizationID) else { throw DomainError.notFound("Session request") }
        let parties = try await RequestParties.load(for: request, in: db)
        guard RequestVisibility.allows(caller, toSee: request, parties: parties) else { throw DomainError.notFound("Session request") }
        return Detail(request: request, parties: parties)
    }
}
