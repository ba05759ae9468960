public import Foundation
import SQLKit

/// What an earlier call with the same `Idempotency-Key` left: the fingerprint of that call and the
/// result it stored.
public struct IdempotencyRecord: Sendable, Equatable {
    public let fingerprint: String
    public let result: String
}

extension DB {
    /// Claims `key` for the call being made in this transaction: nil when the key is new, so the
    /// call goes ahead and `recordIdempotentResult` stores its result before the commit; otherwise
    /// what the first call with the key stored. On PostgreSQL a first call still running holds the
    /// key until it commits or rolls back, and this waits for it.
    public func claimIdempotencyKey(userID: String, key: String, fingerprint: String, now: Date) async throws -> IdempotencyRecord? {
        let claimed = try await sql.raw(
            """
            INSERT INTO idempotency_keys (user_id, key, fingerprint, created_at)
            VALUES (\(bind: userID), \(bind: key), \(bind: fingerprint), \(bind: now.epochSeconds))
            ON CONFLICT (user_id, key) DO NOTHING RETURNING key
            """
        ).first()
        guard claimed == nil else { return nil }
        let row = try await sql.raw(
            "SELECT fingerprint, result FROM idempotency_keys WHERE user_id = \(bind: userID) AND key = \(bind: key)"
        ).first()
        guard let row else { throw CorruptRow("idempotency key \(key) neither new nor stored") }
        return IdempotencyRecord(
            fingerprint: try row.decode(column: "fingerprint", as: String.self), result: try row.decode(column: "result", as: String?.self) ?? "")
    }

    /// Stores the result of the call that claimed `key`, in the same transaction.
    public func recordIdempotentResult(userID: String, key: String, result: String) async throws {
        try await sql.raw("UPDATE idempotency_keys SET result = \(bind: result) WHERE user_id = \(bind: userID) AND key = \(bind: key)").run()
    }

    /// Keys are kept for a day: long enough for any retry.
    public func deleteIdempotencyKeys(before: Date) async throws {
        try await sql.raw("DELETE FROM idempotency_keys WHERE created_at < \(bind: before.epochSeconds)").run()
    }
}
