import Foundation

/// How names, emails and phone numbers are checked and normalised, the same for every kind of person.
public enum ContactRules {
    /// Trimmed; one line of 1 to 200 characters.
    public static func name(_ raw: String, field: String = "name") throws(DomainError) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw DomainError.invalid(field, "A name is required.") }
        guard TextRules.length(raw) <= 200 else { throw DomainError.invalid(field, "A name can be at most 200 characters.") }
        try TextRules.checkOneLine(name, field: field, label: "A name")
        return name
    }

    /// Trimmed and lower-cased so that `Ann@Example.org` and `ann@example.org` are one person.
    /// ASCII only: mail to other addresses needs SMTPUTF8, which few servers speak, and their
    /// bytes would go out raw in the `To:` header.
    public static func email(_ raw: String, field: String = "email") throws(DomainError) -> String {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard TextRules.length(raw) <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !email.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || "<>()[]\\,;:\"".unicodeScalars.contains($0) })
        else { throw DomainError.invalid(field, "\"\(raw)\" is not an email address.") }
        guard email.unicodeScalars.allSatisfy(\.isASCII) else {
            throw DomainError.invalid(
                field, "\"\(raw)\" has letters outside ASCII, which mail cannot be sent to yet: use the address's ASCII form (xn-- for the domain).")
        }
        return email
    }

    /// Keeps a leading `+` and the digits; 6 to 16 digits in at most 32 characters. Empty means no phone.
    public static func phone(_ raw: String?, field: String = "phone") throws(DomainError) -> String? {
        guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        // ASCII digits, and a + only in front: what the API document's pattern says.
        let body = raw.hasPrefix("+") ? raw.dropFirst() : Substring(raw)
        let allowed = body.allSatisfy { ("0"..."9").contains($0) || " -().".contains($0) }
        let digits = raw.filter { ("0"..."9").contains($0) }
        guard allowed, (6...16).contains(digits.count), TextRules.length(raw) <= 32 else {
            throw DomainError.invalid(field, "\"\(raw)\" is not a phone number: use digits, spaces and an optional leading +.")
        }
        return (raw.hasPrefix("+") ? "+" : "") + digits
    }

    /// A choice of text messages needs a number in international form, which SMS gateways require.
    public static func notificationChoice(_ channel: NotificationChannel, phone: String?, field: String = "notifyBy") throws(DomainError) {
        guard channel == .sms else { return }
        guard let phone, phone.hasPrefix("+") else {
            throw DomainError.invalid(
                field, "Text messages need a mobile number in international form, starting with + and the country code, such as +44 7700 900123.")
        }
    }

    /// At least 10 characters: long enough to resist guessing, short enough to type on a phone.
    public static func password(_ raw: String, field: String = "password") throws(DomainError) {
        guard TextRules.length(raw) >= 10 else { throw DomainError.invalid(field, "A password needs at least 10 characters.") }
        guard raw.utf8.count <= 72 else {
            // bcrypt reads only the first 72 bytes; a longer password would silently be truncated.
            throw DomainError.invalid(field, "A password can be at most 72 bytes long.")
        }
    }
}
