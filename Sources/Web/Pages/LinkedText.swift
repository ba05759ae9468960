import Workflows

/// A message's text with the addresses of this site's pages (its "Details: …" line) as links, and
/// everything else as it was sent. One-use addresses (answer links, invitations, password resets)
/// stay text: following one from the Messages page would use it up, and, on the office's list of
/// everyone's messages, act as the person it was sent to.
struct LinkedText {
    struct Part {
        let text: String
        /// The page's path on this site, when the text is its address.
        let link: String?
    }

    static let linkedPaths = [WebPath.requests + "/", WebPath.sessions + "/", WebPath.calendar]

    /// `text` cut into plain parts and addresses of pages under `base` (the public base URL).
    static func parts(_ text: String, base: String) -> [Part] {
        guard !base.isEmpty else { return [Part(text: text, link: nil)] }
        var parts: [Part] = []
        var rest = Substring(text)
        while let found = rest.range(of: base) {
            let end = rest[found.upperBound...].firstIndex { $0.isWhitespace || "<>\"'".contains($0) } ?? rest.endIndex
            var address = rest[found.lowerBound..<end]
            // A sentence's full stop or a closing bracket after the address is not part of it.
            while let last = address.last, ".,;:!?)".contains(last) { address = address.dropLast() }
            let path = String(address.dropFirst(base.count))
            guard linkedPaths.contains(where: { path.hasPrefix($0) }) else {
                parts.append(Part(text: String(rest[..<address.endIndex]), link: nil))
                rest = rest[address.endIndex...]
                continue
            }
            if found.lowerBound > rest.startIndex { parts.append(Part(text: String(rest[..<found.lowerBound]), link: nil)) }
            parts.append(Part(text: String(address), link: path))
            rest = rest[address.endIndex...]
        }
        if !rest.isEmpty { parts.append(Part(text: String(rest), link: nil)) }
        return parts
    }
}
