import Foundation
import SQLKit
public import Scheduling

/// What takes a tutor's time around a moment: sessions that occupy the tutor, and times held by
/// open requests. Read together because every request and booking judges a time against both.
public struct TakenTimes: Sendable, Equatable {
    public let sessions: [TimeRange]
    public let holds: [TimeRange]

    public init(sessions: [TimeRange], holds: [TimeRange]) {
        self.sessions = sessions
        self.holds = holds
    }

    public var all: [TimeRange] { sessions + holds }
}

extension DB {
    /// The tutor's sessions (those that occupy the tutor, except `excludingSession`) and held times
    /// (except `excludingRequest`'s own) overlapping `period`, each by start. One statement for
    /// both: it runs inside the single writer's transaction of every request. Ordered by start
    /// alone, SQLite merges the two indexes' ranges instead of sorting.
    public func takenTimes(
        tutorID: String, organizationID: String, overlapping period: TimeRange, excludingSession: String? = nil, excludingRequest: String? = nil
    ) async throws -> TakenTimes {
        let occupying = Self.occupyingSessions(
            tutorID: tutorID, organizationID: organizationID, overlapping: period, excludingSession: excludingSession)
        let rows = try await sql.raw(
            """
            SELECT 0 AS held, starts_at, ends_at FROM sessions WHERE \(occupying)
            UNION ALL
            SELECT 1 AS held, held_start AS starts_at, held_end AS ends_at FROM session_requests
            WHERE organization_id = \(bind: organizationID) AND tutor_id = \(bind: tutorID)
              AND held_start < \(bind: period.end.epochSeconds) AND held_start > \(bind: period.earliestOverlappingStart)
              AND held_end > \(bind: period.start.epochSeconds) AND id <> \(bind: excludingRequest ?? "")
            ORDER BY starts_at
            """
        ).all()
        var sessions: [TimeRange] = []
        var holds: [TimeRange] = []
        for row in rows {
            guard let range = try TimeRow(row: row).range else { continue }
            if try row.decode(column: "held", as: Int.self) == 0 { sessions.append(range) } else { holds.append(range) }
        }
        return TakenTimes(sessions: sessions, holds: holds)
    }
}

/// A start and an end, as the overlap checks read them: inside every move's transaction, so read
/// column by column rather than through `Decodable`.
struct TimeRow {
    let startsAt: Int64
    let endsAt: Int64

    init(row: any SQLRow) throws {
        startsAt = try row.decode(column: "starts_at", as: Int64.self)
        endsAt = try row.decode(column: "ends_at", as: Int64.self)
    }

    var range: TimeRange? { TimeRange(start: Date(epochSeconds: startsAt), end: Date(epochSeconds: endsAt)) }
}
