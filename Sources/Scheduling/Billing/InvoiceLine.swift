public import Foundation

/// One student's place in one session on an invoice, with the names and amount as they were when
/// the invoice was drafted or issued, so a printed invoice never changes afterwards.
public struct InvoiceLine: Hashable, Sendable, Codable {
    public let sessionID: String
    public let studentID: String
    public let startsAt: Date
    public let minutes: Int
    public let studentName: String
    public let subjectName: String
    public let tutorName: String
    /// In the currency's minor unit per hour.
    public let ratePerHour: Int
    public let amount: Int

    public init(
        sessionID: String, studentID: String, startsAt: Date, minutes: Int, studentName: String, subjectName: String, tutorName: String,
        ratePerHour: Int, amount: Int
    ) {
        self.sessionID = sessionID
        self.studentID = studentID
        self.startsAt = startsAt
        self.minutes = minutes
        self.studentName = studentName
        self.subjectName = subjectName
        self.tutorName = tutorName
        self.ratePerHour = ratePerHour
        self.amount = amount
    }

    /// The lines `client` is billed for `session`: each of their students' places, at the rates
    /// copied onto the session, when the session's state is billed at all.
    public static func lines(
        billing client: String, for session: Session, settings: OrganizationSettings, studentName: (String) -> String, subjectName: String,
        tutorName: String
    ) -> [InvoiceLine] {
        guard SessionMoney.isBilled(session.status, settings: settings) else { return [] }
        let minutes = Int(session.time.duration / 60)
        return zip(session.students, SessionMoney(session, settings: settings).lines).compactMap { place, money in
            guard place.clientID == client else { return nil }
            return InvoiceLine(
                sessionID: session.id, studentID: place.studentID, startsAt: session.time.start, minutes: minutes,
                studentName: studentName(place.studentID), subjectName: subjectName, tutorName: tutorName, ratePerHour: place.clientRatePerHour,
                amount: money.clientAmount)
        }
    }
}
