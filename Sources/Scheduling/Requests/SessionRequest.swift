public import Foundation

/// A parent's request for a session at a time, and the negotiation that follows.
public struct SessionRequest: Hashable, Sendable, Codable {
    public let id: String
    public let organizationID: String
    public let engagementID: String
    public let tutorID: String
    public let studentID: String
    public let subjectID: String
    /// The parent who asked.
    public let parentID: String
    /// A reschedule names the session it replaces.
    public let replacesSessionID: String?
    public let createdAt: Date
    public var state: RequestState
    /// The time the family asked for, most recently.
    public var requestedTime: TimeRange
    /// The time the tutor or office offered, once they proposed one.
    public var proposedTime: TimeRange?
    /// The family answered a proposal with a message or another time: the tutor must act (striped).
    public var parentReplied: Bool
    /// When the side whose turn it is must answer by; the request expires then.
    public var respondBy: Date
    public var updatedAt: Date
    /// Once closed: who closed it (their name, or nil for the system) and when.
    public var closedByName: String?
    public var closedAt: Date?
    /// The reason given when declined.
    public var declineReason: String?
    /// The session created on acceptance.
    public var sessionID: String?

    public init(
        id: String, organizationID: String, engagementID: String, tutorID: String, studentID: String, subjectID: String, parentID: String,
        replacesSessionID: String?, createdAt: Date, state: RequestState, requestedTime: TimeRange, proposedTime: TimeRange? = nil,
        parentReplied: Bool = false, respondBy: Date, updatedAt: Date, closedByName: String? = nil, closedAt: Date? = nil,
        declineReason: String? = nil, sessionID: String? = nil
    ) {
        self.id = id
        self.organizationID = organizationID
        self.engagementID = engagementID
        self.tutorID = tutorID
        self.studentID = studentID
        self.subjectID = subjectID
        self.parentID = parentID
        self.replacesSessionID = replacesSessionID
        self.createdAt = createdAt
        self.state = state
        self.requestedTime = requestedTime
        self.proposedTime = proposedTime
        self.parentReplied = parentReplied
        self.respondBy = respondBy
        self.updatedAt = updatedAt
        self.closedByName = closedByName
        self.closedAt = closedAt
        self.declineReason = declineReason
        self.sessionID = sessionID
    }

    /// The time this request keeps from everyone else: the requested time while pending, the
    /// proposed time while proposed, nothing once closed.
    public var heldTime: TimeRange? {
        switch state {
        case .pending: requestedTime
        case .proposed: proposedTime
        default: nil
        }
    }

    /// The tutor or office must act.
    public var awaitsTutor: Bool { state == .pending }
    /// The family must act.
    public var awaitsFamily: Bool { state == .proposed }
}
