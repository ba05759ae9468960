import Crypto
import Foundation

/// Unguessable secrets for tokens and links, and the hashes under which they are stored.
///
/// Only the SHA-256 of a secret reaches the database, so a leaked backup opens no account.
public struct SecretGenerator: Sendable {
    private let bytes: @Sendable (Int) -> [UInt8]

    public init(bytes: @escaping @Sendable (Int) -> [UInt8]) { self.bytes = bytes }

    /// The operating system's cryptographic generator.
    public static let system = SecretGenerator { count in
        var generator = SystemRandomNumberGenerator()
        // Eight bytes a draw: each draw is a system call.
        return (0..<(count + 7) / 8).flatMap { _ in withUnsafeBytes(of: generator.next(), Array.init) }.prefix(count).map { $0 }
    }

    /// 256 random bits, URL-safe base64 without padding (43 characters).
    public func token() -> String {
        Data(bytes(32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    public static func hash(_ secret: String) -> String {
        hex(SHA256.hash(data: Data(secret.utf8)))
    }

    /// Lower-case hexadecimal, two digits a byte.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
