/// A refusal, with the sentence the person who asked will read.
///
/// The kind says how the refusal travels (HTTP maps it to a status); the message says why, in
/// the product's words, naming the limit that was hit ("the earliest is Tue 14 Jan 16:00 GMT").
public struct DomainError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// The input cannot be read as the API describes it (a wrong type, a missing field).
        case malformed
        /// The input breaks a rule; nothing was changed.
        case invalid
        /// No such thing, or not one the caller may see: the two read the same on purpose.
        case notFound
        /// The caller may see the thing but their role may not do this to it.
        case forbidden
        /// The thing's current state does not allow this move (a taken slot, a duplicate email).
        case conflict
        /// Who is asking is unknown or their credentials are wrong.
        case unauthenticated
        /// Too many attempts; try again later.
        case rateLimited
    }

    public let kind: Kind
    public let message: String
    /// For `invalid`: each offending field (JSON path such as `weekly[2].end`) and what is wrong with it.
    public let issues: [FieldIssue]
    /// For `rateLimited`: when to try again.
    public let retryAfterSeconds: Int?
    /// For a taken time: the next free slots, so the person can pick another at once.
    public var alternatives: [LabelledTime] = []

    public init(_ kind: Kind, _ message: String, issues: [FieldIssue] = [], retryAfterSeconds: Int? = nil) {
        self.kind = kind
        self.message = message
        self.issues = issues
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var description: String { "\(kind): \(message)" }

    /// A rule about one field.
    public static func invalid(_ field: String, _ message: String) -> DomainError {
        DomainError(.invalid, message, issues: [FieldIssue(field: field, message: message)])
    }

    /// Several field rules at once, so a form can show every problem in one go.
    public static func invalid(_ issues: [FieldIssue]) -> DomainError {
        DomainError(
            .invalid,
            issues.count == 1 ? issues[0].message : "\(issues.count) fields need attention: \(issues.map(\.message).joined(separator: " "))",
            issues: issues)
    }

    /// `what` is the thing's name for people: "Tutor", "Engagement".
    public static func notFound(_ what: String) -> DomainError {
        DomainError(.notFound, "\(what) not found.")
    }

    public static func forbidden(_ message: String) -> DomainError { DomainError(.forbidden, message) }

    public static func conflict(_ message: String) -> DomainError { DomainError(.conflict, message) }
}

public struct FieldIssue: Hashable, Sendable, Codable {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Collects field issues while validating, then throws them together.
public struct IssueList: Sendable {
    public private(set) var issues: [FieldIssue] = []

    public init() {}

    public mutating func check(_ condition: Bool, _ field: String, _ message: @autoclosure () -> String) {
        if !condition { issues.append(FieldIssue(field: field, message: message())) }
    }

    public mutating func add(_ field: String, _ message: String) {
        issues.append(FieldIssue(field: field, message: message))
    }

    public func throwIfAny() throws(DomainError) {
        if !issues.isEmpty { throw DomainError.invalid(issues) }
    }
}
