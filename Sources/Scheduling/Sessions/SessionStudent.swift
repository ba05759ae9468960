/// One student of a session and what their place in it costs and earns: the engagement it came
/// through, who pays, and the rates copied from that engagement when the session was booked or
/// logged, so that a later change of the engagement does not rewrite what happened.
public struct SessionStudent: Hashable, Sendable, Codable {
    public let studentID: String
    /// Nil for a meeting without an engagement, which costs and earns nothing.
    public let engagementID: String?
    /// Who pays for this student's place: the engagement's client.
    public let clientID: String?
    /// In the currency's minor unit per hour.
    public let clientRatePerHour: Int
    public let tutorPayRatePerHour: Int

    public init(studentID: String, engagementID: String?, clientID: String?, clientRatePerHour: Int, tutorPayRatePerHour: Int) {
        self.studentID = studentID
        self.engagementID = engagementID
        self.clientID = clientID
        self.clientRatePerHour = clientRatePerHour
        self.tutorPayRatePerHour = tutorPayRatePerHour
    }

    /// The student's place through `engagement`, at its rates today.
    public init(through engagement: Engagement) {
        self.init(
            studentID: engagement.studentID, engagementID: engagement.id, clientID: engagement.clientID,
            clientRatePerHour: engagement.terms.clientRatePerHour, tutorPayRatePerHour: engagement.terms.tutorPayRatePerHour)
    }
}
