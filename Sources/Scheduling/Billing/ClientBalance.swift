/// What one client was billed on issued invoices, has paid and still owes, in the currency's
/// minor unit.
public struct ClientBalance: Hashable, Sendable, Codable {
    public let clientID: String
    public let invoiced: Int
    public let paid: Int
    public var due: Int { invoiced - paid }
    /// How many issued invoices still have something due.
    public let openInvoices: Int

    public init(clientID: String, invoiced: Int, paid: Int, openInvoices: Int) {
        self.clientID = clientID
        self.invoiced = invoiced
        self.paid = paid
        self.openInvoices = openInvoices
    }
}
