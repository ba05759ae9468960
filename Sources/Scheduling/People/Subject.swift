public import Foundation

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

extension Subject {
    /// A subject's name as stored: trimmed, one line of 1 to 100 characters.
    public static func name(_ raw: String) throws(DomainError) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, TextRules.length(raw) <= 100 else {
            throw DomainError.invalid("name", "A subject name must have 1 to 100 characters.")
        }
        try TextRules.checkOneLine(name, field: "name", label: "A subject name")
        return name
    }
}
