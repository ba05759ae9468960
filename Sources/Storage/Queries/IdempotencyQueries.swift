public import Foundation
import SQLKit

/// What an `Idempotency-Key` says about a request the first time and on every repeat.
public enum IdempotencyClaim: Sendable, Equatable {
    /// First use: go ahead, then record the answer.
    case claimed
    /// Seen before with the same body: send the first answer again.
    case replay(status: Int, contentType: String, body: String)
    /// Seen before with a different body.
    case mismatch
    /// The first request with this key is still running.
    case inProgress
}

extension DB {
    public func claimIdempotencyKey(userID: String, key: String, fingerprint: String, now: Date) async throws -> IdempotencyClaim {
        let existing = try await sql.raw(
            "SELECT fingerprint, status, content_type, body FROM idempotency_keys WHERE user_id = \(bind: userID) AND key = \(bind: key)"
        ).first(decoding: IdempotencyRow.self, keyDecodingStrategy: .snakeCaseColumns)
        guard let existing else {
            try await sql.raw(
                """
                INSERT INTO idempotency_keys (user_id, key, fingerprint, created_at)
                VALUES (\(bind: userID), \(bind: key), \(bind: fingerprint), \(bind: now.epochSeconds))
                """
            ).run()
            return .claimed
        }
        guard existing.fingerprint == fingerprint else { return .mismatch }
        guard let status = existing.status else { return .inProgress }
        return .replay(status: status, contentType: existing.contentType ?? "application/json", body: existing.body ?? "")
    }

    public func completeIdempotencyKey(userID: String, key: String, status: Int, contentType: String, body: String) async throws {
        try await sql.raw(
            """
            UPDATE idempotency_keys SET status = \(bind: status), content_type = \(bind: contentType), body = \(bind: body)
            WHERE user_id = \(bind: userID) AND key = \(bind: key)
            """
        ).run()
    }

    /// Forgets a key whose request failed on our side, so that the client's retry runs again.
    public func releaseIdempotencyKey(userID: String, key: String) async throws {
        try await sql.raw("DELETE FROM idempotency_keys WHERE user_id = \(bind: userID) AND key = \(bind: key) AND status IS NULL").run()
    }

    /// Keys are kept for a day: long enough for any retry.
    public func deleteIdempotencyKeys(before: Date) async throws {
        try await sql.raw("DELETE FROM idempotency_keys WHERE created_at < \(bind: before.epochSeconds)").run()
    }
}

private struct IdempotencyRow: Decodable {
    let fingerprint: String
    let status: Int?
    let contentType: String?
    let body: String?
}
