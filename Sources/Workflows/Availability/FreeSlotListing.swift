public import Foundation
public import Scheduling
import Storage

/// The free slots of an engagement's tutor over a few weeks, as a parent requesting a session sees them.
public struct FreeSlotListing: Sendable {
    let dependencies: Dependencies

    /// The longest range one search may cover.
    public static let maximumDays = 62

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public struct Result: Sendable {
        public let organization: Organization
        public let engagement: Engagement
        public let dates: ClosedRange<LocalDate>
        public let slotMinutes: Int
        /// No slot starts earlier (now + the request notice).
        public let earliestStart: Date
        public let slots: [TimeRange]
        /// For showing each slot on the organization's clocks.
        public let timeline: ZoneTimeline
    }

    /// `durationMinutes` defaults to the engagement's session length.
    public func slots(engagementID: String, from: LocalDate, to: LocalDate, durationMinutes: Int? = nil, for caller: Caller) async throws -> Result {
        var issues = IssueList()
        issues.check(from <= to, "to", "The end date \(to.iso) is before the start date \(from.iso).")
        issues.check(
            from.days(until: to) < Self.maximumDays, "to",
            "Free slots can be searched \(Self.maximumDays) days at a time; \(from.iso) to \(to.iso) is \(from.days(until: to) + 1) days.")
        if let durationMinutes { issues.check(SessionLength.isValid(minutes: durationMinutes), "durationMinutes", SessionLength.rule) }
        try issues.throwIfAny()
        if caller.role == .parent && !caller.canRequestSessions {
            throw DomainError.forbidden("The office has not enabled session requests for your account.")
        }
        let now = dependencies.currentInstant()
        return try await dependencies.store.read { [cache = dependencies.directory] db in
            guard let (organization, stamp) = try await db.stampedOrganization(id: caller.organizationID) else {
                throw DomainError.notFound("Organization")
            }
            let engagement = try await Directory.engagement(engagementID, for: caller, stamp: stamp, cache: cache, in: db)
            guard engagement.isActive else { throw DomainError.conflict("This engagement has ended; ask the office to renew it.") }
            let timeline = organization.timeline(covering: from...to)
            let period = TimeRange(start: timeline.startOfDay(from), end: timeline.startOfDay(to.adding(days: 1)))!
            let availability = try await DirectoryCache.availability(
                of: engagement.tutorID, organizationID: organization.id, stamp: stamp, dates: from...to, period: period, cache: cache, in: db)
            // Times held by open requests are not offered to anyone else.
            let busy = try await db.takenTimes(tutorID: engagement.tutorID, organizationID: organization.id, overlapping: period).all
            let slotMinutes = durationMinutes ?? engagement.terms.defaultDurationMinutes
            // The request notice is the families' rule; the office books directly, from now on.
            let earliest = caller.role == .admin ? now : organization.earliestRequestStart(now: now)
            // Nothing is offered past the booking window, which a request would be refused for.
            let latest = BookingWindow.latestDate(in: organization, now: now)
            var slots: [TimeRange] = []
            if from <= latest {
                let search = FreeSlotSearch(
                    dates: from...min(to, latest), slotMinutes: slotMinutes, stepMinutes: organization.settings.slotStepMinutes,
                    earliestStart: earliest)
                slots = FreeSlots.find(search, availability: availability, busy: busy, timeline: timeline)
            }
            return Result(
                organization: organization, engagement: engagement, dates: from...to, slotMinutes: slotMinutes, earliestStart: earliest,
                slots: slots, timeline: timeline)
        }
    }
}
