public import Foundation

/// One line of a request's conversation, readable by the family, the tutor and the office.
public struct ConversationEntry: Hashable, Sendable {
    public let id: String
    public let requestID: String
    /// Nil when the system wrote it (an expiry).
    public let authorID: String?
    public let authorName: String
    /// `admin`, `tutor`, `parent` or `system`.
    public let authorRole: String
    public let event: LifecycleEvent
    /// The person's words, or the system's sentence.
    public let body: String
    /// The time put forward, where the move named one.
    public let time: TimeRange?
    public let createdAt: Date
    /// Orders entries written within the same second.
    public let sequence: Int

    public init(
        id: String, requestID: String, authorID: String?, authorName: String, authorRole: String, event: LifecycleEvent, body: String,
        time: TimeRange?, createdAt: Date, sequence: Int
    ) {
        self.id = id
        self.requestID = requestID
        self.authorID = authorID
        self.authorName = authorName
        self.authorRole = authorRole
        self.event = event
        self.body = body
        self.time = time
        self.createdAt = createdAt
        self.sequence = sequence
    }
}

/// One line of the office's audit log: who did what to which record, when. The summary says what
/// was done without who did it ("requested Maths with …"): the log names the actor beside it.
public struct AuditEvent: Hashable, Sendable {
    public let id: String
    public let organizationID: String
    public let actorID: String?
    public let actorName: String
    public let actorRole: String
    public let action: AuditAction
    /// What it was done to: `session_request`, `session`, `organization`, `message_template`,
    /// `user`, `student`, `subject`, `engagement`, `availability` (a tutor's) or `notification`.
    public let subjectType: String
    public let subjectID: String
    public let summary: String
    public let createdAt: Date
    /// The log's order among events of the same second; given by the database when stored.
    public let sequence: Int64

    public init(
        id: String, organizationID: String, actorID: String?, actorName: String, actorRole: String, action: AuditAction,
        subjectType: String, subjectID: String, summary: String, createdAt: Date, sequence: Int64 = 0
    ) {
        self.id = id
        self.organizationID = organizationID
        self.actorID = actorID
        self.actorName = actorName
        self.actorRole = actorRole
        self.action = action
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.summary = summary
        self.createdAt = createdAt
        self.sequence = sequence
    }

    /// Where a page ending with this event ends.
    public var cursor: AuditCursor { AuditCursor(createdAt: createdAt, sequence: sequence) }
}
