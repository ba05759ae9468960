public import Foundation

/// A bill to one client for sessions their students had: numbered when it is created, editable
/// while a draft, and once issued changed only by payments and a void (which keeps its number).
public struct Invoice: Hashable, Sendable, Codable {
    public let id: String
    public let organizationID: String
    public let clientID: String
    public let number: InvoiceNumber
    public var status: InvoiceStatus
    public let currency: String
    /// In session order; what each session cost when the invoice was last drafted or issued.
    public var lines: [InvoiceLine]
    public var note: String
    /// Set when it is issued.
    public var issuedOn: LocalDate?
    public var dueOn: LocalDate?
    /// In the currency's minor unit: the sum of the payments recorded on it.
    public var amountPaid: Int
    public let createdAt: Date
    public var issuedAt: Date?
    /// When it was last emailed to the client.
    public var sentAt: Date?
    public var voidedAt: Date?
    public var voidReason: String

    public init(
        id: String, organizationID: String, clientID: String, number: InvoiceNumber, status: InvoiceStatus, currency: String,
        lines: [InvoiceLine], note: String = "", issuedOn: LocalDate? = nil, dueOn: LocalDate? = nil, amountPaid: Int = 0,
        createdAt: Date, issuedAt: Date? = nil, sentAt: Date? = nil, voidedAt: Date? = nil, voidReason: String = ""
    ) {
        self.id = id
        self.organizationID = organizationID
        self.clientID = clientID
        self.number = number
        self.status = status
        self.currency = currency
        self.lines = lines
        self.note = note
        self.issuedOn = issuedOn
        self.dueOn = dueOn
        self.amountPaid = amountPaid
        self.createdAt = createdAt
        self.issuedAt = issuedAt
        self.sentAt = sentAt
        self.voidedAt = voidedAt
        self.voidReason = voidReason
    }

    /// The sum of the lines.
    public var total: Int { lines.reduce(0) { $0 + $1.amount } }

    /// What is still to be paid: nothing on a void invoice.
    public var amountDue: Int { status == .void ? 0 : total - amountPaid }

    /// Issued and paid in full.
    public var isPaid: Bool { status == .issued && amountDue == 0 }

    /// The sessions it bills, each once.
    public var sessionIDs: [String] {
        var seen = Set<String>()
        return lines.map(\.sessionID).filter { seen.insert($0).inserted }
    }
}

public enum InvoiceStatus: String, CaseIterable, Hashable, Sendable, Codable {
    /// Being put together by the office; the family does not see it.
    case draft
    /// Sent or ready to send; the family sees it and owes what is due.
    case issued
    /// Withdrawn; its number stays taken and its sessions can be billed again.
    case void
}
