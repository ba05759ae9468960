public import Foundation
public import Scheduling
import Storage

/// Tutor earnings per period for payroll: the office sees every tutor's (or one's), a tutor their
/// own, families none; as a page and as CSV.
public struct TutorPayroll: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public struct Report: Sendable {
        public let organization: Organization
        public let from: LocalDate
        public let to: LocalDate
        /// Tutors with earnings in the period, by name.
        public let tutors: [(earnings: TutorEarnings, name: String)]
        public let studentNames: [String: String]
        public let subjectNames: [String: String]
        public var total: Int { tutors.reduce(0) { $0 + $1.earnings.total } }
    }

    public func report(from: LocalDate, to: LocalDate, tutorID: String?, for caller: Caller) async throws -> Report {
        guard caller.role != .parent else { throw DomainError.forbidden("Tutor earnings are for the office and each tutor.") }
        var issues = IssueList()
        issues.check(from <= to, "to", "The end date \(to.iso) is before the start date \(from.iso).")
        issues.check(
            from.days(until: to) < SessionDirectory.maximumDays, "to", "Earnings can be shown \(SessionDirectory.maximumDays) days at a time.")
        try issues.throwIfAny()
        let tutorID = caller.role == .tutor ? caller.userID : tutorID
        return try await dependencies.store.read { db in
            guard let organization = try await db.organization(id: caller.organizationID) else { throw DomainError.notFound("Organization") }
            var filter = SessionFilter(
                tutorID: tutorID, statuses: TutorEarnings.statuses(settings: organization.settings),
                startsWithin: TimeRange(start: organization.timeZone.startOfDay(from), end: organization.timeZone.startOfDay(to.adding(days: 1))),
                limit: 5000)
            var sessions: [Session] = []
            // Page by page: a year of a large office holds more sessions than one query returns.
            while true {
                let page = try await db.sessions(organizationID: organization.id, filter: filter)
                sessions += page
                guard page.count == filter.limit, let last = page.last else { break }
                filter.after = SessionCursor(after: last)
            }
            let tutors = try await db.users(organizationID: organization.id, role: .tutor)
            let students = try await db.students(organizationID: organization.id, ids: Array(Set(sessions.flatMap(\.studentIDs))))
            let subjects = try await db.subjects(organizationID: organization.id)
            let byTutor = Dictionary(grouping: sessions, by: \.tutorID)
            return Report(
                organization: organization, from: from, to: to,
                tutors: tutors.filter { tutorID == nil || $0.id == tutorID }.compactMap { tutor in
                    let earnings = TutorEarnings(tutorID: tutor.id, sessions: byTutor[tutor.id] ?? [], settings: organization.settings)
                    return earnings.lines.isEmpty ? nil : (earnings, tutor.name)
                }.sorted { $0.name < $1.name },
                studentNames: Dictionary(students.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }),
                subjectNames: Dictionary(subjects.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    /// One row per session, for a payroll spreadsheet: tutor, date, start, students, subject,
    /// minutes, status, earnings in major units, currency.
    public func csv(from: LocalDate, to: LocalDate, tutorID: String?, for caller: Caller) async throws -> SessionExport.File {
        let report = try await report(from: from, to: to, tutorID: tutorID, for: caller)
        let timeline = report.organization.timeline(covering: from...to.adding(days: 1))
        var csv = CSVText()
        csv.row(["Tutor", "Date", "Start", "Students", "Subject", "Minutes", "Status", "Earnings", "Currency"].map(CSVText.Cell.value))
        for (earnings, name) in report.tutors {
            for line in earnings.lines {
                let start = timeline.local(line.start)
                csv.row([
                    .text(name), .value(start.date.iso), .value(start.time.iso),
                    .text(line.studentIDs.compactMap { report.studentNames[$0] }.joined(separator: "; ")),
                    .text(report.subjectNames[line.subjectID] ?? ""), .value(String(line.minutes)), .value(line.status.rawValue),
                    .value(MoneyText.plain(line.earnings)), .value(report.organization.currency),
                ])
            }
        }
        return SessionExport.File(name: "tutor-earnings-\(from.iso)-to-\(to.iso).csv", text: csv.text)
    }
}
