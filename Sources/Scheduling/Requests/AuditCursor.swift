public import Foundation

/// Where a page of the audit log ended: its last event's time and sequence. Many events share a
/// second, so a page boundary by time alone would skip or repeat some; the sequence breaks ties.
public struct AuditCursor: Hashable, Sendable {
    public let createdAt: Date
    public let sequence: Int64

    public init(createdAt: Date, sequence: Int64) {
        self.createdAt = createdAt
        self.sequence = sequence
    }

    /// Everything strictly before `instant`.
    public init(before instant: Date) {
        self.init(createdAt: instant, sequence: .min)
    }

    /// `1774519200.42`: what the API hands out as `nextCursor` and takes back as `cursor`.
    public var text: String { "\(Int64(createdAt.timeIntervalSince1970)).\(sequence)" }

    public init?(text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let seconds = Int64(parts[0]), let sequence = Int64(parts[1]) else { return nil }
        self.init(createdAt: Date(timeIntervalSince1970: TimeInterval(seconds)), sequence: sequence)
    }
}
