/// A scheduled, held or cancelled meeting of a tutor with one or more students.
public struct Session: Hashable, Sendable, Codable {
    public let id: String
    public let organizationID: String
    public var tutorID: String
    /// Group sessions have several students, each through their own engagement and at their own rates.
    public var students: [SessionStudent]
    public var subjectID: String
    /// The engagement it was made from, when there is one (logged or requested sessions have one).
    public var engagementID: String?
    public var time: TimeRange
    public var status: SessionStatus
    public var location: String
    public var sessionType: String
    public var className: String
    public var room: String
    /// Why it was cancelled, when it was.
    public var cancellationReason: String?
    /// `request` mode: a family asked the office to cancel it (red in their calendar); it still takes
    /// place until the office cancels it or clears the request.
    public var cancellationRequest: CancellationRequest?
    /// The rating, report and notes written afterwards.
    public var notes: SessionNotes

    public init(
        id: String, organizationID: String, tutorID: String, students: [SessionStudent], subjectID: String, engagementID: String?,
        time: TimeRange, status: SessionStatus, location: String, sessionType: String, className: String = "", room: String = "",
        cancellationReason: String? = nil, cancellationRequest: CancellationRequest? = nil, notes: SessionNotes = .init()
    ) {
        self.id = id
        self.organizationID = organizationID
        self.tutorID = tutorID
        self.students = students
        self.subjectID = subjectID
        self.engagementID = engagementID
        self.time = time
        self.status = status
        self.location = location
        self.sessionType = sessionType
        self.className = className
        self.room = room
        self.cancellationReason = cancellationReason
        self.cancellationRequest = cancellationRequest
        self.notes = notes
    }

    public var studentIDs: [String] { students.map(\.studentID) }
}

public enum SessionStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case scheduled
    case completed
    case cancelled
    /// Cancelled too late to be free of charge: it still did not take place.
    case lateCancelled = "late_cancelled"

    /// Whether the session occupies the tutor's time; cancelled ones free it again.
    public var occupiesTutor: Bool {
        switch self {
        case .scheduled, .completed: true
        case .cancelled, .lateCancelled: false
        }
    }
}
