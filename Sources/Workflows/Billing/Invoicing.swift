public import Foundation
public import Scheduling
import Storage

/// The office bills a client for their sessions: a draft made from the sessions not yet invoiced
/// (up to a day, or chosen ones), changed or deleted while a draft, then issued, and voided when
/// it was wrong. Numbers are consecutive per organization and never used twice; no student's
/// place in a session is on two live invoices.
public struct Invoicing: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    /// Which sessions a new invoice bills.
    public enum Selection: Sendable {
        /// Every session not yet invoiced that starts on or before this day (nil: today).
        case upTo(LocalDate?)
        /// These sessions (those of them not yet invoiced).
        case sessions([String])
    }

    public struct Changes: Sendable {
        public var note: String?
        public var dueOn: LocalDate?
        /// The sessions the draft bills from now on.
        public var sessionIDs: [String]?

        public init(note: String? = nil, dueOn: LocalDate? = nil, sessionIDs: [String]? = nil) {
            self.note = note
            self.dueOn = dueOn
            self.sessionIDs = sessionIDs
        }
    }

    public func create(for clientID: String, _ selection: Selection, note: String = "", by caller: Caller, once key: IdempotencyKey? = nil)
        async throws -> Invoice
    {
        try caller.requireAdmin(to: "create invoices")
        let note = try InvoiceRules.checkNote(note)
        try Self.check(selection)
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { [dependencies] db in
            let (organization, client) = try await Self.clientOf(clientID, caller: caller, in: db)
            let today = organization.localDate(of: now)
            let candidates = try await Self.uninvoiced(selection, today: today, clientID: client.id, organization: organization, in: db)
            let number = try await db.takeInvoiceNumber(organizationID: organization.id)
            var invoice = Invoice(
                id: dependencies.ids.next(), organizationID: organization.id, clientID: client.id,
                number: InvoiceNumber(prefix: organization.settings.invoicePrefix, sequence: number), status: .draft,
                currency: organization.currency, lines: [], note: note, createdAt: now)
            try await db.insertInvoice(invoice)
            let claimed = try await db.claimPlaces(invoiceID: invoice.id, clientID: client.id, sessionIDs: candidates)
            invoice.lines = try await InvoiceLines.lines(
                billing: client.id, sessionIDs: candidates.filter(claimed.contains), organization: organization, in: db)
            try InvoiceRules.checkHasLines(invoice.lines, clientName: client.name, what: Self.describe(selection, today: today))
            try await db.updateInvoiceDraft(invoice)
            try await OfficeAudit(dependencies: dependencies).record(
                .invoiceCreated, invoice: invoice, summary: "drafted \(invoice.number) for \(client.name): \(Self.sessions(invoice))", by: caller,
                at: now, in: db)
            return invoice
        }
    }

    /// Changes a draft's note, due date or sessions; its lines are worked out again from the
    /// sessions as they are now.
    public func update(_ invoiceID: String, _ changes: Changes, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> Invoice {
        try caller.requireAdmin(to: "change invoices")
        let note = try changes.note.map(InvoiceRules.checkNote)
        if let sessionIDs = changes.sessionIDs { try Self.check(.sessions(sessionIDs)) }
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { [dependencies] db in
            var invoice = try await Self.invoice(invoiceID, caller: caller, in: db)
            try InvoiceRules.checkDraft(invoice, to: "changed")
            let (organization, client) = try await Self.clientOf(invoice.clientID, caller: caller, in: db)
            if let note { invoice.note = note }
            if let dueOn = changes.dueOn {
                try InvoiceRules.checkDueDate(dueOn, issuedOn: organization.localDate(of: now))
                invoice.dueOn = dueOn
            }
            let sessionIDs = changes.sessionIDs ?? invoice.sessionIDs
            try await db.releaseInvoicedPlaces(invoiceID: invoice.id, keeping: sessionIDs)
            let kept = Set(invoice.sessionIDs).intersection(sessionIDs)
            let claimed = try await db.claimPlaces(invoiceID: invoice.id, clientID: client.id, sessionIDs: sessionIDs.filter { !kept.contains($0) })
            invoice.lines = try await InvoiceLines.lines(
                billing: client.id, sessionIDs: sessionIDs.filter { kept.contains($0) || claimed.contains($0) }, organization: organization, in: db)
            // A session cancelled since it was drafted is no longer billed: give it back.
            try await db.releaseInvoicedPlaces(invoiceID: invoice.id, keeping: invoice.sessionIDs)
            try InvoiceRules.checkHasLines(invoice.lines, clientName: client.name, what: "among those chosen")
            try await db.updateInvoiceDraft(invoice)
            try await OfficeAudit(dependencies: dependencies).record(
                .invoiceChanged, invoice: invoice, summary: "changed the draft \(invoice.number) for \(client.name): \(Self.sessions(invoice))",
                by: caller, at: now, in: db)
            return invoice
        }
    }

    /// Deletes a draft; its sessions can be billed again and its number is not used again.
    public func delete(_ invoiceID: String, by caller: Caller) async throws {
        try caller.requireAdmin(to: "delete invoices")
        let now = dependencies.currentInstant()
        try await dependencies.store.write { [dependencies] db in
            let invoice = try await Self.invoice(invoiceID, caller: caller, in: db)
            try InvoiceRules.checkDraft(invoice, to: "deleted")
            let (_, client) = try await Self.clientOf(invoice.clientID, caller: caller, in: db)
            try await db.deleteInvoiceDraft(id: invoice.id, organizationID: invoice.organizationID)
            try await OfficeAudit(dependencies: dependencies).record(
                .invoiceDeleted, invoice: invoice,
                summary: "deleted the draft \(invoice.number) for \(client.name) (the number is not used again)", by: caller, at: now, in: db)
        }
    }

    /// Issues a draft: its lines are worked out once more and then fixed; it is due on `dueOn`,
    /// or on the draft's due date, or after the usual payment term.
    public func issue(_ invoiceID: String, dueOn: LocalDate? = nil, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> Invoice {
        try caller.requireAdmin(to: "issue invoices")
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { [dependencies] db in
            var invoice = try await Self.invoice(invoiceID, caller: caller, in: db)
            try InvoiceRules.checkDraft(invoice, to: "issued again")
            let (organization, client) = try await Self.clientOf(invoice.clientID, caller: caller, in: db)
            let today = organization.localDate(of: now)
            let due = dueOn ?? invoice.dueOn ?? today.adding(days: InvoiceRules.paymentTermDays)
            try InvoiceRules.checkDueDate(due, issuedOn: today)
            invoice.lines = try await InvoiceLines.lines(billing: client.id, sessionIDs: invoice.sessionIDs, organization: organization, in: db)
            // A session cancelled since it was drafted is no longer billed: give it back.
            try await db.releaseInvoicedPlaces(invoiceID: invoice.id, keeping: invoice.sessionIDs)
            try InvoiceRules.checkHasLines(invoice.lines, clientName: client.name, what: "on \(invoice.number)")
            invoice.status = .issued
            invoice.issuedOn = today
            invoice.issuedAt = now
            invoice.dueOn = due
            try await db.issueInvoice(invoice)
            try await OfficeAudit(dependencies: dependencies).record(
                .invoiceIssued, invoice: invoice,
                summary:
                    "issued \(invoice.number) to \(client.name) for \(MoneyWording.amount(invoice.total, currency: invoice.currency)), due \(ZoneTimeline.describe(due))",
                by: caller, at: now, in: db)
            return invoice
        }
    }

    /// Voids an issued invoice nothing was paid on: it keeps its number, and its sessions can be
    /// billed again.
    public func void(_ invoiceID: String, reason: String, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> Invoice {
        try caller.requireAdmin(to: "void invoices")
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { [dependencies] db in
            var invoice = try await Self.invoice(invoiceID, caller: caller, in: db)
            invoice.voidReason = try InvoiceRules.checkVoiding(invoice, reason: reason)
            let (_, client) = try await Self.clientOf(invoice.clientID, caller: caller, in: db)
            invoice.status = .void
            invoice.voidedAt = now
            try await db.voidInvoice(invoice)
            try await OfficeAudit(dependencies: dependencies).record(
                .invoiceVoided, invoice: invoice,
                summary: "voided \(invoice.number) for \(client.name)" + (invoice.voidReason.isEmpty ? "" : ": \(invoice.voidReason)"), by: caller,
                at: now, in: db)
            return invoice
        }
    }

    /// The invoice under `caller`'s eyes: the office any, a family their own once issued.
    static func invoice(_ invoiceID: String, caller: Caller, in db: DB) async throws -> Invoice {
        guard let invoice = try await db.invoice(id: invoiceID, organizationID: caller.organizationID), InvoiceAccess.sees(invoice, caller)
        else { throw DomainError.notFound("Invoice") }
        return invoice
    }

    /// The organization and the client an invoice is for: a family of the organization.
    static func clientOf(_ clientID: String, caller: Caller, in db: DB) async throws -> (Organization, User) {
        guard let organization = try await db.organization(id: caller.organizationID) else { throw DomainError.notFound("Organization") }
        guard let client = try await db.user(id: clientID, organizationID: caller.organizationID), client.role == .parent else {
            throw DomainError.notFound("Client")
        }
        return (organization, client)
    }

    private static func check(_ selection: Selection) throws(DomainError) {
        guard case .sessions(let ids) = selection else { return }
        guard (1...500).contains(ids.count) else { throw DomainError.invalid("sessionIds", "Choose between 1 and 500 sessions.") }
    }

    private static func uninvoiced(_ selection: Selection, today: LocalDate, clientID: String, organization: Organization, in db: DB)
        async throws -> [String]
    {
        let billed = SessionStatus.allCases.filter { SessionMoney.isBilled($0, settings: organization.settings) }
        switch selection {
        case .upTo(let day):
            return try await db.uninvoicedSessionIDs(
                clientID: clientID, organizationID: organization.id, statuses: billed,
                before: organization.timeZone.startOfDay((day ?? today).adding(days: 1)), sessionIDs: nil)
        case .sessions(let ids):
            return try await db.uninvoicedSessionIDs(
                clientID: clientID, organizationID: organization.id, statuses: billed, before: nil, sessionIDs: ids)
        }
    }

    private static func describe(_ selection: Selection, today: LocalDate) -> String {
        switch selection {
        case .upTo(let day): "up to \(ZoneTimeline.describe(day ?? today))"
        case .sessions: "among those chosen"
        }
    }

    /// "3 sessions, £135.00"
    private static func sessions(_ invoice: Invoice) -> String {
        let count = invoice.lines.count
        return "\(count) \(count == 1 ? "line" : "lines"), \(MoneyWording.amount(invoice.total, currency: invoice.currency))"
    }
}
