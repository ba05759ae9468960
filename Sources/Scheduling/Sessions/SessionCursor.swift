public import Foundation

/// Where a page of the session list ends: the last session's start and id (sessions are listed
/// by start, then id), so the next page starts right after it however many sessions are added or
/// removed meanwhile, and never scans what came before.
public struct SessionCursor: Hashable, Sendable {
    public let startsAt: Int64
    public let id: String

    public init(startsAt: Int64, id: String) {
        self.startsAt = startsAt
        self.id = id
    }

    public init(after session: Session) { self.init(startsAt: session.time.start.epochSeconds, id: session.id) }

    /// `1774519200.3f1c…`: what the API hands out as `nextCursor` and takes back as `cursor`.
    public var text: String { "\(startsAt).\(id)" }

    /// Reads the documented shape: a whole number of seconds, a dot, and an id of letters, digits and dashes.
    public init?(text: String) {
        guard let dot = text.firstIndex(of: ".") else { return nil }
        let seconds = text[..<dot], id = text[text.index(after: dot)...]
        let digits = seconds.hasPrefix("-") ? seconds.dropFirst() : seconds[...]
        guard (1...19).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int64(seconds),
            (1...64).contains(id.count), id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else { return nil }
        self.init(startsAt: value, id: String(id))
    }
}

/// The session list's report filter.
public enum SessionReportFilter: String, CaseIterable, Hashable, Sendable {
    case written
    case notWritten = "not_written"
    case sent
}
