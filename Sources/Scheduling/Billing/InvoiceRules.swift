public import Foundation

/// What may happen to an invoice: a draft is changed or deleted freely; an issued one only takes
/// payments, up to what is due, and a void while nothing has been paid on it.
public enum InvoiceRules {
    /// How long a family has to pay when the office names no due date.
    public static let paymentTermDays = 14

    public static func checkDraft(_ invoice: Invoice, to doing: String) throws(DomainError) {
        switch invoice.status {
        case .draft: return
        case .issued: throw DomainError.conflict("\(invoice.number) is issued, so it cannot be \(doing); only payments and a void change it now.")
        case .void: throw DomainError.conflict("\(invoice.number) is void, so it cannot be \(doing).")
        }
    }

    /// `what` names the sessions looked for: "up to Thu 14 Jan 2027".
    public static func checkHasLines(_ lines: [InvoiceLine], clientName: String, what: String) throws(DomainError) {
        guard lines.isEmpty else { return }
        throw DomainError.conflict("No sessions of \(clientName) \(what) are waiting to be invoiced.")
    }

    public static func checkDueDate(_ dueOn: LocalDate, issuedOn: LocalDate) throws(DomainError) {
        guard dueOn >= issuedOn else { throw DomainError.invalid("dueOn", "The due date cannot be before the day the invoice is issued.") }
    }

    public static func checkNote(_ note: String) throws(DomainError) -> String {
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard TextRules.length(note) <= 2000 else { throw DomainError.invalid("note", "A note on an invoice can be at most 2000 characters.") }
        return trimmed
    }

    public static func checkVoiding(_ invoice: Invoice, reason: String) throws(DomainError) -> String {
        switch invoice.status {
        case .draft: throw DomainError.conflict("\(invoice.number) is a draft: delete it instead.")
        case .void: throw DomainError.conflict("\(invoice.number) is already void.")
        case .issued: break
        }
        guard invoice.amountPaid == 0 else {
            throw DomainError.conflict("Payments are recorded on \(invoice.number), so it cannot be voided.")
        }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard TextRules.length(reason) <= 500 else { throw DomainError.invalid("reason", "A reason can be at most 500 characters.") }
        return trimmed
    }

    public static func checkSending(_ invoice: Invoice) throws(DomainError) {
        switch invoice.status {
        case .issued: return
        case .draft: throw DomainError.conflict("\(invoice.number) is a draft: issue it before sending it.")
        case .void: throw DomainError.conflict("\(invoice.number) is void, so it is not sent.")
        }
    }

    /// A payment is more than nothing and at most what is due, received on a day already begun.
    /// `money` writes an amount as the office reads it. Returns the reference, trimmed.
    public static func checkPayment(
        amount: Int, paidOn: LocalDate, reference: String, on invoice: Invoice, today: LocalDate, money: (Int) -> String
    ) throws(DomainError) -> String {
        switch invoice.status {
        case .issued: break
        case .draft: throw DomainError.conflict("\(invoice.number) is a draft: issue it before recording payments.")
        case .void: throw DomainError.conflict("\(invoice.number) is void, so it takes no payments.")
        }
        guard invoice.amountDue > 0 else { throw DomainError.conflict("\(invoice.number) is paid in full.") }
        var issues = IssueList()
        issues.check(amount > 0, "amount", "A payment is more than nothing.")
        issues.check(
            amount <= invoice.amountDue, "amount",
            "\(money(invoice.amountDue)) is due on \(invoice.number): a payment of \(money(amount)) would be more than that.")
        issues.check(paidOn <= today, "paidOn", "A payment cannot be dated after today, \(ZoneTimeline.describe(today)).")
        issues.check(TextRules.length(reference) <= 200, "reference", "A reference can be at most 200 characters.")
        try issues.throwIfAny()
        return reference.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
