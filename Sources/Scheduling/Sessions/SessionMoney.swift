/// What a session costs each client and earns its tutor: each student's rate × the session's
/// length, rounded half up to the currency's minor unit. A cancelled session costs and earns
/// nothing; a late-cancelled one is billed and paid as the organization's settings say.
public struct SessionMoney: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        public let studentID: String
        public let clientID: String?
        public let clientAmount: Int
        public let tutorEarnings: Int
    }

    public let lines: [Line]
    /// The sum of the lines, in the currency's minor unit.
    public let clientAmount: Int
    /// A group session earns the tutor each student's pay rate (the seed's rates are per student).
    public let tutorEarnings: Int

    public init(_ session: Session, settings: OrganizationSettings) {
        let minutes = Int(session.time.duration / 60)
        let billed = Self.isBilled(session.status, settings: settings)
        let paid = Self.isPaid(session.status, settings: settings)
        lines = session.students.map { student in
            Line(
                studentID: student.studentID, clientID: student.clientID,
                clientAmount: billed ? Self.amount(ratePerHour: student.clientRatePerHour, minutes: minutes) : 0,
                tutorEarnings: paid ? Self.amount(ratePerHour: student.tutorPayRatePerHour, minutes: minutes) : 0)
        }
        clientAmount = lines.reduce(0) { $0 + $1.clientAmount }
        tutorEarnings = lines.reduce(0) { $0 + $1.tutorEarnings }
    }

    /// `ratePerHour` (minor units) for `minutes`, rounded half up to a whole minor unit: 45.00/h
    /// for 50 minutes is 37.50; 10.01/h for 30 minutes is 5.005, billed as 5.01.
    public static func amount(ratePerHour: Int, minutes: Int) -> Int {
        (ratePerHour * minutes * 2 + 60) / 120
    }

    /// Whether a session in this state is billed to its clients.
    public static func isBilled(_ status: SessionStatus, settings: OrganizationSettings) -> Bool {
        switch status {
        case .scheduled, .completed: true
        case .cancelled: false
        case .lateCancelled: settings.lateCancellationBilled
        }
    }

    /// Whether a session in this state is paid to its tutor.
    public static func isPaid(_ status: SessionStatus, settings: OrganizationSettings) -> Bool {
        switch status {
        case .scheduled, .completed: true
        case .cancelled: false
        case .lateCancelled: settings.lateCancellationPaid
        }
    }
}

extension SessionMoney {
    /// The office sees every client's amount; a family only what they pay themselves.
    public static func clientAmountVisible(of line: Line, to caller: Caller) -> Bool {
        caller.isAdmin || (caller.role == .parent && line.clientID == caller.userID)
    }

    /// The office and the session's own tutor see what the tutor earns.
    public static func tutorEarningsVisible(of session: Session, to caller: Caller) -> Bool {
        caller.isAdmin || caller.userID == session.tutorID
    }
}
