import Foundation

/// A tutor assigned to teach one student one subject, billed to a client at agreed rates.
///
/// Parents may request sessions only through an active engagement (seed 001: "Customers
/// cannot make requests to a tutor that is not assigned").
public struct Engagement: Hashable, Sendable, Codable {
    public let id: String
    public let organizationID: String
    public let tutorID: String
    public let studentID: String
    public let subjectID: String
    /// Who pays: a guardian of the student.
    public let clientID: String
    public var terms: EngagementTerms
    public var isActive: Bool

    public init(
        id: String, organizationID: String, tutorID: String, studentID: String, subjectID: String, clientID: String,
        terms: EngagementTerms, isActive: Bool = true
    ) {
        self.id = id
        self.organizationID = organizationID
        self.tutorID = tutorID
        self.studentID = studentID
        self.subjectID = subjectID
        self.clientID = clientID
        self.terms = terms
        self.isActive = isActive
    }
}

/// The money and defaults of an engagement, each session starts from these.
public struct EngagementTerms: Hashable, Sendable, Codable {
    /// What the client pays per hour, in the currency's minor unit (pence, cents).
    public var clientRatePerHour: Int
    /// What the tutor earns per hour, in the currency's minor unit.
    public var tutorPayRatePerHour: Int
    public var defaultDurationMinutes: Int
    public var location: String
    /// "In person", "Online", …
    public var sessionType: String
    /// The longest session the family may ask for; nil means `defaultDurationMinutes`. The office
    /// books longer ones itself.
    public var longestRequestMinutes: Int?

    public init(
        clientRatePerHour: Int, tutorPayRatePerHour: Int, defaultDurationMinutes: Int, location: String, sessionType: String,
        longestRequestMinutes: Int? = nil
    ) {
        self.clientRatePerHour = clientRatePerHour
        self.tutorPayRatePerHour = tutorPayRatePerHour
        self.defaultDurationMinutes = defaultDurationMinutes
        self.location = location
        self.sessionType = sessionType
        self.longestRequestMinutes = longestRequestMinutes
    }

    /// What a family's request may last at most.
    public var requestLimitMinutes: Int { longestRequestMinutes ?? defaultDurationMinutes }

    /// The largest rate accepted: a million in major units an hour is a typing mistake, not a price.
    public static let maximumRate = 100_000_000

    public func validate() throws(DomainError) {
        var issues = IssueList()
        issues.check(clientRatePerHour >= 0, "clientRatePerHour", "The client rate cannot be negative.")
        issues.check(clientRatePerHour <= Self.maximumRate, "clientRatePerHour", "The client rate is too large.")
        issues.check(tutorPayRatePerHour >= 0, "tutorPayRatePerHour", "The tutor pay rate cannot be negative.")
        issues.check(tutorPayRatePerHour <= Self.maximumRate, "tutorPayRatePerHour", "The tutor pay rate is too large.")
        issues.check(
            SessionLength.isValid(minutes: defaultDurationMinutes), "defaultDurationMinutes", SessionLength.rule)
        if let longest = longestRequestMinutes {
            issues.check(SessionLength.isValid(minutes: longest), "longestRequestMinutes", SessionLength.rule)
            issues.check(
                longest >= defaultDurationMinutes, "longestRequestMinutes",
                "The longest request cannot be shorter than the usual session (\(defaultDurationMinutes) minutes).")
        }
        issues.check(TextRules.length(location) <= 200, "location", "A location can be at most 200 characters.")
        issues.check(
            !sessionType.trimmingCharacters(in: .whitespaces).isEmpty && TextRules.length(sessionType) <= 100, "sessionType",
            "A session type (such as \"In person\" or \"Online\") of at most 100 characters is required.")
        TextRules.checkOneLine(location, field: "location", label: "A location", into: &issues)
        TextRules.checkOneLine(sessionType, field: "sessionType", label: "A session type", into: &issues)
        try issues.throwIfAny()
    }
}

/// How long a session may last.
public enum SessionLength {
    public static let rule = "A session lasts between 15 minutes and 8 hours, in steps of 5 minutes."

    /// Also what bounds the search for sessions overlapping a time: none starts longer ago than this.
    public static let longestMinutes = 480

    public static func isValid(minutes: Int) -> Bool { (15...longestMinutes).contains(minutes) && minutes % 5 == 0 }
}

extension Engagement {
    /// The client's rate is the office's and the paying family's business.
    public func clientRateVisible(to caller: Caller) -> Bool { caller.isAdmin || caller.role == .parent }

    /// A tutor's pay is the office's and that tutor's business.
    public func tutorPayVisible(to caller: Caller) -> Bool { caller.isAdmin || caller.userID == tutorID }
}
