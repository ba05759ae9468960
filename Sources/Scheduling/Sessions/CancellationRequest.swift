public import Foundation

/// A family's request that the office cancel a session (`request` cancellation mode).
public struct CancellationRequest: Hashable, Sendable, Codable {
    public let requestedAt: Date
    public let parentID: String
    public let parentName: String
    /// Optional words for the office.
    public let comment: String

    public init(requestedAt: Date, parentID: String, parentName: String, comment: String) {
        self.requestedAt = requestedAt
        self.parentID = parentID
        self.parentName = parentName
        self.comment = comment
    }
}
