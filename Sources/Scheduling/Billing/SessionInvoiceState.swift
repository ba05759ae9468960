/// Where one client's place in a session was billed: on which invoice, and whether that invoice
/// is paid, for the session list's "invoiced?" and "paid?".
public struct SessionInvoiceState: Hashable, Sendable {
    public let invoiceID: String
    public let clientID: String
    public let number: InvoiceNumber
    public let status: InvoiceStatus
    /// Everything on the invoice is paid.
    public let paid: Bool

    public init(invoiceID: String, clientID: String, number: InvoiceNumber, status: InvoiceStatus, paid: Bool) {
        self.invoiceID = invoiceID
        self.clientID = clientID
        self.number = number
        self.status = status
        self.paid = paid
    }
}
