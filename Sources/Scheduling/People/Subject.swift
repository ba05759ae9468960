/// What is taught: "Maths", "GCSE Chemistry".
public struct Subject: Hashable, Sendable, Codable {
    public let id: String
    public let organizationID: String
    public var name: String

    public init(id: String, organizationID: String, name: String) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
    }
}
