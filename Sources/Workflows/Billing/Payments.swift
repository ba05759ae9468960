public import Foundation
public import Scheduling
import Storage

/// The office records money received against an issued invoice: in full or in part, never more
/// than is due.
public struct Payments: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public struct Received: Sendable {
        public var amount: Int
        public var paidOn: LocalDate?
        public var method: PaymentMethod
        public var reference: String

        public init(amount: Int, paidOn: LocalDate? = nil, method: PaymentMethod, reference: String = "") {
            self.amount = amount
            self.paidOn = paidOn
            self.method = method
            self.reference = reference
        }
    }

    /// `paidOn` is today unless given. Returns the invoice with the payment counted.
    public func record(_ received: Received, on invoiceID: String, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> Invoice {
        try caller.requireAdmin(to: "record payments")
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { [dependencies] db in
            var invoice = try await Invoicing.invoice(invoiceID, caller: caller, in: db)
            let (organization, client) = try await Invoicing.clientOf(invoice.clientID, caller: caller, in: db)
            let today = organization.localDate(of: now)
            let money = { MoneyWording.amount($0, currency: invoice.currency) }
            let paidOn = received.paidOn ?? today
            let reference = try InvoiceRules.checkPayment(
                amount: received.amount, paidOn: paidOn, reference: received.reference, on: invoice, today: today, money: money)
            let payment = Payment(
                id: dependencies.ids.next(), invoiceID: invoice.id, amount: received.amount, paidOn: paidOn, method: received.method,
                reference: reference, recordedBy: caller.userID, recordedAt: now)
            // Checked above on what was read; the statement checks again against what is stored,
            // so a payment recorded meanwhile cannot be overtaken.
            guard try await db.recordPayment(payment, organizationID: organization.id) else {
                throw DomainError.conflict("Another payment on \(invoice.number) was recorded meanwhile; look at what is due now and try again.")
            }
            invoice.amountPaid += payment.amount
            try await OfficeAudit(dependencies: dependencies).record(
                .paymentRecorded, invoice: invoice,
                summary: "recorded \(money(payment.amount)) from \(client.name) on \(invoice.number) (\(payment.method.name.lowercased()))"
                    + (invoice.amountDue == 0 ? ", paid in full" : ", \(money(invoice.amountDue)) still due"),
                by: caller, at: now, in: db)
            return invoice
        }
    }
}
