import Foundation

/// Everything that can happen to a session request, each with what it needs.
public enum RequestMove: Hashable, Sendable {
    /// Make session: the tutor or office accepts the requested time.
    case accept(SessionDetails)
    /// With the reason the parent will read.
    case decline(reason: String)
    /// The tutor or office offers another time, with a note.
    case propose(time: TimeRange, note: String)
    /// The parent takes the proposed time; the session is created with the tutor's details.
    case acceptProposal
    /// The parent answers a proposal with a message, another time, or both.
    case reply(message: String, time: TimeRange?)
    /// The parent turns the proposed time down.
    case declineProposal
    /// The parent takes the request back.
    case withdraw
    /// The deadline passed with nobody answering.
    case expire

    public var name: String {
        switch self {
        case .accept: "accept"
        case .decline: "decline"
        case .propose: "propose"
        case .acceptProposal: "accept the proposed time"
        case .reply: "reply"
        case .declineProposal: "decline the proposed time"
        case .withdraw: "withdraw"
        case .expire: "expire"
        }
    }
}

/// What "make session" records besides the time (seed 001: location and session type are
/// compulsory, class and room are not).
public struct SessionDetails: Hashable, Sendable {
    public var location: String
    public var sessionType: String
    public var className: String
    public var room: String

    public init(location: String, sessionType: String, className: String = "", room: String = "") {
        self.location = location
        self.sessionType = sessionType
        self.className = className
        self.room = room
    }

    /// Trimmed, and refused without a session type, or without a location when `requiringLocation`
    /// (a session logged afterwards may leave its place unsaid).
    public func validated(requiringLocation: Bool = true) throws(DomainError) -> SessionDetails {
        let details = SessionDetails(
            location: location.trimmingCharacters(in: .whitespacesAndNewlines),
            sessionType: sessionType.trimmingCharacters(in: .whitespacesAndNewlines),
            className: className.trimmingCharacters(in: .whitespacesAndNewlines), room: room.trimmingCharacters(in: .whitespacesAndNewlines))
        var issues = IssueList()
        issues.check(!requiringLocation || !details.location.isEmpty, "location", "Making a session needs a location.")
        issues.check(!details.sessionType.isEmpty, "sessionType", "Making a session needs a session type (such as In person or Online).")
        issues.check(TextRules.length(details.location) <= 200, "location", "A location can be at most 200 characters.")
        issues.check(TextRules.length(details.sessionType) <= 100, "sessionType", "A session type can be at most 100 characters.")
        issues.check(TextRules.length(details.className) <= 100, "className", "A class can be at most 100 characters.")
        issues.check(TextRules.length(details.room) <= 100, "room", "A room can be at most 100 characters.")
        TextRules.checkOneLine(details.location, field: "location", label: "A location", into: &issues)
        TextRules.checkOneLine(details.sessionType, field: "sessionType", label: "A session type", into: &issues)
        TextRules.checkOneLine(details.className, field: "className", label: "A class", into: &issues)
        TextRules.checkOneLine(details.room, field: "room", label: "A room", into: &issues)
        try issues.throwIfAny()
        return details
    }
}
