import Crypto
public import Foundation
public import Scheduling
import Storage

/// A client's `Idempotency-Key` on a call that changes something. The key and the call's result are
/// stored in the move's own transaction, so they commit with the move or not at all: a repeat of the
/// same call returns the first result without acting again, and a key that is still free after a
/// crash means the move never happened. A call that was refused changed nothing and stores nothing,
/// so its repeat is judged again. The same key on a different call is refused.
public struct IdempotencyKey: Sendable {
    let key: String
    /// SHA-256 of what was asked: the operation and its target, then the caller's input.
    let fingerprint: String

    /// `call` names the operation and what it acts on (`acceptSessionRequest 0190…`); `input` is the
    /// rest of what the caller sent, encoded canonically (keys sorted), so that the same JSON with its
    /// keys in another order is the same call. Nil when no key was sent.
    public init?(_ header: String?, call: String, input: Data) throws(DomainError) {
        guard let header else { return nil }
        guard (1...200).contains(header.count), header.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) else {
            throw DomainError.invalid("Idempotency-Key", "An Idempotency-Key has 1 to 200 printable ASCII characters, such as a UUID.")
        }
        key = header
        var hash = SHA256()
        hash.update(data: Data(call.utf8))
        hash.update(data: Data([0]))
        hash.update(data: input)
        fingerprint = SecretGenerator.hex(hash.finalize())
    }
}

extension Dependencies {
    /// A move's transaction. With a key, the key is claimed first and the result stored before the
    /// commit; when the key was already used for this call, its stored result comes back and `body`
    /// does not run.
    func write<T: Codable & Sendable>(
        once key: IdempotencyKey?, by caller: Caller, _ body: @escaping @Sendable (DB) async throws -> T
    ) async throws -> T {
        guard let key else { return try await store.write(body) }
        let now = currentInstant()
        return try await store.write { db in
            if let first = try await db.claimIdempotencyKey(userID: caller.userID, key: key.key, fingerprint: key.fingerprint, now: now) {
                guard first.fingerprint == key.fingerprint else {
                    throw DomainError.invalid("Idempotency-Key", "This Idempotency-Key was already used for a different request.")
                }
                return try JSONDecoder().decode(T.self, from: Data(first.result.utf8))
            }
            let result = try await body(db)
            let stored = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
            try await db.recordIdempotentResult(userID: caller.userID, key: key.key, result: stored)
            return result
        }
    }
}
