import Foundation
import Notifications
import Scheduling
import Storage
import Synchronization

/// What moves read of an organization again and again: the people a request concerns, the
/// engagement it is made for, the tutor's availability and the wording of its messages. Kept
/// while the organization's directory stamp stays the same (the database changes it with every
/// change to those tables, whoever makes it), so a move reads the organization's row and nothing
/// else of its directory. On SQLite this takes about ten statements per request and answer off
/// the single writer.
public final class DirectoryCache: Sendable {
    /// Per organization and kind of entry; past this many (combinations of tutor, student and
    /// subject, engagements, tutors), that kind starts again.
    static let entriesLimit = 10_000

    private let organizations = Mutex<[String: Entries]>([:])

    private struct Entries {
        let stamp: Int64
        var parties: [PartiesKey: People] = [:]
        var wordings: [MessageKind: MessageRendering] = [:]
        var engagements: [String: EngagementEntry] = [:]
        var availability: [String: TutorAvailability] = [:]
    }

    /// A tutor's availability as read from `firstDate` and `since` on (see `DB.availability(tutorID:organizationID:from:endingAfter:)`).
    struct TutorAvailability: Sendable {
        let firstDate: LocalDate
        let since: Date
        let availability: Availability

        /// Whether it holds everything a read for `dates` and `period` would return.
        func covers(_ dates: ClosedRange<LocalDate>, _ period: TimeRange) -> Bool {
            firstDate <= dates.lowerBound && since <= period.start
        }
    }

    /// An engagement, with its student's guardians (who, besides the office and the tutor, may see it).
    struct EngagementEntry: Sendable {
        let engagement: Engagement
        let guardianIDs: [String]
    }

    struct PartiesKey: Hashable {
        let tutorID: String
        let studentID: String
        let subjectID: String
    }

    /// Everything of `RequestParties` but the organization, which is read each time.
    struct People: Sendable {
        let tutor: User
        let student: Student
        let subject: Subject
        let guardians: [User]
        let admins: [User]
    }

    public init() {}

    func people(_ key: PartiesKey, organizationID: String, stamp: Int64) -> People? {
        kept(\.parties, key, organizationID, stamp)
    }

    func keep(_ people: People, for key: PartiesKey, organizationID: String, stamp: Int64) {
        keep(people, at: key, in: \.parties, organizationID, stamp)
    }

    func wording(_ kind: MessageKind, organizationID: String, stamp: Int64) -> MessageRendering? {
        kept(\.wordings, kind, organizationID, stamp)
    }

    func keep(_ wording: MessageRendering, for kind: MessageKind, organizationID: String, stamp: Int64) {
        keep(wording, at: kind, in: \.wordings, organizationID, stamp)
    }

    func engagement(_ id: String, organizationID: String, stamp: Int64) -> EngagementEntry? {
        kept(\.engagements, id, organizationID, stamp)
    }

    func keep(_ entry: EngagementEntry, organizationID: String, stamp: Int64) {
        keep(entry, at: entry.engagement.id, in: \.engagements, organizationID, stamp)
    }

    func availability(of tutorID: String, organizationID: String, stamp: Int64) -> TutorAvailability? {
        kept(\.availability, tutorID, organizationID, stamp)
    }

    func keep(_ availability: TutorAvailability, of tutorID: String, organizationID: String, stamp: Int64) {
        keep(availability, at: tutorID, in: \.availability, organizationID, stamp)
    }

    /// What is kept under `key` in one of the organization's maps, if it was read at `stamp`.
    private func kept<Key: Hashable, Value: Sendable>(
        _ map: KeyPath<Entries, [Key: Value]>, _ key: Key, _ organizationID: String, _ stamp: Int64
    ) -> Value? {
        organizations.withLock { $0[organizationID].flatMap { $0.stamp == stamp ? $0[keyPath: map][key] : nil } }
    }

    /// Keeps `value` under `key`; a map that reached `entriesLimit` starts again.
    private func keep<Key: Hashable, Value>(
        _ value: Value, at key: Key, in map: WritableKeyPath<Entries, [Key: Value]>, _ organizationID: String, _ stamp: Int64
    ) {
        update(organizationID, stamp) { entries in
            if entries[keyPath: map].count >= Self.entriesLimit { entries[keyPath: map].removeAll() }
            entries[keyPath: map][key] = value
        }
    }

    /// Changes the organization's entries, first dropping them if they were read at another stamp.
    private func update(_ organizationID: String, _ stamp: Int64, _ change: (inout Entries) -> Void) {
        organizations.withLock { organizations in
            var entries = organizations[organizationID].flatMap { $0.stamp == stamp ? $0 : nil } ?? Entries(stamp: stamp)
            change(&entries)
            organizations[organizationID] = entries
        }
    }
}

extension DirectoryCache {
    /// A tutor's availability for `dates` and `period`, through `cache` while the organization's
    /// directory stays at `stamp`. A miss reads everything from these bounds on, which serves the
    /// later reads and requests of the same weeks.
    static func availability(
        of tutorID: String, organizationID: String, stamp: Int64, dates: ClosedRange<LocalDate>, period: TimeRange, cache: DirectoryCache?,
        in db: DB
    ) async throws -> Availability {
        guard let cache else { return try await db.availability(tutorID: tutorID, organizationID: organizationID, dates: dates, period: period) }
        if let kept = cache.availability(of: tutorID, organizationID: organizationID, stamp: stamp), kept.covers(dates, period) {
            return kept.availability.within(dates, period)
        }
        let read = TutorAvailability(
            firstDate: dates.lowerBound, since: period.start,
            availability: try await db.availability(
                tutorID: tutorID, organizationID: organizationID, from: dates.lowerBound, endingAfter: period.start))
        cache.keep(read, of: tutorID, organizationID: organizationID, stamp: stamp)
        return read.availability.within(dates, period)
    }
}
