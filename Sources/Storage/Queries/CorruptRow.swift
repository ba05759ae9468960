/// A stored value that the code cannot read back: a bug or a hand-edited database, never user input.
struct CorruptRow: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = "unreadable row: \(description)" }
}

func decodeEnum<E: RawRepresentable>(_ raw: String) throws -> E where E.RawValue == String {
    guard let value = E(rawValue: raw) else { throw CorruptRow("\(E.self) \(raw)") }
    return value
}
