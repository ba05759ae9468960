import SQLKit
import SQLiteKit
import SQLiteNIO

/// A result row read from SQLite, decoded the way sqlite-kit decodes its own rows.
struct SQLiteValueRow: SQLRow, Sendable {
    let columns: [String]
    let values: [SQLiteData]

    var allColumns: [String] { columns }

    func contains(column: String) -> Bool { columns.contains(column) }

    func decodeNil(column: String) throws -> Bool { try value(column) == .null }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        let value = try value(column)
        if let primitive: D = Self.primitive(value) { return primitive }
        return try SQLiteDataDecoder().decode(D.self, from: value)
    }

    /// The column types rows are made of, without a trip through `Decoder` for each (which was
    /// most of the time spent reading a long list).
    private static func primitive<D>(_ value: SQLiteData) -> D? {
        switch value {
        case .text(let text) where D.self == String.self: return text as? D
        case .integer(let integer) where D.self == Int64.self: return Int64(integer) as? D
        case .integer(let integer) where D.self == Int.self: return integer as? D
        case .integer(let integer) where D.self == Bool.self: return (integer != 0) as? D
        case .float(let float) where D.self == Double.self: return float as? D
        default: return nil
        }
    }

    private func value(_ column: String) throws -> SQLiteData {
        guard let index = columns.firstIndex(of: column) else { throw MissingColumn(column: column) }
        return values[index]
    }

    struct MissingColumn: Error, CustomStringConvertible {
        let column: String
        var description: String { "no column \(column) in the result" }
    }
}
