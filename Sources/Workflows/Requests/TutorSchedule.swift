import Foundation
import Scheduling
import Storage

/// A tutor's schedule around a time, read inside the transaction that is about to change it, so
/// that the rules check exactly what the write will be judged against.
struct TutorSchedule {
    let availability: Availability
    let taken: TakenTimes

    /// What a time must be: one of the tutor's free slots (a family's request), or merely not
    /// taken (the office's and tutors' own bookings and logs).
    enum Placement {
        case freeSlot
        case notTaken
    }

    /// Refuses `time` unless it is placed as `placement` allows (see `SlotRules`). Only the
    /// slot's own day is read; when the time is taken, the following week is read too, to offer
    /// the next free slots. `excludingSession` (being rescheduled) and `excludingRequest` (being
    /// answered) do not count as taking time.
    static func check(
        _ time: TimeRange, placement: Placement = .freeSlot, parties: RequestParties, now: Date, excludingSession: String? = nil,
        excludingRequest: String? = nil, cache: DirectoryCache? = nil, in db: DB
    ) async throws {
        func check(days: Int) async throws {
            let rules = try await around(
                time, days: days, parties: parties, excludingSession: excludingSession, excludingRequest: excludingRequest, cache: cache, in: db
            ).rules(for: parties, now: now, slotMinutes: Int(time.duration / 60))
            switch placement {
            case .freeSlot: try rules.check(time)
            case .notTaken: try rules.checkNotTaken(time)
            }
        }
        do {
            try await check(days: 1)
        } catch let refusal as DomainError where refusal.kind == .conflict {
            try await check(days: 8)
            throw refusal
        }
    }

    private static func around(
        _ time: TimeRange, days: Int, parties: RequestParties, excludingSession: String?, excludingRequest: String?, cache: DirectoryCache?,
        in db: DB
    ) async throws -> TutorSchedule {
        let (organization, tutorID) = (parties.organization, parties.tutor.id)
        let day = organization.localDate(of: time.start)
        let dates = day.adding(days: -1)...day.adding(days: days)
        let timeline = organization.timeline(covering: dates)
        let period = TimeRange(start: timeline.startOfDay(dates.lowerBound), end: timeline.startOfDay(dates.upperBound.adding(days: 1)))!
        return TutorSchedule(
            availability: try await DirectoryCache.availability(
                of: tutorID, organizationID: organization.id, stamp: parties.directoryStamp, dates: dates, period: period, cache: cache, in: db),
            taken: try await db.takenTimes(
                tutorID: tutorID, organizationID: organization.id, overlapping: period, excludingSession: excludingSession,
                excludingRequest: excludingRequest))
    }

    private func rules(for parties: RequestParties, now: Date, slotMinutes: Int) -> SlotRules {
        SlotRules(
            organization: parties.organization, tutorName: parties.tutor.name, availability: availability, sessions: taken.sessions,
            holds: taken.holds, now: now, slotMinutes: slotMinutes)
    }
}
