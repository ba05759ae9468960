import Foundation
import Scheduling
import Storage

/// A tutor's schedule around a time, read inside the transaction that is about to change it, so
/// that the rules check exactly what the write will be judged against.
struct TutorSchedule {
    let availability: Availability
    let sessions: [TimeRange]
    let holds: [TimeRange]

    /// Refuses `time` unless it is one of the tutor's free slots (see `SlotRules`). Only the
    /// slot's own day is read; when the time is taken, the following week is read too, to offer
    /// the next free slots. `excludingSession` (being rescheduled) and `excludingRequest` (being
    /// answered) do not count as taking time.
    static func check(
        _ time: TimeRange, parties: RequestParties, now: Date, excludingSession: String? = nil, excludingRequest: String? = nil, in db: DB
    ) async throws {
        func load(days: Int) async throws -> SlotRules {
            try await around(
                time, days: days, tutorID: parties.tutor.id, organization: parties.organization, excludingSession: excludingSession,
                excludingRequest: excludingRequest, in: db
            ).rules(for: parties, now: now, slotMinutes: Int(time.duration / 60))
        }
        do {
            try await load(days: 1).check(time)
        } catch let refusal as DomainError where refusal.kind == .conflict {
            try await load(days: 8).check(time)
            throw refusal
        }
    }

    private static func around(
        _ time: TimeRange, days: Int, tutorID: String, organization: Organization, excludingSession: String?, excludingRequest: String?, in db: DB
    ) async throws -> TutorSchedule {
        let day = organization.localDate(of: time.start)
        let dates = day.adding(days: -1)...day.adding(days: days)
        let timeline = organization.timeline(covering: dates)
        let period = TimeRange(start: timeline.startOfDay(dates.lowerBound), end: timeline.startOfDay(dates.upperBound.adding(days: 1)))!
        return TutorSchedule(
            availability: try await db.availability(tutorID: tutorID, organizationID: organization.id, dates: dates, period: period),
            sessions: try await db.busyTimes(
                tutorID: tutorID, organizationID: organization.id, overlapping: period, excludingSession: excludingSession),
            holds: try await db.heldTimes(tutorID: tutorID, organizationID: organization.id, overlapping: period, excludingRequest: excludingRequest))
    }

    private func rules(for parties: RequestParties, now: Date, slotMinutes: Int) -> SlotRules {
        SlotRules(
            organization: parties.organization, tutorName: parties.tutor.name, availability: availability, sessions: sessions, holds: holds,
            now: now, slotMinutes: slotMinutes)
    }
}
