/// What waits for someone's answer, for the line every page shows: requests whose turn is theirs
/// and, for the office, sessions a family asked it to cancel.
public struct Waiting: Sendable, Hashable {
    public let requests: Int
    public let cancellationRequests: Int

    public init(requests: Int, cancellationRequests: Int) {
        self.requests = requests
        self.cancellationRequests = cancellationRequests
    }

    public var total: Int { requests + cancellationRequests }

    /// "Nothing waits for your answer", "2 requests and 1 cancellation request wait for your answer".
    public var sentence: String {
        func count(_ number: Int, _ noun: String) -> String? { number == 0 ? nil : "\(number) \(noun)\(number == 1 ? "" : "s")" }
        let parts = [count(requests, "request"), count(cancellationRequests, "cancellation request")].compactMap { $0 }
        guard !parts.isEmpty else { return "Nothing waits for your answer" }
        return parts.joined(separator: " and ") + (total == 1 ? " waits" : " wait") + " for your answer"
    }
}
