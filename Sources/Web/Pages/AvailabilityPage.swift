import Foundation
import Scheduling
import Workflows

/// A tutor's weekly hours, date overrides and time off, edited one form at a time; the office can
/// open any tutor's.
struct AvailabilityPage {
    let chrome: PageChrome
    let tutorID: String
    let tutorName: String
    let timeZone: String
    /// For the office: every tutor, to switch between them.
    let tutors: [NewRequestPage.Choice]
    let days: [Day]
    let overrides: [Override]
    let timeOff: [Away]
    /// Booked sessions the time off or a date's changed hours leave outside the tutor's hours.
    let outside: [Booked]
    let error: String?
    let saved: Bool

    /// Two stretches a day are enough for "morning and after school"; more can be sent through the API.
    static let stretchesPerDay = 2

    struct Day {
        let key: String
        let name: String
        let stretches: [Stretch]
    }

    struct Stretch {
        let index: Int
        let start: String
        let end: String
        /// The column headings, shown beside the fields on a phone, where the table's head is hidden.
        let startLabel: String
        let endLabel: String
    }

    struct Override {
        let date: String
        let label: String
        let hours: String
    }

    struct Booked {
        let href: String
        let label: String
    }

    struct Away {
        /// Which time off a remove button removes: its start and end, as epoch seconds.
        let key: String
        let label: String
        let reason: String?
    }

    static func load(
        tutorID: String?, error: String?, saved: Bool, for caller: Caller, csrf: String, dependencies: Dependencies
    ) async throws -> AvailabilityPage {
        let tutors = caller.isAdmin ? try await Directory(dependencies).tutors(for: caller) : []
        // The office opens the first tutor's unless it chose one.
        guard let tutorID = tutorID ?? (caller.isAdmin ? tutors.first?.id : caller.userID) else {
            throw DomainError.notFound("Tutor")
        }
        let current = try await AvailabilityEditing(dependencies).current(tutorID: tutorID, for: caller)
        let organization = current.organization, availability = current.availability
        let waiting = try await RequestDirectory(dependencies).waiting(for: caller)
        let names = try await PeopleNames.load(for: caller, directory: Directory(dependencies))
        return AvailabilityPage(
            chrome: .signedIn(title: "Availability", caller: caller, organization: organization, waiting: waiting, csrf: csrf),
            tutorID: current.tutor.id, tutorName: current.tutor.name,
            timeZone: TimeWording(organization: organization).zone(at: dependencies.now()),
            tutors: tutors.map { NewRequestPage.Choice(value: $0.id, label: $0.name, selected: $0.id == current.tutor.id) },
            days: Weekday.allCases.map { weekday in
                let hours = availability.weekly.filter { $0.weekday == weekday }.map(\.hours).sorted()
                return Day(
                    key: weekday.rawValue, name: weekday.shortName,
                    stretches: (0..<stretchesPerDay).map { index in
                        Stretch(
                            index: index + 1, start: index < hours.count ? hours[index].start.iso : "",
                            end: index < hours.count ? hours[index].end.iso : "", startLabel: index == 0 ? "From" : "And from", endLabel: "To")
                    })
            },
            overrides: availability.overrides.sorted { $0.date < $1.date }.map { override in
                Override(
                    date: override.date.iso, label: ZoneTimeline.describe(override.date),
                    hours: override.hours.isEmpty ? "Not working" : override.hours.map(\.description).joined(separator: ", "))
            },
            timeOff: availability.timeOff.sorted { $0.time.start < $1.time.start }.map { away in
                Away(key: AvailabilityForms.key(of: away), label: organization.describe(away.time), reason: away.reason.isEmpty ? nil : away.reason)
            },
            outside: current.sessionsOutsideHours.map { session in
                Booked(
                    href: WebPath.session(session.id),
                    label:
                        "\(organization.describe(session.time)): \(names.line(subjectID: session.subjectID, studentIDs: session.studentIDs, tutorID: session.tutorID))"
                )
            },
            error: error, saved: saved)
    }
}
