/// An invoice's number: the organization's prefix when it was created and the next number in
/// its sequence, which is consecutive and never used twice: `INV-0042`.
public struct InvoiceNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    public let prefix: String
    public let sequence: Int

    public init(prefix: String, sequence: Int) {
        self.prefix = prefix
        self.sequence = sequence
    }

    /// At least four digits, so that numbers sort as text until the ten-thousandth.
    public var description: String {
        let digits = String(sequence)
        return prefix + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A prefix is up to 10 ASCII letters, digits, `-`, `/`, `_` or `.`, possibly none: it goes
    /// into file names and bank references, where anything else travels badly.
    public static func checkPrefix(_ prefix: String) throws(DomainError) {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-/_.".unicodeScalars)
        guard prefix.unicodeScalars.count <= 10, prefix.unicodeScalars.allSatisfy(allowed.contains) else {
            throw DomainError.invalid(
                "invoicePrefix", "An invoice prefix is up to 10 letters (A–Z), digits, dashes, slashes, dots or underscores, such as INV-.")
        }
    }
}
