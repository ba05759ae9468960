import HummingbirdBcrypt
import NIOPosix
import Synchronization

/// bcrypt, run on NIO's blocking thread pool so that hashing never stalls request handling.
public struct PasswordHasher: Sendable {
    /// 12 in production (about a quarter of a second); tests use the minimum, 4.
    public let cost: UInt8
    private let decoy = DecoyHash()

    public init(cost: UInt8 = 12) { self.cost = cost }

    public func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Spends as long as checking a real password, so that "no such account" cannot be told
    /// apart from "wrong password" by timing.
    public func verifyDecoy(_ password: String) async throws {
        let hash: String
        if let cached = decoy.value.withLock({ $0 }) {
            hash = cached
        } else {
            hash = try await self.hash("decoy password that nobody types")
            decoy.value.withLock { $0 = hash }
        }
        _ = try await verify(password, hash: hash)
    }
}

private final class DecoyHash: Sendable {
    let value = Mutex<String?>(nil)
}
