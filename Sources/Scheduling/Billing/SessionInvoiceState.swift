/// Where one client's place in a session was billed: on which issued invoice, and whether that
/// invoice is paid, for the session list's "invoiced?" and "paid?".
public struct SessionInvoiceState: Hashable, Sendable {
    public let invoiceID: String
    public let clientID: String
    public let number: InvoiceNumber
    /// Everything on the invoice is paid.
    public let paid: Bool

    public init(invoiceID: String, clientID: String, number: InvoiceNumber, paid: Bool) {
        self.invoiceID = invoiceID
        self.clientID = clientID
        self.number = number
        self.paid = paid
    }
}

/// A session's billing as one reader may see it: the office every client's invoices, a family
/// their own.
public struct SessionBilling: Hashable, Sendable {
    /// Each issued invoice once.
    public let invoices: [SessionInvoiceState]

    public init(_ states: [SessionInvoiceState], visibleTo caller: Caller) {
        var seen = Set<String>()
        invoices = states.filter { caller.isAdmin || $0.clientID == caller.userID }.filter { seen.insert($0.invoiceID).inserted }
            .sorted { $0.number.sequence < $1.number.sequence }
    }

    public var invoiced: Bool { !invoices.isEmpty }
    public var paid: Bool { invoiced && invoices.allSatisfy(\.paid) }
}
