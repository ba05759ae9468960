import Foundation
import Scheduling
import Workflows

/// The office books a session: an engagement and a date, then one of the tutor's free times or a
/// time of its own. The office may book outside the tutor's hours and inside the families'
/// request notice; never over another session or a time a request holds (the server checks).
struct BookSessionPage {
    let chrome: PageChrome
    let timeZone: String
    let engagements: [NewRequestPage.Choice]
    let engagementID: String
    let date: String
    let dayLabel: String
    /// An engagement and date were chosen, so the day's free times and the details are shown.
    let searched: Bool
    let slots: [NewRequestPage.Choice]
    let time: String
    let duration: String
    let location: String
    let sessionType: String
    let error: String?

    struct Input {
        var engagementID: String?
        var date: LocalDate?
        var chosenStart: String?
        var time = ""
        var duration: String?
        var location: String?
        var sessionType: String?
        var error: String?
    }

    static func load(_ input: Input, for caller: Caller, csrf: String, dependencies: Dependencies) async throws -> BookSessionPage {
        try caller.requireAdmin(to: "book sessions directly")
        let directory = Directory(dependencies)
        let organization = try await directory.organization(for: caller)
        let now = dependencies.now()
        let waiting = try await RequestDirectory(dependencies).waiting(for: caller)
        let names = try await PeopleNames.load(for: caller, directory: directory)
        let engagements = try await directory.engagements(for: caller).filter(\.isActive)
        let engagement = engagements.first { $0.id == input.engagementID }
        let date = max(input.date ?? organization.localDate(of: now), organization.localDate(of: now))
        var slots: [NewRequestPage.Choice] = []
        var error = input.error
        if let engagement {
            do {
                let minutes = input.duration.flatMap { Int($0) }.flatMap { SessionLength.isValid(minutes: $0) ? $0 : nil }
                let found = try await FreeSlotListing(dependencies).slots(
                    engagementID: engagement.id, from: date, to: date, durationMinutes: minutes, for: caller)
                let wording = TimeWording(organization: organization)
                slots = found.slots.map { slot in
                    NewRequestPage.Choice(
                        value: slot.start.rfc3339UTC, label: wording.clock(slot), selected: slot.start.rfc3339UTC == input.chosenStart)
                }
            } catch let refusal as DomainError {
                error = error ?? refusal.message
            }
        }
        return BookSessionPage(
            chrome: .signedIn(title: "Book a session", caller: caller, organization: organization, waiting: waiting, csrf: csrf),
            timeZone: TimeWording(organization: organization).zone(at: now),
            engagements: engagements.map { NewRequestPage.Choice(value: $0.id, label: names.engagement($0), selected: $0.id == engagement?.id) },
            engagementID: engagement?.id ?? "", date: date.iso, dayLabel: ZoneTimeline.describe(date), searched: engagement != nil,
            slots: slots, time: input.time, duration: input.duration ?? engagement.map { String($0.terms.defaultDurationMinutes) } ?? "60",
            location: input.location ?? engagement?.terms.location ?? "", sessionType: input.sessionType ?? engagement?.terms.sessionType ?? "",
            error: error)
    }
}
