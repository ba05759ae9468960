import Foundation
import Scheduling
import Workflows

/// "Log session" (seed 002), for the office and for tutors (their own engagements): a tutor's
/// engagement and a date, then the time. On a day still to come the tutor's free times are
/// offered beside a time of one's own; on a day gone by the session is recorded as it happened,
/// or as cancelled. Never over another session or a time a request holds (the server checks).
struct LogSessionPage {
    let chrome: PageChrome
    let timeZone: String
    /// The engagements grouped under their tutor's name (one group for a tutor).
    let tutors: [TutorGroup]
    /// Nil until one is chosen, so that the list first asks to choose.
    let engagementID: String?
    /// "Tutor, then student and subject" for the office; a tutor picks among their own.
    let engagementLabel: String
    let date: String
    let earliestDate: String
    let latestDate: String
    let dayLabel: String
    /// An engagement and date were chosen, so the time and the details are asked for.
    let chosen: Bool
    /// A day to come offers the tutor's free times; a day over or under way records what happened,
    /// which may have been cancelled.
    let ahead: Bool
    let slots: [NewRequestPage.Choice]
    /// "16:30" or "4:30 PM": how the organization writes times.
    let timeExample: String
    let time: String
    let duration: String
    let location: String
    let sessionType: String
    let cancelled: Bool
    let reason: String
    let submitLabel: String
    let error: String?

    struct TutorGroup {
        let name: String
        let engagements: [NewRequestPage.Choice]
    }

    struct Input {
        var engagementID: String?
        var date: LocalDate?
        var chosenStart: String?
        var time = ""
        var duration: String?
        var location: String?
        var sessionType: String?
        var cancelled = false
        var reason = ""
        var error: String?
    }

    static func load(_ input: Input, for caller: Caller, csrf: String, dependencies: Dependencies) async throws -> LogSessionPage {
        guard caller.role != .parent else { throw DomainError.forbidden("Only the office and tutors log sessions.") }
        let directory = Directory(dependencies)
        let organization = try await directory.organization(for: caller)
        let now = dependencies.now()
        let today = organization.localDate(of: now)
        let waiting = try await RequestDirectory(dependencies).waiting(for: caller)
        let names = try await PeopleNames.load(for: caller, directory: directory)
        let clients = Dictionary(uniqueKeysWithValues: try await directory.parents(for: caller).map { ($0.id, $0.name) })
        let engagements = try await directory.engagements(for: caller).filter(\.isActive)
        let engagement = engagements.first { $0.id == input.engagementID }
        let earliest = BookingWindow.earliestDate(in: organization, now: now), latest = BookingWindow.latestDate(in: organization, now: now)
        let date = min(max(input.date ?? today, earliest), latest)
        let format = organization.settings.timeFormat
        var slots: [NewRequestPage.Choice] = []
        var error = input.error
        if let engagement, date >= today {
            do {
                let minutes = input.duration.flatMap { Int($0) }.flatMap { SessionLength.isValid(minutes: $0) ? $0 : nil }
                let found = try await FreeSlotListing(dependencies).slots(
                    engagementID: engagement.id, from: date, to: date, durationMinutes: minutes, for: caller)
                let wording = TimeWording(organization: organization)
                let timeline = organization.timeline(covering: date...date)
                slots = found.slots.map { slot in
                    let start = timeline.local(slot.start).time.iso
                    return NewRequestPage.Choice(value: start, label: wording.clock(slot), selected: start == input.chosenStart)
                }
            } catch let refusal as DomainError {
                error = error ?? refusal.message
            }
        }
        let groups = Dictionary(grouping: engagements, by: \.tutorID).map { tutorID, engagements in
            TutorGroup(
                name: names.tutors[tutorID] ?? "A tutor",
                engagements: engagements.map { engagement in
                    NewRequestPage.Choice(
                        value: engagement.id, label: label(engagement, names: names, clients: clients), selected: engagement.id == input.engagementID)
                }.sorted { $0.label < $1.label })
        }.sorted { $0.name < $1.name }
        let ahead = date > today
        return LogSessionPage(
            chrome: .signedIn(title: "Log session", caller: caller, organization: organization, waiting: waiting, csrf: csrf),
            timeZone: TimeWording(organization: organization).zone(at: now), tutors: groups, engagementID: engagement?.id,
            engagementLabel: caller.role == .tutor ? "Student and subject" : "Tutor, then student and subject",
            date: date.iso, earliestDate: earliest.iso, latestDate: latest.iso, dayLabel: ZoneTimeline.describe(date), chosen: engagement != nil,
            ahead: ahead, slots: slots, timeExample: format.example, time: input.time,
            duration: input.duration ?? engagement.map { String($0.terms.defaultDurationMinutes) } ?? "60",
            location: input.location ?? engagement?.terms.location ?? "", sessionType: input.sessionType ?? engagement?.terms.sessionType ?? "",
            cancelled: input.cancelled, reason: input.reason, submitLabel: ahead ? "Book session" : "Log session", error: error)
    }

    /// "Tobi Adeyemi · Maths · paid by Grace Adeyemi": the client, student and subject of seed 002.
    private static func label(_ engagement: Engagement, names: PeopleNames, clients: [String: String]) -> String {
        let student = names.students[engagement.studentID] ?? "A student"
        let subject = names.subjects[engagement.subjectID] ?? "a subject"
        return "\(student) · \(subject) · paid by \(clients[engagement.clientID] ?? "the family")"
    }
}
