import Foundation
import Scheduling
import Workflows

/// The `Idempotency-Key` of an operation, for the workflow to claim in its transaction. What was
/// asked is the operation, its target and its body as decoded, encoded again with sorted keys: the
/// same JSON with its keys in another order is the same call.
enum IdempotentCall {
    static func key(_ header: String?, _ operation: String, _ target: String = "", body: some Encodable) throws -> IdempotencyKey? {
        guard header != nil else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .secondsSince1970
        return try IdempotencyKey(header, call: "\(operation) \(target)", input: try encoder.encode(body))
    }
}
