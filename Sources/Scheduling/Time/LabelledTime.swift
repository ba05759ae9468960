/// A stretch of time as both machines and people read it: UTC instants, the local clock readings
/// with their offsets, and a label (`Thu 26 Nov 16:00 GMT`).
public struct LabelledTime: Hashable, Sendable {
    public let range: TimeRange
    public let localStart: String
    public let localEnd: String
    public let label: String

    public init(_ range: TimeRange, on timeline: ZoneTimeline) {
        self.range = range
        localStart = timeline.local(range.start).rfc3339
        localEnd = timeline.local(range.end).rfc3339
        label = timeline.describe(range.start)
    }
}
