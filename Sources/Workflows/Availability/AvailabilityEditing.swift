import Foundation
public import Scheduling
import Storage

/// A tutor (or the office for them) reads and replaces their availability.
public struct AvailabilityEditing: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public struct Current: Sendable {
        public let tutor: User
        public let organization: Organization
        /// Weekly hours, with the overrides and time off from today on.
        public let availability: Availability
        /// Booked sessions from now on that the time off or a date's changed hours leave outside
        /// the tutor's hours: the tutor or the office should move or cancel them.
        public let sessionsOutsideHours: [Session]
    }

    public func current(tutorID: String, for caller: Caller) async throws -> Current {
        let now = dependencies.currentInstant()
        return try await dependencies.store.read { db in
            let (tutor, organization) = try await Self.authorize(tutorID: tutorID, caller: caller, in: db)
            let today = organization.localDate(of: now)
            let horizon = LocalDate.latest
            let availability = try await db.availability(
                tutorID: tutor.id, organizationID: organization.id, dates: today...horizon,
                period: TimeRange(start: now, end: Date.distantFuture)!)
            let booked = try await db.sessions(
                organizationID: organization.id,
                filter: .init(tutorID: tutor.id, statuses: [.scheduled], startsWithin: TimeRange(start: now, end: Date.distantFuture)!))
            let outside = Set(availability.conflicts(with: booked.map(\.time), in: organization.timeZone))
            return Current(
                tutor: tutor, organization: organization, availability: availability,
                sessionsOutsideHours: booked.filter { outside.contains($0.time) })
        }
    }

    /// Replaces the weekly hours and every override and time off from today on. Overrides dated
    /// before today, and time off that has ended, are history and cannot be sent.
    public func replace(tutorID: String, with availability: Availability, by caller: Caller) async throws -> Current {
        try availability.validate()
        let now = dependencies.currentInstant()
        try await dependencies.store.write { db in
            let (tutor, organization) = try await Self.authorize(tutorID: tutorID, caller: caller, in: db)
            let today = organization.localDate(of: now)
            var issues = IssueList()
            for (index, override) in availability.overrides.enumerated() where override.date < today {
                issues.add("overrides[\(index)].date", "\(ZoneTimeline.describe(override.date)) is in the past.")
            }
            for (index, off) in availability.timeOff.enumerated() where off.time.end <= now {
                issues.add("timeOff[\(index)].end", "This time off ended \(organization.describe(off.time.end)), which is in the past.")
            }
            try issues.throwIfAny()
            try await db.replaceAvailability(tutorID: tutor.id, organizationID: organization.id, with: availability, today: today, now: now)
            try await OfficeAudit(dependencies: dependencies).record(
                .availabilityChanged, subjectType: "availability", subjectID: tutor.id,
                summary: caller.userID == tutor.id ? "changed their availability" : "changed \(tutor.name)'s availability", by: caller, at: now,
                in: db)
        }
        return try await current(tutorID: tutorID, for: caller)
    }

    /// Tutors manage their own availability, the office anyone's; a parent never sees it (only free slots).
    static func authorize(tutorID: String, caller: Caller, in db: DB) async throws -> (User, Organization) {
        // Refused before any lookup, so that a parent cannot probe which ids are tutors.
        guard caller.role != .parent else { throw DomainError.forbidden("Parents see a tutor's free slots, not their availability.") }
        guard let tutor = try await db.user(id: tutorID, organizationID: caller.organizationID), tutor.role == .tutor else {
            throw DomainError.notFound("Tutor")
        }
        guard caller.isAdmin || caller.userID == tutor.id else {
            throw DomainError.forbidden("Tutors can see and change only their own availability.")
        }
        guard let organization = try await db.organization(id: caller.organizationID) else { throw DomainError.notFound("Organization") }
        return (tutor, organization)
    }
}
