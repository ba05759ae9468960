import Foundation
import Scheduling
import Workflows

extension APIHandler {
    func getAvailability(_ input: Operations.GetAvailability.Input) async throws -> Operations.GetAvailability.Output {
        let current = try await AvailabilityEditing(dependencies).current(tutorID: input.path.tutorId, for: try RequestScope.caller())
        return .ok(.init(body: .json(.init(current))))
    }

    func updateAvailability(_ input: Operations.UpdateAvailability.Input) async throws -> Operations.UpdateAvailability.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let current = try await AvailabilityEditing(dependencies).replace(
            tutorID: input.path.tutorId, with: try body.availability(), by: try RequestScope.caller())
        return .ok(.init(body: .json(.init(current))))
    }

    func listFreeSlots(_ input: Operations.ListFreeSlots.Input) async throws -> Operations.ListFreeSlots.Output {
        let caller = try RequestScope.caller()
        let result = try await FreeSlotListing(dependencies).slots(
            engagementID: input.path.engagementId, from: try QueryDate.parse(input.query.from, field: "from"),
            to: try QueryDate.parse(input.query.to, field: "to"), durationMinutes: input.query.durationMinutes, for: caller)
        let timeline = result.timeline
        return .ok(
            .init(
                body: .json(
                    .init(
                        engagementId: result.engagement.id, tutorId: result.engagement.tutorID,
                        timeZone: result.organization.timeZone.identifier, from: result.dates.lowerBound.iso, to: result.dates.upperBound.iso,
                        slotMinutes: result.slotMinutes, earliestStart: result.earliestStart,
                        slots: result.slots.map { .init($0, on: timeline) }))))
    }
}

extension Components.Schemas.Availability {
    init(_ current: AvailabilityEditing.Current) {
        self.init(
            tutorID: current.tutor.id, timeZone: current.organization.timeZone, availability: current.availability,
            sessionsOutsideHours: current.sessionsOutsideHours.map(\.id))
    }
}
