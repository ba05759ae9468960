/// A learner. Their guardians are the parents who see them and may request sessions for them.
public struct Student: Hashable, Sendable, Codable {
    public let id: String
    public let organizationID: String
    public var name: String
    public var guardianIDs: [String]
    public var notes: String

    public init(id: String, organizationID: String, name: String, guardianIDs: [String], notes: String = "") {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.guardianIDs = guardianIDs
        self.notes = notes
    }
}
