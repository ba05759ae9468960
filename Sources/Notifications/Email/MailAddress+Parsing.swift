import Foundation

extension MailAddress {
    /// Reads `Name <address>` or a bare `address`.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            guard SMTPClient.isEnvelopeSafe(address) else { return nil }
            self.init(name: name.isEmpty ? nil : name, address: address)
        } else {
            guard SMTPClient.isEnvelopeSafe(trimmed) else { return nil }
            self.init(address: trimmed)
        }
    }
}
