/// The office's email address and phone number, for families a rule sends to the office (a
/// cancellation too late to make themselves). Either may be missing.
public struct OfficeContact: Hashable, Sendable {
    /// Lower-cased, ASCII (see `ContactRules.email`).
    public var email: String?
    /// As the office writes it ("020 7946 0000"), checked by `ContactRules.phone`.
    public var phone: String?

    public init(email: String? = nil, phone: String? = nil) {
        self.email = email
        self.phone = phone
    }

    /// Checks what the office typed (lower-casing the email); empty text means none.
    public static func checked(email: String?, phone: String?) throws(DomainError) -> OfficeContact {
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
        try issues.throwIfAny()
        return contact
    }
}
