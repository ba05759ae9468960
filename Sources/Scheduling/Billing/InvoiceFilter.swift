/// Which invoices a list holds, newest number first.
public struct InvoiceFilter: Sendable {
    public var clientID: String?
    public var statuses: [InvoiceStatus]?
    /// Only issued invoices with something still due.
    public var unpaid: Bool

    public init(clientID: String? = nil, statuses: [InvoiceStatus]? = nil, unpaid: Bool = false) {
        self.clientID = clientID
        self.statuses = statuses
        self.unpaid = unpaid
    }
}
