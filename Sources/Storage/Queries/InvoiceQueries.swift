public import Foundation
import SQLKit
public import Scheduling

extension DB {
    /// The organization's next invoice number. The row stays locked until the transaction ends
    /// (on PostgreSQL; SQLite's writer serialises anyway), so concurrent creations take
    /// consecutive numbers, and a creation that rolls back gives its number back.
    public func takeInvoiceNumber(organizationID: String) async throws -> Int {
        guard
            let row = try await sql.raw(
                """
                INSERT INTO invoice_numbers (organization_id, last_number) VALUES (\(bind: organizationID), 1)
                ON CONFLICT (organization_id) DO UPDATE SET last_number = invoice_numbers.last_number + 1
                RETURNING last_number
                """
            ).first()
        else { throw CorruptRow("invoice number of \(organizationID)") }
        return try row.decode(column: "last_number", as: Int.self)
    }

    public func insertInvoice(_ invoice: Invoice) async throws {
        try await sql.raw(
            """
            INSERT INTO invoices (
                id, organization_id, client_id, number_prefix, number, status, currency, total, note, due_on, created_at)
            VALUES (
                \(bind: invoice.id), \(bind: invoice.organizationID), \(bind: invoice.clientID), \(bind: invoice.number.prefix),
                \(bind: invoice.number.sequence), \(bind: invoice.status.rawValue), \(bind: invoice.currency), \(bind: invoice.total),
                \(bind: invoice.note), \(bind: invoice.dueOn?.iso), \(bind: invoice.createdAt.epochSeconds))
            """
        ).run()
        try await insertInvoiceLines(invoice)
    }

    /// Replaces a draft's lines and total, note and due date.
    public func updateInvoiceDraft(_ invoice: Invoice) async throws {
        try await sql.raw("DELETE FROM invoice_lines WHERE invoice_id = \(bind: invoice.id)").run()
        try await insertInvoiceLines(invoice)
        try await sql.raw(
            """
            UPDATE invoices SET total = \(bind: invoice.total), note = \(bind: invoice.note), due_on = \(bind: invoice.dueOn?.iso)
            WHERE id = \(bind: invoice.id) AND organization_id = \(bind: invoice.organizationID) AND status = 'draft'
            """
        ).run()
    }

    private func insertInvoiceLines(_ invoice: Invoice) async throws {
        guard !invoice.lines.isEmpty else { return }
        var query: SQLQueryString = """
            INSERT INTO invoice_lines (
                invoice_id, session_id, student_id, starts_at, minutes, student_name, subject_name, tutor_name, rate_per_hour, amount)
            VALUES
            """
        for (index, line) in invoice.lines.enumerated() {
            query += """
                \(unsafeRaw: index == 0 ? "" : ",") (\(bind: invoice.id), \(bind: line.sessionID), \(bind: line.studentID),
                \(bind: line.startsAt.epochSeconds), \(bind: line.minutes), \(bind: line.studentName), \(bind: line.subjectName),
                \(bind: line.tutorName), \(bind: line.ratePerHour), \(bind: line.amount))
                """
        }
        try await sql.raw(query).run()
    }

    /// Issues a draft: its lines as they are now, the day it is issued and the day it is due.
    public func issueInvoice(_ invoice: Invoice) async throws {
        try await updateInvoiceDraft(invoice)
        try await sql.raw(
            """
            UPDATE invoices SET status = 'issued', issued_on = \(bind: invoice.issuedOn?.iso), issued_at = \(bind: invoice.issuedAt?.epochSeconds)
            WHERE id = \(bind: invoice.id) AND organization_id = \(bind: invoice.organizationID) AND status = 'draft'
            """
        ).run()
    }

    public func voidInvoice(_ invoice: Invoice) async throws {
        try await sql.raw(
            """
            UPDATE invoices SET status = 'void', voided_at = \(bind: invoice.voidedAt?.epochSeconds), void_reason = \(bind: invoice.voidReason)
            WHERE id = \(bind: invoice.id) AND organization_id = \(bind: invoice.organizationID) AND status = 'issued' AND amount_paid = 0
            """
        ).run()
        try await releaseInvoicedPlaces(invoiceID: invoice.id)
    }

    public func markInvoiceSent(id: String, organizationID: String, at now: Date) async throws {
        try await sql.raw(
            "UPDATE invoices SET sent_at = \(bind: now.epochSeconds) WHERE id = \(bind: id) AND organization_id = \(bind: organizationID)"
        ).run()
    }

    /// Deletes a draft and gives its sessions back; its number is not used again.
    public func deleteInvoiceDraft(id: String, organizationID: String) async throws {
        try await releaseInvoicedPlaces(invoiceID: id)
        try await sql.raw("DELETE FROM invoice_lines WHERE invoice_id = \(bind: id)").run()
        try await sql.raw("DELETE FROM invoices WHERE id = \(bind: id) AND organization_id = \(bind: organizationID) AND status = 'draft'").run()
    }

    /// The sessions with a place `clientID` pays for that no invoice holds yet, in a state that
    /// may be billed, starting before `before` or among `sessionIDs`, in time order.
    public func uninvoicedSessionIDs(
        clientID: String, organizationID: String, statuses: [SessionStatus], before: Date?, sessionIDs: [String]?
    ) async throws -> [String] {
        guard !statuses.isEmpty else { return [] }
        var query: SQLQueryString = """
            SELECT DISTINCT s.id, s.starts_at FROM sessions s JOIN session_students ss ON ss.session_id = s.id
            WHERE s.organization_id = \(bind: organizationID) AND ss.client_id = \(bind: clientID) AND ss.invoice_id IS NULL
              AND s.status IN (\(binds: statuses.map(\.rawValue)))
            """
        if let before { query += " AND s.starts_at < \(bind: before.epochSeconds)" }
        if let sessionIDs {
            guard !sessionIDs.isEmpty else { return [] }
            query += " AND s.id IN (\(binds: sessionIDs))"
        }
        query += " ORDER BY s.starts_at, s.id"
        return try await sql.raw(query).all().map { try $0.decode(column: "id", as: String.self) }
    }

    /// Puts `clientID`'s places in `sessionIDs` on the invoice, taking only places no invoice
    /// holds (on PostgreSQL a concurrent claim waits, then finds them taken); returns the sessions
    /// of the places it took.
    public func claimPlaces(invoiceID: String, clientID: String, sessionIDs: [String]) async throws -> Set<String> {
        guard !sessionIDs.isEmpty else { return [] }
        return Set(
            try await sql.raw(
                """
                UPDATE session_students SET invoice_id = \(bind: invoiceID)
                WHERE client_id = \(bind: clientID) AND invoice_id IS NULL AND session_id IN (\(binds: sessionIDs))
                RETURNING session_id
                """
            ).all().map { try $0.decode(column: "session_id", as: String.self) })
    }

    public func releaseInvoicedPlaces(invoiceID: String, keeping sessionIDs: [String] = []) async throws {
        var query: SQLQueryString = "UPDATE session_students SET invoice_id = NULL WHERE invoice_id = \(bind: invoiceID)"
        if !sessionIDs.isEmpty { query += " AND session_id NOT IN (\(binds: sessionIDs))" }
        try await sql.raw(query).run()
    }

    /// Adds `payment` to what was paid unless that would be more than the total; false when it
    /// would (or the invoice is no longer issued). One statement, so two payments at once cannot
    /// both fit into what only one of them could.
    public func recordPayment(_ payment: Payment, organizationID: String) async throws -> Bool {
        let added = try await sql.raw(
            """
            UPDATE invoices SET amount_paid = amount_paid + \(bind: payment.amount)
            WHERE id = \(bind: payment.invoiceID) AND organization_id = \(bind: organizationID) AND status = 'issued'
              AND amount_paid + \(bind: payment.amount) <= total
            RETURNING id
            """
        ).first()
        guard added != nil else { return false }
        try await sql.raw(
            """
            INSERT INTO payments (id, organization_id, invoice_id, amount, paid_on, method, reference, recorded_by, recorded_at)
            VALUES (
                \(bind: payment.id), \(bind: organizationID), \(bind: payment.invoiceID), \(bind: payment.amount), \(bind: payment.paidOn.iso),
                \(bind: payment.method.rawValue), \(bind: payment.reference), \(bind: payment.recordedBy), \(bind: payment.recordedAt.epochSeconds))
            """
        ).run()
        return true
    }

    public func payments(invoiceID: String, organizationID: String) async throws -> [Payment] {
        try await sql.raw(
            """
            SELECT id, invoice_id, amount, paid_on, method, reference, recorded_by, recorded_at FROM payments
            WHERE invoice_id = \(bind: invoiceID) AND organization_id = \(bind: organizationID) ORDER BY paid_on, recorded_at, id
            """
        ).all(decoding: PaymentRow.self, keyDecodingStrategy: .snakeCaseColumns).map { try $0.model() }
    }

    public func invoice(id: String, organizationID: String) async throws -> Invoice? {
        try await invoices(organizationID: organizationID, id: id, filter: .init()).first
    }

    public func invoices(organizationID: String, id: String? = nil, filter: InvoiceFilter) async throws -> [Invoice] {
        var query: SQLQueryString = "SELECT * FROM invoices WHERE organization_id = \(bind: organizationID)"
        if let id { query += " AND id = \(bind: id)" }
        if let clientID = filter.clientID { query += " AND client_id = \(bind: clientID)" }
        if let statuses = filter.statuses {
            guard !statuses.isEmpty else { return [] }
            query += " AND status IN (\(binds: statuses.map(\.rawValue)))"
        }
        if filter.unpaid { query += " AND status = 'issued' AND amount_paid < total" }
        query += " ORDER BY number DESC LIMIT 1000"
        let rows = try await sql.raw(query).all(decoding: InvoiceRow.self, keyDecodingStrategy: .snakeCaseColumns)
        guard !rows.isEmpty else { return [] }
        let lines = Dictionary(
            grouping: try await sql.raw(
                "SELECT * FROM invoice_lines WHERE invoice_id IN (\(binds: rows.map(\.id))) ORDER BY starts_at, session_id, student_name, student_id"
            ).all(decoding: InvoiceLineRow.self, keyDecodingStrategy: .snakeCaseColumns), by: \.invoiceId)
        return try rows.map { try $0.model(lines: lines[$0.id, default: []].map(\.model)) }
    }

    /// Per client with issued invoices: what they were billed, have paid and how many invoices
    /// still have something due; `clientID` narrows it to one. (PostgreSQL sums BIGINT as
    /// NUMERIC, hence the casts.)
    public func clientBalances(organizationID: String, clientID: String? = nil) async throws -> [ClientBalance] {
        var query: SQLQueryString = """
            SELECT client_id, CAST(SUM(total) AS BIGINT) AS invoiced, CAST(SUM(amount_paid) AS BIGINT) AS paid,
                SUM(CASE WHEN amount_paid < total THEN 1 ELSE 0 END) AS open_invoices
            FROM invoices WHERE organization_id = \(bind: organizationID) AND status = 'issued'
            """
        if let clientID { query += " AND client_id = \(bind: clientID)" }
        query += " GROUP BY client_id"
        return try await sql.raw(query).all().map {
            ClientBalance(
                clientID: try $0.decode(column: "client_id", as: String.self), invoiced: try $0.decode(column: "invoiced", as: Int.self),
                paid: try $0.decode(column: "paid", as: Int.self), openInvoices: try $0.decode(column: "open_invoices", as: Int.self))
        }
    }

    /// For each of `sessionIDs` on an issued invoice: its invoice's number and whether it is paid.
    public func invoiceStates(sessionIDs: [String], organizationID: String) async throws -> [String: [SessionInvoiceState]] {
        guard !sessionIDs.isEmpty else { return [:] }
        let rows = try await sql.raw(
            """
            SELECT ss.session_id, ss.client_id, i.id, i.number_prefix, i.number, i.total, i.amount_paid
            FROM session_students ss JOIN invoices i ON i.id = ss.invoice_id
            WHERE ss.session_id IN (\(binds: sessionIDs)) AND i.organization_id = \(bind: organizationID) AND i.status = 'issued'
            """
        ).all()
        var states: [String: [SessionInvoiceState]] = [:]
        for row in rows {
            let state = SessionInvoiceState(
                invoiceID: try row.decode(column: "id", as: String.self), clientID: try row.decode(column: "client_id", as: String.self),
                number: InvoiceNumber(
                    prefix: try row.decode(column: "number_prefix", as: String.self), sequence: try row.decode(column: "number", as: Int.self)),
                paid: try row.decode(column: "amount_paid", as: Int.self) >= (try row.decode(column: "total", as: Int.self)))
            states[try row.decode(column: "session_id", as: String.self), default: []].append(state)
        }
        return states
    }
}

private struct InvoiceRow: Decodable {
    let id: String
    let organizationId: String
    let clientId: String
    let numberPrefix: String
    let number: Int
    let status: String
    let currency: String
    let amountPaid: Int
    let note: String
    let issuedOn: String?
    let dueOn: String?
    let createdAt: Int64
    let issuedAt: Int64?
    let sentAt: Int64?
    let voidedAt: Int64?
    let voidReason: String

    func model(lines: [InvoiceLine]) throws -> Invoice {
        func date(_ text: String?) throws -> LocalDate? {
            guard let text else { return nil }
            guard let date = LocalDate(iso: text) else { throw CorruptRow("invoice \(id) date \(text)") }
            return date
        }
        return Invoice(
            id: id, organizationID: organizationId, clientID: clientId, number: InvoiceNumber(prefix: numberPrefix, sequence: number),
            status: try decodeEnum(status), currency: currency, lines: lines, note: note, issuedOn: try date(issuedOn), dueOn: try date(dueOn),
            amountPaid: amountPaid, createdAt: Date(epochSeconds: createdAt), issuedAt: issuedAt.map(Date.init(epochSeconds:)),
            sentAt: sentAt.map(Date.init(epochSeconds:)), voidedAt: voidedAt.map(Date.init(epochSeconds:)), voidReason: voidReason)
    }
}

private struct InvoiceLineRow: Decodable {
    let invoiceId: String
    let sessionId: String
    let studentId: String
    let startsAt: Int64
    let minutes: Int
    let studentName: String
    let subjectName: String
    let tutorName: String
    let ratePerHour: Int
    let amount: Int

    var model: InvoiceLine {
        InvoiceLine(
            sessionID: sessionId, studentID: studentId, startsAt: Date(epochSeconds: startsAt), minutes: minutes, studentName: studentName,
            subjectName: subjectName, tutorName: tutorName, ratePerHour: ratePerHour, amount: amount)
    }
}

private struct PaymentRow: Decodable {
    let id: String
    let invoiceId: String
    let amount: Int
    let paidOn: String
    let method: String
    let reference: String
    let recordedBy: String
    let recordedAt: Int64

    func model() throws -> Payment {
        guard let date = LocalDate(iso: paidOn) else { throw CorruptRow("payment \(id) date \(paidOn)") }
        return Payment(
            id: id, invoiceID: invoiceId, amount: amount, paidOn: date, method: try decodeEnum(method), reference: reference,
            recordedBy: recordedBy, recordedAt: Date(epochSeconds: recordedAt))
    }
}

extension DB {
    /// The invoices with a line for the session, in any state, oldest first.
    public func invoicesListing(session sessionID: String, organizationID: String) async throws -> [(InvoiceNumber, InvoiceStatus)] {
        try await sql.raw(
            """
            SELECT DISTINCT i.number_prefix, i.number, i.status FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
            WHERE l.session_id = \(bind: sessionID) AND i.organization_id = \(bind: organizationID) ORDER BY i.number
            """
        ).all().map {
            (
                InvoiceNumber(
                    prefix: try $0.decode(column: "number_prefix", as: String.self), sequence: try $0.decode(column: "number", as: Int.self)),
                try decodeEnum(try $0.decode(column: "status", as: String.self))
            )
        }
    }
}
