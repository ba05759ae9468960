import Scheduling
import Workflows

extension Components.Schemas.Invoice {
    init(_ record: InvoiceBook.Record) {
        self.init(record.invoice, clientName: record.client.name, payments: record.payments)
    }

    /// `payments` may be left out of a list.
    init(_ invoice: Invoice, clientName: String, payments: [Payment]) {
        self.init(
            id: invoice.id, number: invoice.number.description, status: .init(rawValue: invoice.status.rawValue)!, clientId: invoice.clientID,
            clientName: clientName, currency: invoice.currency,
            lines: invoice.lines.map {
                .init(
                    sessionId: $0.sessionID, studentId: $0.studentID, start: $0.startsAt, durationMinutes: $0.minutes, studentName: $0.studentName,
                    subjectName: $0.subjectName, tutorName: $0.tutorName, ratePerHour: $0.ratePerHour, amount: $0.amount)
            },
            total: invoice.total, amountPaid: invoice.amountPaid, amountDue: invoice.amountDue, paid: invoice.isPaid, note: invoice.note,
            issuedOn: invoice.issuedOn?.iso, dueOn: invoice.dueOn?.iso, createdAt: invoice.createdAt, sentAt: invoice.sentAt,
            voidedAt: invoice.voidedAt, voidReason: invoice.status == .void ? invoice.voidReason : nil,
            payments: payments.map {
                .init(
                    id: $0.id, amount: $0.amount, paidOn: $0.paidOn.iso, method: .init(rawValue: $0.method.rawValue)!, reference: $0.reference,
                    recordedAt: $0.recordedAt)
            })
    }
}
