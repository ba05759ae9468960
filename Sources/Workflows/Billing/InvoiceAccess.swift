import Scheduling

/// Who sees an invoice: the office every one; a family their own once issued (drafts are the
/// office's work in progress); tutors none.
enum InvoiceAccess {
    static func sees(_ invoice: Invoice, _ caller: Caller) -> Bool {
        switch caller.role {
        case .admin: true
        case .parent: invoice.clientID == caller.userID && invoice.status != .draft
        case .tutor: false
        }
    }
}
