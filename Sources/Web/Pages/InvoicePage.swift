import Foundation
import Scheduling
import Workflows

/// One invoice as it is printed and emailed: the organization's name and address, the client,
/// each session with date, student, subject, length, rate and amount, the total, what is paid and
/// what is due. The office changes a draft (sessions, due date, note), issues, emails or voids it
/// and records payments; the family reads and prints it.
struct InvoicePage {
    let chrome: PageChrome
    let id: String
    let number: String
    let state: String
    let stateClass: String
    let organization: String
    let addressLines: [String]
    let contact: String?
    let client: String
    let clientEmail: String
    let issued: String?
    let dueOn: String?
    let lines: [Line]
    let total: String
    let paid: String
    let due: String
    let note: String?
    let payments: [PaymentRow]
    let hasPayments: Bool
    let voidNote: String?
    let sentNote: String?
    /// `a4` or `letter`: the paper the page prints on, and a link to the other.
    let paper: String
    let otherPaper: NewRequestPage.DayLink
    /// The office's invoice list, or the family's billing page.
    let back: NewRequestPage.DayLink
    /// The office's forms: a draft's, an issued invoice's.
    let isDraft: Bool
    let isIssued: Bool
    let canPay: Bool
    let canVoid: Bool
    /// A draft's sessions: those on it (ticked) and the client's others not yet invoiced.
    let sessionChoices: [NewRequestPage.Choice]
    let dueOnValue: String
    let noteValue: String
    let amountDueValue: String
    let today: String
    let methods: [NewRequestPage.Choice]
    let notice: String?
    let error: String?

    struct Line {
        let date: String
        let student: String
        let subject: String
        let tutor: String
        let duration: String
        let rate: String
        let amount: String
    }

    struct PaymentRow {
        let date: String
        let method: String
        let reference: String
        let amount: String
    }

    static func load(
        _ id: String, done: String?, error: String?, paper: String?, for caller: Caller, csrf: String, dependencies: Dependencies
    ) async throws -> InvoicePage {
        let record = try await InvoiceBook(dependencies).record(id, for: caller)
        let (invoice, organization) = (record.invoice, record.organization)
        let money = { MoneyWording.amount($0, currency: invoice.currency) }
        let waiting = try await RequestDirectory(dependencies).waiting(for: caller)
        let now = dependencies.now()
        let today = organization.localDate(of: now)
        let isOffice = caller.isAdmin
        let others =
            isOffice && invoice.status == .draft ? try await InvoiceBook(dependencies).uninvoicedLines(of: invoice.clientID, for: caller) : []
        let timeline = organization.timeline(coveringInstants: (invoice.lines + others).map(\.startsAt) + [now])
        let format = organization.settings.timeFormat
        let lines = invoice.lines.map { line in
            let local = timeline?.local(line.startsAt)
            return Line(
                date: local.map { "\(ZoneTimeline.describe($0.date)), \(format.text($0.time))" } ?? organization.describe(line.startsAt),
                student: line.studentName, subject: line.subjectName, tutor: line.tutorName, duration: "\(line.minutes) min",
                rate: "\(money(line.ratePerHour))/h", amount: money(line.amount))
        }
        var choices: [NewRequestPage.Choice] = []
        if isOffice && invoice.status == .draft {
            var seen = Set<String>()
            choices = (invoice.lines.map { (line: $0, on: true) } + others.map { (line: $0, on: false) }).sorted {
                ($0.line.startsAt, $0.line.sessionID) < ($1.line.startsAt, $1.line.sessionID)
            }.compactMap { item in
                guard seen.insert(item.line.sessionID).inserted else { return nil }
                let local = timeline?.local(item.line.startsAt)
                let when = local.map { "\(ZoneTimeline.describe($0.date)) \(format.text($0.time))" } ?? organization.describe(item.line.startsAt)
                return NewRequestPage.Choice(
                    value: item.line.sessionID,
                    label: "\(when) · \(item.line.studentName) · \(item.line.subjectName) · \(money(item.line.amount))", selected: item.on)
            }
        }
        let paper = paper == "letter" || paper == "a4" ? paper! : ["USD", "CAD"].contains(invoice.currency) ? "letter" : "a4"
        let address = organization.contact.address.map { $0.split(separator: "\n").map(String.init) } ?? []
        let contact = [organization.contact.email, organization.contact.phone].compactMap { $0 }.joined(separator: " · ")
        return InvoicePage(
            chrome: .signedIn(title: "Invoice \(invoice.number)", caller: caller, organization: organization, waiting: waiting, csrf: csrf),
            id: invoice.id, number: invoice.number.description, state: invoice.stateLabel(today: today),
            stateClass: invoice.stateClass(today: today), organization: organization.name, addressLines: address,
            contact: contact.isEmpty ? nil : contact, client: record.client.name, clientEmail: record.client.email,
            issued: invoice.issuedOn.map(ZoneTimeline.describe), dueOn: invoice.dueOn.map(ZoneTimeline.describe), lines: lines,
            total: money(invoice.total), paid: money(invoice.amountPaid), due: money(invoice.amountDue),
            note: invoice.note.isEmpty ? nil : invoice.note,
            payments: record.payments.map {
                PaymentRow(date: ZoneTimeline.describe($0.paidOn), method: $0.method.name, reference: $0.reference, amount: money($0.amount))
            }, hasPayments: !record.payments.isEmpty,
            voidNote: invoice.status == .void
                ? "Void since \(invoice.voidedAt.map(organization.describe) ?? "")" + (invoice.voidReason.isEmpty ? "." : ": \(invoice.voidReason)")
                : nil,
            sentNote: isOffice ? invoice.sentAt.map { "Emailed to \(record.client.name) on \(organization.describe($0))." } : nil,
            paper: paper,
            otherPaper: NewRequestPage.DayLink(
                label: paper == "a4" ? "Print on Letter paper" : "Print on A4 paper",
                href: "\(WebPath.invoice(invoice.id))?paper=\(paper == "a4" ? "letter" : "a4")"),
            back: isOffice
                ? NewRequestPage.DayLink(label: "Invoices", href: WebPath.invoices) : NewRequestPage.DayLink(label: "Billing", href: WebPath.billing),
            isDraft: isOffice && invoice.status == .draft, isIssued: isOffice && invoice.status == .issued,
            canPay: isOffice && invoice.status == .issued && invoice.amountDue > 0,
            canVoid: isOffice && invoice.status == .issued && invoice.amountPaid == 0, sessionChoices: choices,
            dueOnValue: (invoice.dueOn ?? today.adding(days: InvoiceRules.paymentTermDays)).iso, noteValue: invoice.note,
            amountDueValue: MoneyWording.plain(invoice.amountDue), today: today.iso,
            methods: PaymentMethod.allCases.map { NewRequestPage.Choice(value: $0.rawValue, label: $0.name, selected: $0 == .bankTransfer) },
            notice: done.flatMap { notice(after: $0, invoice: invoice, client: record.client.name, money: money) }, error: error)
    }

    private static func notice(after done: String, invoice: Invoice, client: String, money: (Int) -> String) -> String? {
        switch done {
        case "created": "You drafted \(invoice.number). Check its sessions, then issue it."
        case "saved": "Saved."
        case "issued" where invoice.status == .issued: "You issued \(invoice.number): \(client) sees it and owes \(money(invoice.amountDue))."
        case "sent" where invoice.sentAt != nil: "You emailed \(invoice.number) to \(client)."
        case "paid":
            invoice.isPaid
                ? "You recorded the payment: \(invoice.number) is paid in full."
                : "You recorded the payment: \(money(invoice.amountDue)) is still due."
        case "voided" where invoice.status == .void: "You voided \(invoice.number); its sessions can be invoiced again."
        default: nil
        }
    }
}
