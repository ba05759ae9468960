/// A mailbox with an optional display name: `"Northside Tutoring" <office@northside.example>`.
public struct MailAddress: Sendable, Hashable {
    public let name: String?
    public let address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    var header: String {
        guard let name, !name.isEmpty else { return address }
        if name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) {
            let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(quoted)\" <\(address)>"
        }
        return "\(EncodedWord.encode(name)) <\(address)>"
    }
}
