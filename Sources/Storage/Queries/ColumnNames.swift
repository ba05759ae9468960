import SQLKit
import Synchronization

extension SQLRowDecoder.KeyDecodingStrategy {
    /// `organizationId` reads the column `organization_id`. SQLKit's own `.convertFromSnakeCase`
    /// re-derives that name for every field of every row, which showed up as a tenth of the CPU
    /// time of a busy server; the names are few, so each is worked out once.
    static let snakeCaseColumns = Self.custom { keys in
        let key = keys.last!
        return ColumnNameCache.shared.column(for: key)
    }
}

private final class ColumnNameCache: Sendable {
    static let shared = ColumnNameCache()
    private let names = Mutex<[String: String]>([:])

    func column(for key: any CodingKey) -> any CodingKey {
        let name = key.stringValue
        if let cached = names.withLock({ $0[name] }) { return ColumnKey(stringValue: cached) }
        let column = Self.snakeCase(name)
        names.withLock { $0[name] = column }
        return ColumnKey(stringValue: column)
    }

    /// `organizationId` → `organization_id`, `startsAt` → `starts_at`.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                if !result.isEmpty { result.append("_") }
                result.append(contentsOf: character.lowercased())
            } else {
                result.append(character)
            }
        }
        return result
    }
}

private struct ColumnKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
