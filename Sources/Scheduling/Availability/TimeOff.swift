/// A stretch when the tutor is away (holiday, training), in absolute time.
public struct TimeOff: Hashable, Sendable {
    public let time: TimeRange
    public let reason: String

    public init(time: TimeRange, reason: String) {
        self.time = time
        self.reason = reason
    }
}
