public import Foundation
import Synchronization

/// Makes identifiers for new records: random UUIDs, or a repeatable sequence for demo data and tests.
public struct IDGenerator: Sendable {
    private let make: @Sendable () -> String

    public init(_ make: @escaping @Sendable () -> String) { self.make = make }

    public func next() -> String { make() }

    public static let random = IDGenerator { UUID().uuidString.lowercased() }

    /// UUIDv7 (RFC 9562): 48 bits of milliseconds from `now`, then 74 random bits. New rows land
    /// next to each other in every primary-key index instead of on random pages, which keeps each
    /// commit small.
    public static func timeOrdered(_ now: @escaping @Sendable () -> Date) -> IDGenerator {
        IDGenerator {
            var random = SystemRandomNumberGenerator()
            let milliseconds = UInt64(max(0, now().timeIntervalSince1970 * 1000))
            let high = (milliseconds << 16) | 0x7000 | (random.next() & 0x0FFF)
            let low = (random.next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
            return uuidText(high, low)
        }
    }

    /// UUID-shaped identifiers from a seeded generator: the same seed gives the same identifiers.
    public static func seeded(_ seed: UInt64) -> IDGenerator {
        let state = Mutex(SplitMix64(seed: seed))
        return IDGenerator {
            let (high, low) = state.withLock { ($0.next(), $0.next()) }
            return uuidText((high & 0xFFFF_FFFF_FFFF_0FFF) | 0x4000, (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000)
        }
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in lower case.
    private static func uuidText(_ high: UInt64, _ low: UInt64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for word in [high, low] {
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, digit) in SecretGenerator.hex(bytes).utf8.enumerated() {
            if [8, 12, 16, 20].contains(index) { text.append(UInt8(ascii: "-")) }
            text.append(digit)
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// A small, fast, well-distributed generator (Steele, Lea & Flood), for repeatable data only: never for secrets.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
