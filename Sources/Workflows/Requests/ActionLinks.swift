import Foundation
public import Scheduling
public import Storage

/// Answering a request from the email, without logging in. Each link is a random 256-bit token,
/// stored hashed, bound to one person, one request and one action, valid until the request's
/// deadline and only once. Opening it (GET) only shows what it would do; the POST does it, as the
/// person the link was sent to, through the same rules as every other answer.
public struct ActionLinks: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    /// What an opened link offers: the action, on which request, for whom, and the defaults of its form.
    public struct Opened: Sendable {
        public let link: ActionLink
        public let holder: Caller
        public let request: SessionRequest
        public let summary: String
        public let time: String
        /// For accepting: the engagement's usual place and kind of session.
        public let location: String
        public let sessionType: String
        /// The other side's latest words on the request (the family's note to the tutor, the
        /// tutor's to the family), with who wrote them.
        public let note: String?
        public let noteBy: String?
    }

    /// The actions `person` may take from the email about `event` on `request`, if any.
    static func actions(for person: User, event: LifecycleEvent, request: SessionRequest, parties: RequestParties) -> [ActionLink.Action] {
        let asksTutor: Set<LifecycleEvent> = [.requested, .rescheduleRequested, .replied]
        if asksTutor.contains(event) && person.id == parties.tutor.id && request.state == .pending { return [.accept, .decline] }
        if event == .proposed && request.state == .proposed && parties.guardians.contains(where: { $0.id == person.id }) {
            return [.acceptProposal, .declineProposal]
        }
        return []
    }

    /// A link made for a message: stored by its hash, sent as its address.
    struct Issued: Sendable {
        let link: ActionLink
        let tokenHash: String
        let label: String
        let url: String
    }

    /// Makes the links; the notification's transaction stores them (`DB.insertActionLinks`).
    static func issue(
        _ actions: [ActionLink.Action], for person: User, request: SessionRequest, dependencies: Dependencies
    ) -> [Issued] {
        actions.map { action in
            let token = dependencies.secrets.token()
            return Issued(
                link: ActionLink(
                    id: dependencies.ids.next(), organizationID: request.organizationID, userID: person.id, requestID: request.id, action: action,
                    expiresAt: request.respondBy),
                tokenHash: SecretGenerator.hash(token), label: action.label, url: dependencies.url(WebPath.actionLink(token)))
        }
    }

    /// The link's offer, or the reason it cannot be used (unknown, used, expired, or the request moved on).
    public func open(token: String) async throws -> Opened {
        let now = dependencies.now()
        return try await dependencies.store.read { db in
            guard let link = try await db.actionLink(tokenHash: SecretGenerator.hash(token)),
                let user = try await db.user(id: link.userID, organizationID: link.organizationID),
                let request = try await db.request(id: link.requestID, organizationID: link.organizationID)
            else {
                throw DomainError(
                    .notFound,
                    "This link is not one SessionDesk made, or it was copied incompletely. Open the request from the email's Details link instead.")
            }
            let parties = try await RequestParties.load(for: request, in: db)
            let organization = parties.organization
            if let used = link.usedAt { throw DomainError.conflict("This link was already used, on \(organization.describe(used)).") }
            // Answered another way (in the app, by the office, by the other link): say so, and by
            // whom, without spending this link. A closed request says how it closed even after the
            // link's own deadline.
            let context = RequestLifecycle.Context(organization: organization, now: now, guardianIDs: Set(parties.guardians.map(\.id)))
            if !request.state.isOpen { try RequestLifecycle.checkState(link.action.move, request, context) }
            guard now < link.expiresAt else {
                throw DomainError.conflict("This link expired at \(organization.describe(link.expiresAt)), when the answer was due.")
            }
            try RequestLifecycle.checkState(link.action.move, request, context)
            let engagement = try await db.engagement(id: request.engagementID, organizationID: request.organizationID)
            let said = try await db.conversation(requestID: request.id, organizationID: request.organizationID).last {
                $0.authorID != nil && $0.authorID != user.id && !$0.body.isEmpty
            }
            return Opened(
                link: link, holder: Caller(user: user), request: request, summary: parties.summary,
                time: organization.describe(
                    link.action == .accept || link.action == .decline ? request.requestedTime : request.proposedTime ?? request.requestedTime),
                location: engagement?.terms.location ?? "", sessionType: engagement?.terms.sessionType ?? "", note: said?.body,
                noteBy: said?.authorName)
        }
    }

    /// Uses the link: marks it used, then makes the move as its holder. A refusal (the request was
    /// answered another way meanwhile) comes back as the move's own sentence.
    public func act(token: String, location: String, sessionType: String, reason: String) async throws -> SessionRequest {
        let opened = try await open(token: token)
        // What can be checked before the link is spent is checked first, so a slip keeps it usable.
        switch opened.link.action {
        case .accept: _ = try SessionDetails(location: location, sessionType: sessionType).validated()
        case .decline:
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw DomainError.invalid("reason", "Declining needs a reason; the family will read it.")
            }
        case .acceptProposal, .declineProposal: break
        }
        let now = dependencies.now()
        guard try await dependencies.store.write({ db in try await db.markActionLinkUsed(id: opened.link.id, now: now) }) else {
            throw DomainError.conflict("This link was already used.")
        }
        let moves = RequestMoves(dependencies)
        let id = opened.request.id
        switch opened.link.action {
        case .accept: return try await moves.accept(id, details: SessionDetails(location: location, sessionType: sessionType), by: opened.holder)
        case .decline: return try await moves.decline(id, reason: reason, by: opened.holder)
        case .acceptProposal: return try await moves.acceptProposal(id, by: opened.holder)
        case .declineProposal: return try await moves.declineProposal(id, message: reason, by: opened.holder)
        }
    }
}

extension ActionLink.Action {
    /// The move the link makes, as far as whether the request still takes it is concerned.
    var move: RequestMove {
        switch self {
        case .accept: .accept(SessionDetails(location: "", sessionType: ""))
        case .decline: .decline(reason: "")
        case .acceptProposal: .acceptProposal
        case .declineProposal: .declineProposal
        }
    }

    /// How the email and the page name it.
    public var label: String {
        switch self {
        case .accept: "Accept"
        case .decline: "Decline"
        case .acceptProposal: "Accept the proposed time"
        case .declineProposal: "Decline the proposed time"
        }
    }
}
