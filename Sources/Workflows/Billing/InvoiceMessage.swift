import Foundation
import Notifications
import Scheduling
import Storage

/// The email that carries an invoice to its client, in the organization's wording of `invoice`:
/// the same lines, total, paid and due as the invoice's page.
struct InvoiceMessage {
    let dependencies: Dependencies
    let now: Date

    func message(_ invoice: Invoice, to client: User, from organization: Organization, in db: DB) async throws -> OutboxMessage {
        let money = { MoneyWording.amount($0, currency: invoice.currency) }
        let lines = invoice.lines.map { line in
            let start = organization.describe(line.startsAt)
            return
                "\(start) · \(line.studentName) · \(line.subjectName) · \(line.minutes) min at \(money(line.ratePerHour))/h · \(money(line.amount))"
        }
        var values: [String: Any] = [
            "recipient": client.name, "organization": organization.name, "number": invoice.number.description,
            "issued": invoice.issuedOn.map(ZoneTimeline.describe) ?? "", "lines": lines.joined(separator: "\n"), "total": money(invoice.total),
            "paid": money(invoice.amountPaid), "due": money(invoice.amountDue), "dueOn": invoice.dueOn.map(ZoneTimeline.describe) ?? "",
            "link": dependencies.url(WebPath.invoice(invoice.id)),
        ]
        if !invoice.note.isEmpty { values["note"] = invoice.note }
        if let address = organization.contact.address { values["address"] = address }
        let wording = try await MessageTemplates.rendering(.invoice, organizationID: organization.id, in: db, logger: dependencies.logger)
        let words = wording.render(values, sms: false)
        return OutboxMessage(
            id: dependencies.ids.next(), organizationID: organization.id, recipientID: client.id, channel: .email, address: client.email,
            kind: MessageKind.invoice.rawValue, subject: words.subject, body: words.body, createdAt: now)
    }
}
