public import Foundation

/// What the office may correct on a session: a cancelled one keeps its time, a completed one stays
/// in the past; a billed one keeps
/// its time until its invoice is voided; one that a family's request made or moves is cancelled,
/// not deleted, so that its story stays whole.
public enum SessionEditRules {
    public static func checkMoving(_ session: Session, to time: TimeRange, billedOn invoices: [InvoiceNumber], now: Date) throws(DomainError) {
        guard session.status.occupiesTutor else {
            throw DomainError.conflict("This session was cancelled, so it keeps its time.")
        }
        if session.status == .completed && time.start > now {
            throw DomainError.invalid("date", "This session is marked completed, so it cannot move to a time still ahead.")
        }
        if let number = invoices.first {
            throw DomainError.conflict("This session is billed on \(number): void the invoice before changing its time or length.")
        }
    }

    /// `invoices` are those with a line for the session, in any state: a bill once made is kept.
    public static func checkDeleting(_ session: Session, invoices: [(InvoiceNumber, InvoiceStatus)], madeFromRequest: Bool) throws(DomainError) {
        if let (number, status) = invoices.first {
            throw DomainError.conflict(
                status == .draft
                    ? "This session is on the draft \(number): take it off the draft before deleting the session."
                    : "This session was billed on \(number), so it stays for the record: mark it cancelled or a late cancellation instead.")
        }
        if madeFromRequest {
            throw DomainError.conflict("A family's request made or moves this session: cancel it instead, so that its story stays whole.")
        }
    }
}
