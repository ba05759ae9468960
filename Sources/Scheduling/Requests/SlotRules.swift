public import Foundation

/// The rules a requested or proposed time must meet, each with a refusal a person understands:
/// notice, the tutor's hours and slot grid, time off, the tutor's sessions, other requests' holds.
public struct SlotRules: Sendable {
    public let organization: Organization
    public let tutorName: String
    public let availability: Availability
    /// The tutor's sessions around the time (minus a session being rescheduled).
    public let sessions: [TimeRange]
    /// Times held by other open requests of this tutor (minus the request being answered).
    public let holds: [TimeRange]
    public let now: Date
    /// Session length the slot must have.
    public let slotMinutes: Int

    public init(
        organization: Organization, tutorName: String, availability: Availability, sessions: [TimeRange], holds: [TimeRange], now: Date,
        slotMinutes: Int
    ) {
        self.organization = organization
        self.tutorName = tutorName
        self.availability = availability
        self.sessions = sessions
        self.holds = holds
        self.now = now
        self.slotMinutes = slotMinutes
    }

    /// Refuses a time that is not one of the free slots, saying why. A taken time is a conflict
    /// carrying the next free slots as alternatives; anything else is invalid input.
    public func check(_ time: TimeRange, field: String = "start") throws(DomainError) {
        guard time.duration == TimeInterval(slotMinutes * 60) else {
            throw DomainError.invalid(field, "Sessions of this engagement last \(slotMinutes) minutes.")
        }
        try BookingWindow.check(time.start, in: organization, now: now, field: field)
        let earliest = organization.earliestRequestStart(now: now)
        guard time.start >= earliest else { throw DomainError.invalid(field, organization.requestNoticeRule(now: now)) }
        let day = organization.localDate(of: time.start)
        let timeline = organization.timeline(covering: day...day)
        let hours = availability.hours(on: day)
        let stretch = hours.first { stretch in
            timeline.ranges(on: day, from: stretch.start, to: stretch.end).contains { $0.contains(time) }
        }
        guard let stretch else {
            let when = organization.describe(time.start)
            let summary = hours.isEmpty ? "they do not work that day" : "their hours that day are \(hours.map(\.description).joined(separator: ", "))"
            throw DomainError.invalid(field, "\(tutorName) is not available at \(when) for \(slotMinutes) minutes: \(summary).")
        }
        let minute = timeline.local(time.start).time.minuteOfDay
        let step = organization.settings.slotStepMinutes
        guard (minute - stretch.start.minuteOfDay) % step == 0 else {
            throw DomainError.invalid(
                field, "Sessions start every \(step) minutes from \(stretch.start.iso); \(organization.describe(time.start)) is between two.")
        }
        if availability.timeOff.contains(where: { $0.time.overlaps(time) }) {
            throw DomainError.invalid(field, "\(tutorName) is away at \(organization.describe(time.start)).")
        }
        if sessions.contains(where: { $0.overlaps(time) }) {
            throw taken("\(tutorName) already has a session at \(organization.describe(time.start)).", after: time)
        }
        if holds.contains(where: { $0.overlaps(time) }) {
            throw taken("\(organization.describe(time.start)) is being held for another request.", after: time)
        }
    }

    /// The office and tutors place sessions themselves (booked or logged): outside the tutor's
    /// hours and inside the families' notice, a year back or ahead, but never over another session
    /// or a time a request holds. A taken time still ahead is refused with the next free slots in
    /// the tutor's hours from now on; one already past, without (it is a record, not a booking).
    public func checkNotTaken(_ time: TimeRange) throws(DomainError) {
        try BookingWindow.check(time.start, in: organization, now: now)
        let when = organization.describe(time.start)
        let message: String
        if sessions.contains(where: { $0.overlaps(time) }) {
            message = "\(tutorName) already has a session at \(when)."
        } else if holds.contains(where: { $0.overlaps(time) }) {
            message = "\(when) is being held for a session request; answer that request instead."
        } else {
            return
        }
        throw time.start < now ? DomainError.conflict(message) : taken(message, after: time, earliestStart: now)
    }

    /// A conflict naming up to three free slots from the same day on (within a week).
    private func taken(_ message: String, after time: TimeRange, earliestStart: Date? = nil) -> DomainError {
        let first = organization.localDate(of: time.start)
        let search = FreeSlotSearch(
            dates: first...first.adding(days: 6), slotMinutes: slotMinutes, stepMinutes: organization.settings.slotStepMinutes,
            earliestStart: earliestStart ?? organization.earliestRequestStart(now: now))
        let timeline = organization.timeline(covering: search.dates)
        let next = FreeSlots.find(search, availability: availability, busy: sessions + holds, timeline: timeline).prefix(3)
        var error = DomainError.conflict(
            next.isEmpty
                ? "\(message) There is no other free time that week."
                : "\(message) Free instead: \(next.map { organization.describe($0.start) }.joined(separator: ", ")).")
        error.alternatives = next.map { LabelledTime($0, on: timeline) }
        return error
    }
}
