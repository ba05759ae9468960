import Foundation
import Synchronization

/// Makes identifiers for new records: random UUIDs, or a repeatable sequence for demo data and tests.
public struct IDGenerator: Sendable {
    private let make: @Sendable () -> String

    public init(_ make: @escaping @Sendable () -> String) { self.make = make }

    public func next() -> String { make() }

    public static let random = IDGenerator { UUID().uuidString.lowercased() }

    /// UUID-shaped identifiers from a seeded generator: the same seed gives the same identifiers.
    public static func seeded(_ seed: UInt64) -> IDGenerator {
        let state = Mutex(SplitMix64(seed: seed))
        return IDGenerator {
            let (high, low) = state.withLock { ($0.next(), $0.next()) }
            let hex = String(high, radix: 16).leftPadded(16) + String(low, radix: 16).leftPadded(16)
            let c = Array(hex)
            return "\(String(c[0..<8]))-\(String(c[8..<12]))-4\(String(c[13..<16]))-a\(String(c[17..<20]))-\(String(c[20..<32]))"
        }
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

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
