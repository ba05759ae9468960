import Foundation
import Scheduling
import Workflows

/// Requesting a session: student, tutor and subject (one engagement) → a date → the free slots
/// the server offers that day → an optional note. Works as plain GET and POST forms.
struct NewRequestPage {
    let chrome: PageChrome
    let timeZone: String
    let engagements: [Choice]
    let engagementID: String
    let date: String
    let dayLabel: String
    /// An engagement and date were chosen, so the day's slots are shown.
    let searched: Bool
    let slots: [Choice]
    let otherDays: [DayLink]
    let noticeRule: String
    let deadlineRule: String
    let note: String
    let error: String?
    /// Free times offered instead of one that was just taken.
    let alternatives: [Choice]
    /// When the request moves a booked session: its id, its time, and what happens to it if the
    /// request is turned down.
    let replaces: String?
    let replacing: String?
    let replaceWarning: String?
    /// Inside `request` mode's warning buffer: the organization's warning, which the family
    /// confirms having read before the move goes.
    let lateWarning: String?

    struct Choice {
        let value: String
        let label: String
        let selected: Bool
    }

    struct DayLink {
        let label: String
        let href: String
    }

    /// How many days from the chosen date are searched for other days with free times.
    static let searchDays = 14

    struct Input {
        var engagementID: String?
        var date: LocalDate?
        var note = ""
        var chosenStart: String?
        var replaces: String?
        var error: DomainError?
    }

    static func load(_ input: Input, for caller: Caller, csrf: String, dependencies: Dependencies) async throws -> NewRequestPage {
        let directory = Directory(dependencies)
        let organization = try await directory.organization(for: caller)
        let now = dependencies.now()
        let waiting = try await RequestDirectory(dependencies).waiting(for: caller)
        let names = try await PeopleNames.load(for: caller, directory: directory)
        var moving: SessionDirectory.Detail?
        if let sessionID = input.replaces { moving = try await SessionDirectory(dependencies).session(sessionID, for: caller) }
        let engagements = try await directory.engagements(for: caller).filter {
            $0.isActive && (moving == nil || $0.id == moving?.session.engagementID)
        }
        let engagementID = input.engagementID ?? (engagements.count == 1 ? engagements[0].id : nil)
        let earliest = organization.earliestRequestStart(now: now)
        let date = max(input.date ?? organization.localDate(of: earliest), organization.localDate(of: now))

        var slots: [Choice] = [], otherDays: [DayLink] = []
        var error = input.error?.message
        if input.date.map({ $0 < organization.localDate(of: earliest) }) == true {
            error = error ?? organization.requestNoticeRule(now: now)
        }
        if input.date.map({ $0 > BookingWindow.latestDate(in: organization, now: now) }) == true {
            error = error ?? BookingWindow.aheadRule(in: organization, now: now)
        }
        if let engagementID, caller.canRequestSessions {
            do {
                let found = try await FreeSlotListing(dependencies).slots(
                    engagementID: engagementID, from: date, to: date.adding(days: searchDays - 1), for: caller)
                let byDay = Dictionary(grouping: found.slots) { organization.localDate(of: $0.start) }
                let wording = TimeWording(organization: organization)
                slots = (byDay[date] ?? []).map { slot in
                    let value = slot.start.rfc3339UTC
                    return Choice(value: value, label: wording.clock(slot), selected: value == input.chosenStart)
                }
                otherDays = byDay.keys.filter { $0 != date }.sorted().prefix(6).map { day in
                    DayLink(
                        label: ZoneTimeline.describe(day),
                        href: "\(WebPath.request("new"))?engagement=\(engagementID)&date=\(day.iso)"
                            + (input.replaces.map { "&replaces=\($0)" } ?? ""))
                }
            } catch let refusal as DomainError {
                error = error ?? refusal.message
            }
        }
        return NewRequestPage(
            chrome: .signedIn(
                title: moving == nil ? "Request a session" : "Move a session", caller: caller, organization: organization, waiting: waiting,
                csrf: csrf),
            timeZone: TimeWording(organization: organization).zone(at: now),
            engagements: engagements.map { engagement in
                Choice(value: engagement.id, label: names.engagement(engagement), selected: engagement.id == engagementID)
            },
            engagementID: engagementID ?? "", date: date.iso,
            dayLabel: ZoneTimeline.describe(date), searched: engagementID != nil, slots: slots, otherDays: otherDays,
            noticeRule: organization.requestNoticeRule(now: now),
            deadlineRule: deadlineRule(organization.settings),
            note: input.note, error: error,
            alternatives: (input.error?.alternatives ?? []).map { Choice(value: $0.range.start.rfc3339UTC, label: $0.label, selected: false) },
            replaces: moving?.session.id, replacing: moving.map { organization.describe($0.session.time) }, replaceWarning: moving?.rescheduleWarning,
            lateWarning: moving.flatMap { moving in
                organization.settings.cancellationMode == .request
                    ? CancellationRequestRules.warning(for: moving.session, organization: organization, now: now) : nil
            })
    }

    private static func deadlineRule(_ settings: OrganizationSettings) -> String {
        let window = "within \(settings.responseWindowHours) hours of your request"
        let due =
            switch settings.responseCutoff {
            case .endOfDayBefore: "\(window), and no later than the end of the day before the session"
            case .none: window
            }
        return "The time is held for you while the tutor answers, \(due). If nobody answers by then, the request expires and the time is free again."
    }
}
