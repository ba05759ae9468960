import Foundation
import Scheduling
import Workflows

/// "Earnings": what tutors earned in a period, for payroll; the office sees every tutor with each
/// one's sessions, a tutor their own; exported as CSV.
struct EarningsPage {
    let chrome: PageChrome
    let timeZone: String
    let from: String
    let to: String
    let showsTutorFilter: Bool
    let tutors: [NewRequestPage.Choice]
    let periods: [NewRequestPage.DayLink]
    let rows: [TutorRow]
    let hasRows: Bool
    let total: String
    let summary: String
    let export: String
    let error: String?

    struct TutorRow {
        let name: String
        let sessions: Int
        let hours: String
        let earnings: String
        let lines: [Line]
    }

    struct Line {
        let href: String
        let date: String
        let students: String
        let subject: String
        let length: String
        let status: String
        let earnings: String
    }

    static func load(from: LocalDate?, to: LocalDate?, tutorID: String?, for caller: Caller, csrf: String, dependencies: Dependencies)
        async throws -> EarningsPage
    {
        let organization = try await Directory(dependencies).organization(for: caller)
        let now = dependencies.now()
        let today = organization.localDate(of: now)
        let monthStart = LocalDate(year: today.year, month: today.month, day: 1)!
        let lastMonthStart = monthStart.adding(days: -1).firstOfMonth
        // This month so far, unless asked otherwise.
        let from = from ?? monthStart, to = to ?? today
        let waiting = try await RequestDirectory(dependencies).waiting(for: caller)
        let tutors = caller.isAdmin ? try await Directory(dependencies).tutors(for: caller).sorted { $0.name < $1.name } : []
        var rows: [TutorRow] = []
        var total = 0
        var error: String?
        let money = { MoneyWording.amount($0, currency: organization.currency) }
        do {
            let report = try await TutorPayroll(dependencies).report(from: from, to: to, tutorID: tutorID, for: caller)
            let timeline = organization.timeline(covering: from...to.adding(days: 1))
            let format = organization.settings.timeFormat
            total = report.total
            rows = report.tutors.map { earnings, name in
                TutorRow(
                    name: name, sessions: earnings.lines.count, hours: Self.hours(earnings.minutes), earnings: money(earnings.total),
                    lines: earnings.lines.map { line in
                        let local = timeline.local(line.start)
                        return Line(
                            href: WebPath.session(line.sessionID), date: "\(ZoneTimeline.describe(local.date)), \(format.text(local.time))",
                            students: line.studentIDs.compactMap { report.studentNames[$0] }.joined(separator: ", "),
                            subject: report.subjectNames[line.subjectID] ?? "", length: "\(line.minutes) min", status: line.status.label,
                            earnings: money(line.earnings))
                    })
            }
        } catch let refusal as DomainError where refusal.kind == .invalid {
            error = refusal.message
        }
        var query = "from=\(from.iso)&to=\(to.iso)"
        if let tutorID {
            query += "&tutor=\(tutorID.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-_"))) ?? "")"
        }
        let tutorQuery = tutorID.map { "&tutor=\($0)" } ?? ""
        return EarningsPage(
            chrome: .signedIn(title: "Earnings", caller: caller, organization: organization, waiting: waiting, csrf: csrf),
            timeZone: TimeWording(organization: organization).zone(at: now), from: from.iso, to: to.iso, showsTutorFilter: caller.isAdmin,
            tutors: [NewRequestPage.Choice(value: "", label: "All", selected: tutorID == nil)]
                + tutors.map { NewRequestPage.Choice(value: $0.id, label: $0.name, selected: $0.id == tutorID) },
            periods: [
                NewRequestPage.DayLink(label: "This month", href: "/earnings?from=\(monthStart.iso)&to=\(today.iso)\(tutorQuery)"),
                NewRequestPage.DayLink(
                    label: "Last month", href: "/earnings?from=\(lastMonthStart.iso)&to=\(monthStart.adding(days: -1).iso)\(tutorQuery)"),
            ],
            rows: rows, hasRows: !rows.isEmpty, total: money(total),
            summary: rows.isEmpty
                ? "No completed sessions from \(ZoneTimeline.describe(from)) to \(ZoneTimeline.describe(to))."
                : "From \(ZoneTimeline.describe(from)) to \(ZoneTimeline.describe(to)): completed sessions, and late cancellations when they are paid.",
            export: "/earnings/export?\(query)", error: error)
    }

    /// 90 → "1 h 30 min".
    static func hours(_ minutes: Int) -> String {
        let (h, m) = (minutes / 60, minutes % 60)
        return h == 0 ? "\(m) min" : m == 0 ? "\(h) h" : "\(h) h \(m) min"
    }
}

extension LocalDate {
    /// The first day of this date's month.
    var firstOfMonth: LocalDate { LocalDate(year: year, month: month, day: 1)! }
}
