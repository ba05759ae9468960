public import Foundation
public import Scheduling
import Storage

/// The office emails an issued invoice to the client: the same lines, total, paid and due as its
/// page, and a link to that page.
public struct InvoiceSending: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public func send(_ invoiceID: String, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> Invoice {
        try caller.requireAdmin(to: "send invoices")
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { [dependencies] db in
            var invoice = try await Invoicing.invoice(invoiceID, caller: caller, in: db)
            try InvoiceRules.checkSending(invoice)
            let (organization, client) = try await Invoicing.clientOf(invoice.clientID, caller: caller, in: db)
            try await db.enqueue([
                try await InvoiceMessage(dependencies: dependencies, now: now).message(invoice, to: client, from: organization, in: db)
            ])
            try await db.markInvoiceSent(id: invoice.id, organizationID: invoice.organizationID, at: now)
            invoice.sentAt = now
            try await OfficeAudit(dependencies: dependencies).record(
                .invoiceSent, invoice: invoice, summary: "emailed \(invoice.number) to \(client.name)", by: caller, at: now, in: db)
            return invoice
        }
    }
}
