public import Foundation
public import Scheduling
import Storage

/// Reading the books: an invoice with its payments, the invoices of the organization or of one
/// family, and what each client owes. The office sees all; a family its own issued invoices and
/// balance; tutors none of it.
public struct InvoiceBook: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    /// An invoice as its page and the API show it.
    public struct Record: Sendable {
        public let invoice: Invoice
        public let client: User
        public let payments: [Payment]
        public let organization: Organization
    }

    public struct Listing: Sendable {
        public let organization: Organization
        /// Newest number first.
        public let invoices: [Invoice]
        public let clientNames: [String: String]
    }

    /// Each client's balance with their name, and the organization's totals.
    public struct BalanceSheet: Sendable {
        public let currency: String
        /// Most owed first.
        public let clients: [(balance: ClientBalance, name: String)]
        public var invoiced: Int { clients.reduce(0) { $0 + $1.balance.invoiced } }
        public var paid: Int { clients.reduce(0) { $0 + $1.balance.paid } }
        public var due: Int { clients.reduce(0) { $0 + $1.balance.due } }
    }

    public func record(_ invoiceID: String, for caller: Caller) async throws -> Record {
        try Self.requireBooks(caller)
        return try await dependencies.store.read { db in
            let invoice = try await Invoicing.invoice(invoiceID, caller: caller, in: db)
            let (organization, client) = try await Invoicing.clientOf(invoice.clientID, caller: caller, in: db)
            let payments = try await db.payments(invoiceID: invoice.id, organizationID: invoice.organizationID)
            return Record(invoice: invoice, client: client, payments: payments, organization: organization)
        }
    }

    /// A family sees only their own issued and void invoices, whatever the filter says.
    public func invoices(_ filter: InvoiceFilter, for caller: Caller) async throws -> Listing {
        try Self.requireBooks(caller)
        var narrowed = filter
        if caller.role == .parent {
            narrowed.clientID = caller.userID
            narrowed.statuses = (filter.statuses ?? InvoiceStatus.allCases).filter { $0 != .draft }
        }
        return try await dependencies.store.read { [narrowed] db in
            guard let organization = try await db.organization(id: caller.organizationID) else { throw DomainError.notFound("Organization") }
            let invoices = try await db.invoices(organizationID: caller.organizationID, filter: narrowed)
            let clients = try await db.users(organizationID: caller.organizationID, ids: Array(Set(invoices.map(\.clientID))))
            return Listing(
                organization: organization, invoices: invoices,
                clientNames: Dictionary(clients.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    /// What each client owes; a family only their own.
    public func balanceSheet(for caller: Caller) async throws -> BalanceSheet {
        try Self.requireBooks(caller)
        return try await dependencies.store.read { db in
            guard let organization = try await db.organization(id: caller.organizationID) else { throw DomainError.notFound("Organization") }
            let balances = try await db.clientBalances(
                organizationID: caller.organizationID, clientID: caller.role == .parent ? caller.userID : nil)
            let clients = try await db.users(organizationID: caller.organizationID, ids: balances.map(\.clientID))
            let names = Dictionary(clients.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            return BalanceSheet(
                currency: organization.currency,
                clients: balances.map { ($0, names[$0.clientID] ?? "") }.sorted { ($0.balance.due, $1.name) > ($1.balance.due, $0.name) })
        }
    }

    /// What a draft could bill besides what it does: the client's sessions no invoice holds, as
    /// lines (office only).
    public func uninvoicedLines(of clientID: String, for caller: Caller) async throws -> [InvoiceLine] {
        try caller.requireAdmin(to: "see what is not yet invoiced")
        return try await dependencies.store.read { db in
            let (organization, client) = try await Invoicing.clientOf(clientID, caller: caller, in: db)
            let billed = SessionStatus.allCases.filter { SessionMoney.isBilled($0, settings: organization.settings) }
            let sessionIDs = try await db.uninvoicedSessionIDs(
                clientID: client.id, organizationID: organization.id, statuses: billed, before: nil, sessionIDs: nil)
            return try await InvoiceLines.lines(billing: client.id, sessionIDs: sessionIDs, organization: organization, in: db)
        }
    }

    static func requireBooks(_ caller: Caller) throws(DomainError) {
        guard caller.role != .tutor else { throw DomainError.forbidden("Invoices are for the office and the families who pay them.") }
    }
}
