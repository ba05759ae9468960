public import Foundation

/// What one tutor earned in a period, for payroll: each session that took place (or was
/// cancelled too late and is paid as the settings say), and the total.
public struct TutorEarnings: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        public let sessionID: String
        public let start: Date
        public let minutes: Int
        public let studentIDs: [String]
        public let subjectID: String
        public let status: SessionStatus
        /// In the currency's minor unit.
        public let earnings: Int
    }

    public let tutorID: String
    /// In time order.
    public let lines: [Line]
    public var total: Int { lines.reduce(0) { $0 + $1.earnings } }
    public var minutes: Int { lines.reduce(0) { $0 + $1.minutes } }

    /// The sessions of `tutorID` among `sessions` that count for pay.
    public init(tutorID: String, sessions: [Session], settings: OrganizationSettings) {
        self.tutorID = tutorID
        lines = sessions.filter { $0.tutorID == tutorID && Self.counts($0.status, settings: settings) }.map { session in
            Line(
                sessionID: session.id, start: session.time.start, minutes: Int(session.time.duration / 60), studentIDs: session.studentIDs,
                subjectID: session.subjectID, status: session.status, earnings: SessionMoney(session, settings: settings).tutorEarnings)
        }
    }

    /// Held sessions, and late cancellations when the organization pays them; not those still
    /// only booked, which are paid once marked completed.
    public static func counts(_ status: SessionStatus, settings: OrganizationSettings) -> Bool {
        status == .completed || (status == .lateCancelled && SessionMoney.isPaid(status, settings: settings))
    }

    /// The statuses that may count, for a query.
    public static func statuses(settings: OrganizationSettings) -> [SessionStatus] {
        SessionStatus.allCases.filter { counts($0, settings: settings) }
    }
}
