import Foundation
import Scheduling
import Workflows

/// The office's "Invoices": what each client owes and the organization in all, a form to draft
/// an invoice for a client, and every invoice, filtered by client and state. A family's
/// "Billing": what they owe and their issued invoices.
struct InvoiceListPage {
    let chrome: PageChrome
    let heading: String
    let isOffice: Bool
    /// A family's balance in one sentence.
    let owed: String?
    let balances: [BalanceRow]
    let hasBalances: Bool
    let totals: BalanceRow?
    let clients: [NewRequestPage.Choice]
    let filterClients: [NewRequestPage.Choice]
    let statuses: [NewRequestPage.Choice]
    let upTo: String
    let note: String
    let rows: [Row]
    let hasRows: Bool
    let summary: String
    let error: String?

    struct BalanceRow {
        let client: String
        let href: String
        let invoiced: String
        let paid: String
        let due: String
        let openInvoices: Int
    }

    struct Row {
        let number: String
        let href: String
        let client: String
        let status: String
        let statusClass: String
        let issued: String
        let dueOn: String
        let total: String
        let paid: String
        let due: String
    }

    /// What the office typed into the new-invoice form, shown again with a refusal.
    struct Typed {
        var clientID: String?
        var upTo: String?
        var note = ""
        var error: String?
    }

    static func load(
        clientID: String?, status: String?, typed: Typed = .init(), for caller: Caller, csrf: String, dependencies: Dependencies
    ) async throws -> InvoiceListPage {
        let book = InvoiceBook(dependencies)
        let isOffice = caller.isAdmin
        var filter = InvoiceFilter(clientID: clientID)
        switch status {
        case "unpaid": filter.unpaid = true
        case let value?: filter.statuses = InvoiceStatus(rawValue: value).map { [$0] }
        case nil: break
        }
        let listing = try await book.invoices(filter, for: caller)
        let sheet = try await book.balanceSheet(for: caller)
        let organization = listing.organization
        let money = { MoneyWording.amount($0, currency: organization.currency) }
        let waiting = try await RequestDirectory(dependencies).waiting(for: caller)
        let parents = isOffice ? try await Directory(dependencies).parents(for: caller).sorted { $0.name < $1.name } : []
        let today = organization.localDate(of: dependencies.now())
        let rows = listing.invoices.map { invoice in
            Row(
                number: invoice.number.description, href: WebPath.invoice(invoice.id), client: listing.clientNames[invoice.clientID] ?? "",
                status: invoice.stateLabel(today: today), statusClass: invoice.stateClass(today: today),
                issued: invoice.issuedOn.map(ZoneTimeline.describe) ?? "—", dueOn: invoice.dueOn.map(ZoneTimeline.describe) ?? "—",
                total: money(invoice.total), paid: money(invoice.amountPaid),
                // A draft is not owed yet.
                due: invoice.status == .draft ? "—" : money(invoice.amountDue))
        }
        let balances = sheet.clients.map {
            BalanceRow(
                client: $0.name, href: "\(WebPath.invoices)?client=\($0.balance.clientID)", invoiced: money($0.balance.invoiced),
                paid: money($0.balance.paid), due: money($0.balance.due), openInvoices: $0.balance.openInvoices)
        }
        let open = sheet.clients.reduce(0) { $0 + $1.balance.openInvoices }
        return InvoiceListPage(
            chrome: .signedIn(title: isOffice ? "Invoices" : "Billing", caller: caller, organization: organization, waiting: waiting, csrf: csrf),
            heading: isOffice ? "Invoices" : "Billing", isOffice: isOffice,
            owed: isOffice
                ? nil
                : sheet.due > 0
                    ? "You owe \(money(sheet.due)) on \(open) invoice\(open == 1 ? "" : "s")." : "You owe nothing at the moment. Thank you!",
            balances: balances, hasBalances: !balances.isEmpty,
            totals: balances.count > 1
                ? BalanceRow(
                    client: "All clients", href: WebPath.invoices, invoiced: money(sheet.invoiced), paid: money(sheet.paid), due: money(sheet.due),
                    openInvoices: open) : nil,
            clients: [NewRequestPage.Choice(value: "", label: "Choose a client", selected: typed.clientID == nil)]
                + parents.map { NewRequestPage.Choice(value: $0.id, label: $0.name, selected: $0.id == typed.clientID) },
            filterClients: [NewRequestPage.Choice(value: "", label: "All", selected: clientID == nil)]
                + parents.map { NewRequestPage.Choice(value: $0.id, label: $0.name, selected: $0.id == clientID) },
            statuses: [("", "All"), ("draft", "Drafts"), ("issued", "Issued"), ("unpaid", "Unpaid"), ("void", "Void")].map {
                NewRequestPage.Choice(value: $0.0, label: $0.1, selected: $0.0 == (status ?? ""))
            },
            upTo: typed.upTo ?? today.iso, note: typed.note, rows: rows, hasRows: !rows.isEmpty,
            summary: rows.isEmpty
                ? (isOffice ? "No invoices match." : "No invoices yet.") : "\(rows.count) invoice\(rows.count == 1 ? "" : "s")",
            error: typed.error)
    }
}

extension Invoice {
    /// "Draft", "Paid", "Overdue", "Part paid", "Issued", "Void".
    func stateLabel(today: LocalDate) -> String {
        switch status {
        case .draft: "Draft"
        case .void: "Void"
        case .issued:
            isPaid ? "Paid" : (dueOn.map { $0 < today } ?? false) ? "Overdue" : amountPaid > 0 ? "Part paid" : "Issued"
        }
    }

    /// The state's colour on a page.
    func stateClass(today: LocalDate) -> String { stateLabel(today: today).lowercased().replacingOccurrences(of: " ", with: "-") }
}
