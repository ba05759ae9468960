public import Foundation
public import Scheduling

/// The session list as a CSV file (`exportSessions`): every session the same filters list, page
/// after page, one row each, with the money the caller may see in major units and its currency.
public struct SessionExport: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public struct File: Sendable {
        public let name: String
        /// UTF-8 with a byte order mark.
        public let text: String
    }

    public func csv(_ query: SessionDirectory.Query, for caller: Caller) async throws -> File {
        let directory = Directory(dependencies)
        let listing = SessionDirectory(dependencies)
        var page = query
        page.limit = 1000
        page.after = nil
        var first = try await listing.list(page, for: caller)
        let organization = first.organization
        let students = Dictionary(uniqueKeysWithValues: try await directory.students(for: caller).map { ($0.id, $0.name) })
        let subjects = Dictionary(uniqueKeysWithValues: try await directory.subjects(for: caller).map { ($0.id, $0.name) })
        let tutors = Dictionary(uniqueKeysWithValues: try await directory.tutors(for: caller).map { ($0.id, $0.name) })
        // A family names only itself as client: it cannot list other families.
        let clients =
            caller.role == .parent
            ? [caller.userID: caller.name] : Dictionary(uniqueKeysWithValues: try await directory.parents(for: caller).map { ($0.id, $0.name) })
        let showsClientAmounts = caller.role != .tutor
        let showsEarnings = caller.role != .parent
        // Billing is the office's and the families' business, as are client amounts.
        let showsBilling = showsClientAmounts
        var csv = CSVText()
        csv.row(
            ["Date", "Start", "End", "Students", "Clients", "Tutor", "Subject", "Status", "Cancellation requested", "Report written", "Report sent"]
                .map(CSVText.Cell.value) + (showsClientAmounts ? [.value("Client amount")] : []) + (showsEarnings ? [.value("Tutor earnings")] : [])
                + [.value("Currency")] + (showsBilling ? [.value("Invoices"), .value("Paid")] : []))
        let timeline = organization.timeline(covering: query.from...query.to.adding(days: 1))
        while true {
            for session in first.sessions {
                let start = timeline.local(session.time.start), end = timeline.local(session.time.end)
                let money = SessionMoney(session, settings: organization.settings)
                let paying = money.lines.filter { SessionMoney.clientAmountVisible(of: $0, to: caller) }
                var row: [CSVText.Cell] = [
                    .value(start.date.iso), .value(start.time.iso), .value(end.time.iso),
                    .text(session.studentIDs.compactMap { students[$0] }.joined(separator: "; ")),
                    .text(Array(Set(session.students.compactMap { $0.clientID.flatMap { clients[$0] } })).sorted().joined(separator: "; ")),
                    .text(tutors[session.tutorID] ?? ""), .text(subjects[session.subjectID] ?? ""), .value(session.status.rawValue),
                    .value(session.cancellationRequest == nil ? "no" : "yes"), .value(session.notes.report.isEmpty ? "no" : "yes"),
                    .value(session.notes.reportSentAt == nil ? "no" : "yes"),
                ]
                if showsClientAmounts { row.append(.value(MoneyText.plain(paying.reduce(0) { $0 + $1.clientAmount }))) }
                if showsEarnings {
                    let earns = SessionMoney.tutorEarningsVisible(of: session, to: caller)
                    row.append(.value(earns ? MoneyText.plain(money.tutorEarnings) : ""))
                }
                row.append(.value(organization.currency))
                if showsBilling {
                    let billing = first.billing[session.id]
                    row += [
                        .value(billing?.invoices.map(\.number.description).joined(separator: "; ") ?? ""),
                        .value(billing?.paid == true ? "yes" : "no"),
                    ]
                }
                csv.row(row)
            }
            guard let next = first.nextCursor else { break }
            page.after = next
            first = try await listing.list(page, for: caller)
        }
        return File(name: "sessions-\(query.from.iso)-to-\(query.to.iso).csv", text: csv.text)
    }
}
