import Foundation
import Scheduling
import Storage

/// A tutor's schedule around a time, read inside the transaction that is about to change it, so
/// that the rules check exactly what the write will be judged against.
struct TutorSchedule {
    let availability: Availability
    let sessions: [TimeRange]
    let holds: [TimeRange]

    /// The week either side of `time`: enough for the rules and for suggesting other slots.
    /// `excludingSession` (being rescheduled) and `excludingRequest` (being answered) do not count.
    static func around(
        _ time: TimeRange, tutorID: String, organization: Organization, excludingSession: String? = nil, excludingRequest: String? = nil,
        in db: DB
    ) async throws -> TutorSchedule {
        let day = organization.localDate(of: time.start)
        let dates = day.adding(days: -1)...day.adding(days: 8)
        let timeline = organization.timeline(covering: dates)
        let period = TimeRange(start: timeline.startOfDay(dates.lowerBound), end: timeline.startOfDay(dates.upperBound.adding(days: 1)))!
        return TutorSchedule(
            availability: try await db.availability(tutorID: tutorID, organizationID: organization.id, dates: dates, period: period),
            sessions: try await db.busyTimes(
                tutorID: tutorID, organizationID: organization.id, overlapping: period, excludingSession: excludingSession),
            holds: try await db.heldTimes(tutorID: tutorID, organizationID: organization.id, overlapping: period, excludingRequest: excludingRequest))
    }

    func rules(for parties: RequestParties, now: Date, slotMinutes: Int) -> SlotRules {
        SlotRules(
            organization: parties.organization, tutorName: parties.tutor.name, availability: availability, sessions: sessions, holds: holds,
            now: now, slotMinutes: slotMinutes)
    }
}
