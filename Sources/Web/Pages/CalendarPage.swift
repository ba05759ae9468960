import Foundation
import Mustache
import Notifications
import Scheduling
import Workflows

/// The caller's sessions and open requests as a week, a month or a list, in the seed colours:
/// pending requests light blue, proposed times lilac, striped where the caller must answer,
/// sessions a family asked to cancel red, confirmed sessions plain, cancelled ones struck through.
struct CalendarPage {
    let chrome: PageChrome
    let timeZone: String
    let title: String
    let view: String
    let views: [Tab]
    let previous: String
    let next: String
    let today: String
    /// Week and month: rows of seven days. List: one row per day that has something.
    let weeks: [Week]
    let days: [Day]
    let isGrid: Bool
    /// One tutor's calendar: their time off and changed hours are shown, and in the legend.
    let showsAvailability: Bool
    let weekdayNames: [String]
    let feed: Feed
    /// The office's filters: one tutor, or only the sessions a family asked to cancel.
    let filters: Filters?

    struct Filters {
        /// The date shown, kept when the filters change.
        let date: String
        let tutors: [NewRequestPage.Choice]
        let cancellationRequests: Bool
    }

    /// What the office narrowed the calendar to; kept by every link of the page.
    struct Narrowing {
        var tutorID: String?
        var cancellationRequests = false

        var query: String {
            (tutorID.map { "&tutor=\($0)" } ?? "") + (cancellationRequests ? "&only=cancellation-requests" : "")
        }
    }

    /// The caller's calendar subscription: its address only on the page that made it.
    struct Feed {
        let url: String?
        /// "Mon 7 Dec 2026", when an address exists.
        let madeOn: String?
    }

    enum View: String, CaseIterable {
        case week, month, list
    }

    struct Tab {
        let label: String
        let href: String
        let current: Bool
    }

    struct Week {
        let days: [Day]
    }

    struct Day {
        let label: String
        let isToday: Bool
        /// A month view's days from the months before and after.
        let outside: Bool
        let entries: [Entry]
    }

    struct Entry {
        let time: String
        let title: String
        let href: String
        /// `session`, `cancelled`, `pending` or `proposed`.
        let colour: String
        let needsAnswer: Bool
        /// Optional, because templates treat an empty string as present.
        let note: String?
    }

    /// `madeFeed`: an address made by this very request, shown this once.
    static func load(
        view: View, around date: LocalDate?, narrowing: Narrowing = Narrowing(), for caller: Caller, csrf: String,
        madeFeed: CalendarFeeds.Made? = nil, dependencies: Dependencies
    ) async throws -> CalendarPage {
        let narrowing = caller.role == .admin ? narrowing : Narrowing()
        let directory = Directory(dependencies)
        let organization = try await directory.organization(for: caller)
        let now = dependencies.now()
        let today = organization.localDate(of: now)
        let anchor = date.flatMap { showable.contains($0) ? $0 : nil } ?? today
        let (first, last) = range(of: view, around: anchor)
        let sessions = try await SessionDirectory(dependencies).list(
            .init(from: first, to: last, tutorID: narrowing.tutorID, cancellationRequested: narrowing.cancellationRequests), for: caller
        ).sessions
        let requests =
            narrowing.cancellationRequests
            ? []
            : try await RequestDirectory(dependencies).list(
                .init(states: [.pending, .proposed], tutorID: narrowing.tutorID, from: first, to: last), for: caller
            ).requests
        let waiting = try await RequestDirectory(dependencies).waiting(for: caller)
        let waitingState: RequestState = caller.role == .parent ? .proposed : .pending
        let names = try await PeopleNames.load(for: caller, directory: directory)
        let wording = TimeWording(organization: organization)

        var entries: [LocalDate: [(Date, Entry)]] = [:]
        for session in sessions {
            let entry = Entry(
                time: wording.clock(session.time),
                title: names.line(subjectID: session.subjectID, studentIDs: session.studentIDs, tutorID: session.tutorID),
                href: WebPath.session(session.id),
                colour: session.colour,
                needsAnswer: false,
                note: session.status != .scheduled
                    ? session.status.label : session.cancellationRequest == nil ? nil : "Cancellation requested")
            entries[organization.localDate(of: session.time.start), default: []].append((session.time.start, entry))
        }
        for request in requests {
            guard let held = request.heldTime else { continue }
            let entry = Entry(
                time: wording.clock(held),
                title: names.line(subjectID: request.subjectID, studentIDs: [request.studentID], tutorID: request.tutorID),
                href: WebPath.request(request.id), colour: request.state.rawValue, needsAnswer: request.state == waitingState,
                note: request.state == .pending ? "Requested" : "Proposed")
            entries[organization.localDate(of: held.start), default: []].append((held.start, entry))
        }
        // One tutor's calendar (their own, or the office's narrowed to them) shows their time off and
        // the days whose hours they changed, so a booking over them stands out.
        let availabilityOf = caller.role == .tutor ? caller.userID : narrowing.tutorID
        if let tutorID = availabilityOf {
            let current = try await AvailabilityEditing(dependencies).current(tutorID: tutorID, for: caller)
            for (date, entry) in Self.availabilityEntries(
                current.availability, from: first, to: last, organization: organization, tutorID: tutorID, caller: caller)
            {
                entries[date, default: []].append(entry)
            }
        }
        func day(_ date: LocalDate, outside: Bool = false) -> Day {
            Day(
                label: ZoneTimeline.describe(date), isToday: date == today, outside: outside,
                entries: (entries[date] ?? []).sorted { $0.0 < $1.0 }.map(\.1))
        }

        let dates = Array(first...last)
        let link = { (view: View, date: LocalDate) in "\(WebPath.calendar)?view=\(view.rawValue)&date=\(date.iso)\(narrowing.query)" }
        let step: (LocalDate) -> LocalDate =
            switch view {
            case .week: { $0.adding(days: 7) }
            case .month, .list: { month(of: $0, plus: 1) }
            }
        let back: (LocalDate) -> LocalDate =
            switch view {
            case .week: { $0.adding(days: -7) }
            case .month, .list: { month(of: $0, plus: -1) }
            }
        var feedMade = madeFeed?.createdAt
        if feedMade == nil { feedMade = try await CalendarFeeds(dependencies).createdAt(for: caller) }
        return CalendarPage(
            chrome: .signedIn(title: "Calendar", caller: caller, organization: organization, waiting: waiting, csrf: csrf),
            timeZone: wording.zone(at: now), title: title(of: view, anchor: anchor, first: first), view: view.rawValue,
            views: View.allCases.map { Tab(label: $0.rawValue.capitalized, href: link($0, anchor), current: $0 == view) },
            previous: link(view, back(anchor)), next: link(view, step(anchor)), today: link(view, today),
            weeks: view == .list
                ? []
                : stride(from: 0, to: dates.count, by: 7).map { start in
                    Week(days: dates[start..<min(start + 7, dates.count)].map { day($0, outside: view == .month && $0.month != anchor.month) })
                },
            days: view == .list ? dates.filter { entries[$0] != nil }.map { day($0) } : [], isGrid: view != .list,
            showsAvailability: availabilityOf != nil,
            weekdayNames: Weekday.allCases.map(\.shortName),
            feed: Feed(url: madeFeed?.url, madeOn: feedMade.map { ZoneTimeline.describe(organization.localDate(of: $0)) }),
            filters: caller.role == .admin
                ? Filters(
                    date: anchor.iso,
                    tutors: [NewRequestPage.Choice(value: "", label: "All tutors", selected: narrowing.tutorID == nil)]
                        + (try await directory.tutors(for: caller)).map {
                            NewRequestPage.Choice(value: $0.id, label: $0.name, selected: $0.id == narrowing.tutorID)
                        },
                    cancellationRequests: narrowing.cancellationRequests)
                : nil)
    }

    /// Time off, day by day ("All day" or its hours that day), and changed hours, for the dates shown.
    private static func availabilityEntries(
        _ availability: Availability, from first: LocalDate, to last: LocalDate, organization: Organization, tutorID: String, caller: Caller
    ) -> [(LocalDate, (Date, Entry))] {
        let timeline = organization.timeline(covering: first...last.adding(days: 1))
        let format = organization.settings.timeFormat
        let href = caller.role == .admin ? "/availability?tutor=\(tutorID)" : "/availability"
        var entries: [(LocalDate, (Date, Entry))] = []
        for away in availability.timeOff {
            var date = max(first, timeline.date(of: away.time.start))
            let lastDate = min(last, timeline.date(of: away.time.end.addingTimeInterval(-1)))
            while date <= lastDate {
                let day = TimeRange(start: timeline.startOfDay(date), end: timeline.startOfDay(date.adding(days: 1)))!
                let start = max(day.start, away.time.start), end = min(day.end, away.time.end)
                let time =
                    start == day.start && end == day.end
                    ? "All day"
                    : "\(format.text(timeline.local(start).time))–\(end == day.end ? (format == .twelveHour ? "midnight" : "24:00") : format.text(timeline.local(end).time))"
                let entry = Entry(
                    time: time, title: "Time off", href: href, colour: "away", needsAnswer: false, note: away.reason.isEmpty ? nil : away.reason)
                entries.append((date, (start, entry)))
                date = date.adding(days: 1)
            }
        }
        for override in availability.overrides where (first...last).contains(override.date) {
            let hours = override.hours.sorted()
            let entry = Entry(
                time: hours.isEmpty ? "All day" : hours.map(\.description).joined(separator: ", "),
                title: hours.isEmpty ? "Not working" : "Changed hours", href: href, colour: "override", needsAnswer: false, note: nil)
            entries.append((override.date, (timeline.startOfDay(override.date), entry)))
        }
        return entries
    }

    /// Dates whose view and neighbours (a month either side) are all dates `LocalDate` can hold.
    static let showable = LocalDate.earliest.adding(days: 62)...LocalDate.latest.adding(days: -62)

    /// The dates a view shows: the week (Monday to Sunday) of `date`; the whole weeks covering its
    /// month; or its month, for the list.
    static func range(of view: View, around date: LocalDate) -> (LocalDate, LocalDate) {
        let firstOfMonth = LocalDate(year: date.year, month: date.month, day: 1)!
        let lastOfMonth = month(of: date, plus: 1).adding(days: -1)
        switch view {
        case .week:
            let monday = date.adding(days: 1 - date.weekday.isoNumber)
            return (monday, monday.adding(days: 6))
        case .month:
            return (firstOfMonth.adding(days: 1 - firstOfMonth.weekday.isoNumber), lastOfMonth.adding(days: 7 - lastOfMonth.weekday.isoNumber))
        case .list:
            return (firstOfMonth, lastOfMonth)
        }
    }

    /// The first day of the month `months` away from `date`'s.
    static func month(of date: LocalDate, plus months: Int) -> LocalDate {
        let index = date.year * 12 + (date.month - 1) + months
        return LocalDate(year: index / 12, month: index % 12 + 1, day: 1)!
    }

    private static func title(of view: View, anchor: LocalDate, first: LocalDate) -> String {
        switch view {
        case .week: "Week of \(ZoneTimeline.describe(first))"
        case .month, .list: ZoneTimeline.describeMonth(of: anchor)
        }
    }
}

/// Entries are looked up by name without `Mirror`, which costs more than the rest of the page.
extension CalendarPage.Entry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "time": time
        case "title": title
        case "href": href
        case "colour": colour
        case "needsAnswer": needsAnswer
        case "note": note
        default: nil
        }
    }
}
