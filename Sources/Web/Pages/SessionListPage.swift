import Foundation
import Scheduling
import Workflows

/// "Sessions" (seed 002): every session the caller may see between two dates, filtered by tutor,
/// student, client, subject, status, report and cancellation requests, a page at a time, with
/// the money the caller may see; the same filters export as CSV.
struct SessionListPage {
    let chrome: PageChrome
    let timeZone: String
    let from: String
    let to: String
    let tutors: [NewRequestPage.Choice]
    let students: [NewRequestPage.Choice]
    let clients: [NewRequestPage.Choice]
    let subjects: [NewRequestPage.Choice]
    let statuses: [NewRequestPage.Choice]
    let reports: [NewRequestPage.Choice]
    let invoicedChoices: [NewRequestPage.Choice]
    let paidChoices: [NewRequestPage.Choice]
    let cancellationRequested: Bool
    let rows: [Row]
    let hasRows: Bool
    let showsTutorFilter: Bool
    let showsClientFilter: Bool
    let showsClientAmount: Bool
    let showsEarnings: Bool
    /// The office and families see which invoice billed a session and whether it is paid.
    let showsBilling: Bool
    /// The next page, the first page again, and the export, each with the filters.
    let nextPage: String?
    let firstPage: String?
    let export: String
    let summary: String
    let error: String?

    struct Row {
        let href: String
        let date: String
        let time: String
        let students: String
        let clients: String
        let tutor: String
        let subject: String
        let status: String
        let colour: String
        let report: String
        let cancellationRequested: Bool
        let clientAmount: String
        let earnings: String
        /// `INV-0004 · paid`, or `—`.
        let invoice: String
        let invoiceLink: String?
    }

    /// The filters as the page's form and links carry them.
    struct Filters {
        var from: LocalDate?
        var to: LocalDate?
        var tutorID: String?
        var studentID: String?
        var clientID: String?
        var subjectID: String?
        var status: SessionStatus?
        var report: SessionReportFilter?
        var invoiced: Bool?
        var paid: Bool?
        var cancellationRequested = false
        var cursor: SessionCursor?

        init(_ query: [String: String]) {
            func value(_ name: String) -> String? { query[name].flatMap { $0.isEmpty ? nil : $0 } }
            from = value("from").flatMap { LocalDate(iso: $0) }
            to = value("to").flatMap { LocalDate(iso: $0) }
            tutorID = value("tutor")
            studentID = value("student")
            clientID = value("client")
            subjectID = value("subject")
            status = value("status").flatMap(SessionStatus.init(rawValue:))
            report = value("report").flatMap(SessionReportFilter.init(rawValue:))
            invoiced = value("invoiced").flatMap { ["yes": true, "no": false][$0] }
            paid = value("paid").flatMap { ["yes": true, "no": false][$0] }
            cancellationRequested = value("cancellation") == "requested"
            cursor = value("after").flatMap { SessionCursor(text: $0) }
        }

        /// `from=…&to=…&tutor=…`, without the page.
        func query(from: LocalDate, to: LocalDate) -> String {
            var parts = ["from=\(from.iso)", "to=\(to.iso)"]
            let pairs: [(String, String?)] = [
                ("tutor", tutorID), ("student", studentID), ("client", clientID), ("subject", subjectID), ("status", status?.rawValue),
                ("report", report?.rawValue), ("invoiced", invoiced.map { $0 ? "yes" : "no" }), ("paid", paid.map { $0 ? "yes" : "no" }),
                ("cancellation", cancellationRequested ? "requested" : nil),
            ]
            for case let (name, value?) in pairs {
                parts.append("\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-_"))) ?? "")")
            }
            return parts.joined(separator: "&")
        }
    }

    static let pageSize = 50

    static func load(_ filters: Filters, for caller: Caller, csrf: String, dependencies: Dependencies) async throws -> SessionListPage {
        let directory = Directory(dependencies)
        let organization = try await directory.organization(for: caller)
        let now = dependencies.now()
        let today = organization.localDate(of: now)
        let waiting = try await RequestDirectory(dependencies).waiting(for: caller)
        // The last four weeks and the next two, unless asked otherwise.
        let from = filters.from ?? today.adding(days: -28), to = filters.to ?? today.adding(days: 14)
        let tutors = try await directory.tutors(for: caller).sorted { $0.name < $1.name }
        let students = try await directory.students(for: caller).sorted { $0.name < $1.name }
        let clients = caller.role == .parent ? [] : try await directory.parents(for: caller).sorted { $0.name < $1.name }
        let subjects = try await directory.subjects(for: caller).sorted { $0.name < $1.name }
        var rows: [Row] = []
        var next: String?
        var error: String?
        do {
            let listing = try await SessionDirectory(dependencies).list(
                .init(
                    from: from, to: to, tutorID: filters.tutorID, studentID: filters.studentID, statuses: filters.status.map { [$0] },
                    cancellationRequested: filters.cancellationRequested, clientID: filters.clientID, subjectID: filters.subjectID,
                    report: filters.report, invoiced: caller.role == .tutor ? nil : filters.invoiced,
                    paid: caller.role == .tutor ? nil : filters.paid, after: filters.cursor, limit: pageSize),
                for: caller)
            let names = (
                students: Dictionary(uniqueKeysWithValues: students.map { ($0.id, $0.name) }),
                tutors: Dictionary(uniqueKeysWithValues: tutors.map { ($0.id, $0.name) }),
                clients: Dictionary(uniqueKeysWithValues: clients.map { ($0.id, $0.name) }),
                subjects: Dictionary(uniqueKeysWithValues: subjects.map { ($0.id, $0.name) })
            )
            let timeline = organization.timeline(covering: from...to.adding(days: 1))
            let wording = TimeWording(organization: organization)
            rows = listing.sessions.map { session in
                let money = SessionMoney(session, settings: organization.settings)
                let paying = money.lines.filter { SessionMoney.clientAmountVisible(of: $0, to: caller) }
                let local = timeline.local(session.time.start)
                let billing = listing.billing[session.id]
                return Row(
                    href: WebPath.session(session.id),
                    // "Mon 23 Nov"; the year only when it is not this one.
                    date: local.date.year == today.year
                        ? String(ZoneTimeline.describe(local.date).dropLast(5)) : ZoneTimeline.describe(local.date),
                    time: wording.clock(session.time), students: session.studentIDs.compactMap { names.students[$0] }.joined(separator: ", "),
                    clients: caller.role == .parent
                        ? "" : Set(session.students.compactMap { $0.clientID.flatMap { names.clients[$0] } }).sorted().joined(separator: ", "),
                    tutor: names.tutors[session.tutorID] ?? "", subject: names.subjects[session.subjectID] ?? "", status: session.status.label,
                    colour: session.colour,
                    report: session.notes.reportSentAt != nil ? "Sent" : session.notes.report.isEmpty ? "—" : "Written",
                    cancellationRequested: session.cancellationRequest != nil,
                    clientAmount: paying.isEmpty
                        ? "" : MoneyWording.amount(paying.reduce(0) { $0 + $1.clientAmount }, currency: organization.currency),
                    earnings: SessionMoney.tutorEarningsVisible(of: session, to: caller)
                        ? MoneyWording.amount(money.tutorEarnings, currency: organization.currency) : "",
                    // A family sees only its own invoices: another family's in a group session is none of theirs.
                    invoice: billing.flatMap { billing in
                        billing.invoiced
                            ? billing.invoices.map(\.number.description).joined(separator: ", ") + (billing.paid ? " · paid" : " · unpaid") : nil
                    } ?? "—",
                    invoiceLink: billing?.invoices.first.map { WebPath.invoice($0.invoiceID) })
            }
            next = listing.nextCursor.map { "/sessions?\(filters.query(from: from, to: to))&after=\($0.text)" }
        } catch let refusal as DomainError {
            error = refusal.message
        }
        func choices<T>(_ items: [T], id: (T) -> String, name: (T) -> String, selected: String?) -> [NewRequestPage.Choice] {
            [NewRequestPage.Choice(value: "", label: "All", selected: selected == nil)]
                + items.map { NewRequestPage.Choice(value: id($0), label: name($0), selected: id($0) == selected) }
        }
        func yesNo(selected: Bool?) -> [NewRequestPage.Choice] {
            [(nil, "", "All"), (true, "yes", "Yes"), (false, "no", "No")].map {
                NewRequestPage.Choice(value: $0.1, label: $0.2, selected: $0.0 == selected)
            }
        }
        let query = filters.query(from: from, to: to)
        return SessionListPage(
            chrome: .signedIn(title: "Sessions", caller: caller, organization: organization, waiting: waiting, csrf: csrf),
            timeZone: TimeWording(organization: organization).zone(at: now), from: from.iso, to: to.iso,
            tutors: caller.role == .tutor ? [] : choices(tutors, id: \.id, name: \.name, selected: filters.tutorID),
            students: choices(students, id: \.id, name: \.name, selected: filters.studentID),
            clients: caller.role == .parent ? [] : choices(clients, id: \.id, name: \.name, selected: filters.clientID),
            subjects: choices(subjects, id: \.id, name: \.name, selected: filters.subjectID),
            statuses: choices(SessionStatus.allCases, id: \.rawValue, name: \.label, selected: filters.status?.rawValue),
            reports: choices(
                SessionReportFilter.allCases, id: \.rawValue,
                name: { ["written": "Written", "not_written": "Not written", "sent": "Sent to the family"][$0.rawValue] ?? "" },
                selected: filters.report?.rawValue),
            invoicedChoices: yesNo(selected: filters.invoiced), paidChoices: yesNo(selected: filters.paid),
            cancellationRequested: filters.cancellationRequested, rows: rows, hasRows: !rows.isEmpty, showsTutorFilter: caller.role != .tutor,
            showsClientFilter: caller.role != .parent, showsClientAmount: caller.role != .tutor,
            showsEarnings: caller.role != .parent, showsBilling: caller.role != .tutor, nextPage: next,
            firstPage: filters.cursor == nil ? nil : "/sessions?\(query)",
            export: "/sessions/export?\(query)",
            summary: rows.isEmpty
                ? "No sessions match."
                : "\(rows.count) session\(rows.count == 1 ? "" : "s")\(next == nil ? "" : " on this page; more follow")",
            error: error)
    }
}
