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

    public init(id: String, name: String, timeZone: TimeZone, currency: String, settings: OrganizationSettings = .init()) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.currency = currency
        self.settings = settings
    }

    public static func validateName(_ name: String, field: String = "name") throws(DomainError) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, TextRules.length(name) <= 200 else {
            throw DomainError.invalid(field, "The organization name must have 1 to 200 characters.")
        }
        try TextRules.checkOneLine(trimmed, field: field, label: "The organization name")
    }
}
