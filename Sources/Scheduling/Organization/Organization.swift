public import Foundation

/// One tutoring business or school: the tenant. Nothing crosses between organizations.
public struct Organization: Hashable, Sendable {
    public let id: String
    public var name: String
    /// IANA name; every "day" and "the day before" of this organization is in this zone.
    public var timeZone: TimeZone
    /// ISO 4217 code for rates and invoices.
    public var currency: String
    public var settings: OrganizationSettings
    /// How families reach the office, named wherever a rule sends them to it.
    public var contact: OfficeContact

    public init(
        id: String, name: String, timeZone: TimeZone, currency: String, settings: OrganizationSettings = .init(),
        contact: OfficeContact = .init()
    ) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.currency = currency
        self.settings = settings
        self.contact = contact
    }

    /// "Please contact the office: office@example.org, 020 7946 0000." — the end of every refusal
    /// that only the office can help with.
    public var contactTheOffice: String {
        let ways = [contact.email, contact.phone].compactMap { $0 }
        return ways.isEmpty ? "Please contact the office." : "Please contact the office: \(ways.joined(separator: ", "))."
    }

    public static func validateName(_ name: String, field: String = "name") throws(DomainError) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, TextRules.length(name) <= 200 else {
            throw DomainError.invalid(field, "The organization name must have 1 to 200 characters.")
        }
        try TextRules.checkOneLine(trimmed, field: field, label: "The organization name")
    }
}
