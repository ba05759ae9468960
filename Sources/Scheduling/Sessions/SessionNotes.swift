public import Foundation

/// What is written about a session afterwards (seed 002): a rating, the report the family reads
/// once it is sent, the staff's internal note, and private notes (staff only; a family's comment
/// when asking to cancel is copied there, seed 003).
public struct SessionNotes: Hashable, Sendable, Codable {
    /// 1 to 5, staff only.
    public var rating: Int?
    public var report: String
    /// When the report was last sent to the family; they read it from then on.
    public var reportSentAt: Date?
    public var internalNote: String
    public var privateNotes: String

    public init(rating: Int? = nil, report: String = "", reportSentAt: Date? = nil, internalNote: String = "", privateNotes: String = "") {
        self.rating = rating
        self.report = report
        self.reportSentAt = reportSentAt
        self.internalNote = internalNote
        self.privateNotes = privateNotes
    }

    /// The report as its family reads it: only once sent.
    public var sentReport: String? { reportSentAt == nil || report.isEmpty ? nil : report }
}

/// Changes to a session's notes; nil leaves a field as it is.
public struct SessionNotesDraft: Hashable, Sendable {
    public var rating: Int?
    public var report: String?
    public var internalNote: String?
    public var privateNotes: String?

    public init(rating: Int? = nil, report: String? = nil, internalNote: String? = nil, privateNotes: String? = nil) {
        self.rating = rating
        self.report = report
        self.internalNote = internalNote
        self.privateNotes = privateNotes
    }
}

/// What may be written about a session, and when its report may go to the family.
public enum SessionNotesRules {
    public static let reportLimit = 10_000
    public static let noteLimit = 5_000

    /// The notes after `draft`, trimmed; with `send`, the report must be written and the session
    /// must have taken place (or be under way).
    public static func apply(
        _ draft: SessionNotesDraft, to session: Session, send: Bool, in organization: Organization, now: Date
    ) throws(DomainError) -> SessionNotes {
        var notes = session.notes
        var issues = IssueList()
        if let rating = draft.rating {
            issues.check((1...5).contains(rating), "rating", "A rating is from 1 to 5.")
            notes.rating = rating
        }
        func text(_ value: String?, _ field: String, _ label: String, limit: Int) -> String? {
            guard let value else { return nil }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            issues.check(TextRules.length(trimmed) <= limit, field, "\(label) can be at most \(limit) characters.")
            return trimmed
        }
        notes.report = text(draft.report, "report", "A report", limit: reportLimit) ?? notes.report
        notes.internalNote = text(draft.internalNote, "internalNote", "The internal note", limit: noteLimit) ?? notes.internalNote
        notes.privateNotes = text(draft.privateNotes, "privateNotes", "The private notes", limit: reportLimit) ?? notes.privateNotes
        try issues.throwIfAny()
        guard send else { return notes }
        guard !notes.report.isEmpty else { throw DomainError.invalid("report", "Write the report before sending it.") }
        switch session.status {
        case .cancelled, .lateCancelled:
            throw DomainError.conflict("This session did not take place, so there is no report to send.")
        case .scheduled where session.time.start > now:
            throw DomainError.conflict(
                "The report can be sent once the session has started, from \(organization.describe(session.time.start)).")
        case .scheduled, .completed:
            notes.reportSentAt = now
            return notes
        }
    }

    /// The line a family's cancellation comment adds to the private notes.
    public static func cancellationComment(_ request: CancellationRequest, in organization: Organization) -> String {
        "\(request.parentName) asked to cancel on \(organization.describe(request.requestedAt)): \(request.comment)"
    }
}
