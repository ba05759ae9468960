/// The office's email address, phone number and postal address: for families a rule sends to the
/// office (a cancellation too late to make themselves), and printed on invoices. Any may be missing.
public struct OfficeContact: Hashable, Sendable {
    /// Lower-cased, ASCII (see `ContactRules.email`).
    public var email: String?
    /// As the office writes it ("020 7946 0000"), checked by `ContactRules.phone`.
    public var phone: String?
    /// Lines as the office wrote them, for the head of an invoice.
    public var address: String?

    public init(email: String? = nil, phone: String? = nil, address: String? = nil) {
        self.email = email
        self.phone = phone
        self.address = address
    }

    /// Checks what the office typed (lower-casing the email); empty text means none.
    public static func checked(email: String?, phone: String?, address: String? = nil) throws(DomainError) -> OfficeContact {
        var issues = IssueList()
        var contact = OfficeContact()
        if let email, !email.isEmpty {
            do throws(DomainError) {
                // Taken as sent: an address with spaces around it is not one (forms trim first).
                guard !email.contains(where: \.isWhitespace) else {
                    throw DomainError.invalid("contactEmail", "\"\(email)\" is not an email address.")
                }
                contact.email = try ContactRules.email(email, field: "contactEmail")
            } catch { issues.add("contactEmail", error.message) }
        }
        if let phone, !phone.isEmpty {
            do throws(DomainError) {
                // Kept as the office wrote it; nil when it was only spaces.
                contact.phone = try ContactRules.phone(phone, field: "contactPhone").map { _ in phone }
            } catch { issues.add("contactPhone", error.message) }
        }
        if let address {
            let lines = address.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            issues.check(
                TextRules.length(address) <= 300 && lines.count <= 6, "contactAddress",
                "A postal address is at most 6 lines and 300 characters.")
            contact.address = lines.isEmpty ? nil : lines.joined(separator: "\n")
        }
        try issues.throwIfAny()
        return contact
    }
}
