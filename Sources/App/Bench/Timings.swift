/// Repeated measurements of one operation, in microseconds.
struct Timings {
    private(set) var microseconds: [Double] = []

    init() {}

    /// Measurements taken elsewhere.
    init(sorted values: [Double]) { microseconds = values.sorted() }

    /// Runs `body` `count` times after a few untimed warm-up runs.
    static func measure(_ count: Int, warmUp: Int = 20, _ body: () async throws -> Void) async rethrows -> Timings {
        for _ in 0..<warmUp { try await body() }
        var timings = Timings()
        let clock = ContinuousClock()
        for _ in 0..<count {
            let elapsed = try await clock.measure { try await body() }
            timings.microseconds.append(elapsed.microseconds)
        }
        timings.microseconds.sort()
        return timings
    }

    func percentile(_ p: Double) -> Double {
        guard !microseconds.isEmpty else { return 0 }
        let index = min(microseconds.count - 1, Int((p / 100 * Double(microseconds.count)).rounded(.up)) - 1)
        return microseconds[max(0, index)]
    }

    var median: Double { percentile(50) }
}

extension Duration {
    var microseconds: Double { Double(components.seconds) * 1e6 + Double(components.attoseconds) / 1e12 }
}
