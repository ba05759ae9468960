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

    /// Reads any text of the documented shape (`-?[0-9]{1,19}` twice, around a dot). A number too
    /// large for 64 bits stands for the far end it points to, so every such text pages somewhere.
    public init?(text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let seconds = Self.number(parts[0]), let sequence = Self.number(parts[1]) else { return nil }
        // Instants are stored as whole seconds in 64 bits; past the four-digit years nothing is
        // stored, so those ends stand for anything further.
        let clamped = min(max(seconds, Self.firstSecond), Self.lastSecond)
        self.init(createdAt: Date(timeIntervalSince1970: TimeInterval(clamped)), sequence: sequence)
    }

    /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
    private static let firstSecond: Int64 = -62_135_596_800
    private static let lastSecond: Int64 = 253_402_300_799

    private static func number(_ text: Substring) -> Int64? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : text
        guard (1...19).contains(digits.count), digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int64(text) ?? (text.hasPrefix("-") ? .min : .max)
    }
}
