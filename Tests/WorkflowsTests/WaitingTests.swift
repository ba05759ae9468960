import Testing
import Workflows

/// The line every page shows about what waits for an answer.
@Suite struct WaitingTests {
    @Test func countsAreSaidInWords() {
        #expect(Waiting(requests: 0, cancellationRequests: 0).sentence == "Nothing waits for your answer")
        #expect(Waiting(requests: 1, cancellationRequests: 0).sentence == "1 request waits for your answer")
        #expect(Waiting(requests: 3, cancellationRequests: 0).sentence == "3 requests wait for your answer")
        #expect(Waiting(requests: 0, cancellationRequests: 1).sentence == "1 cancellation request waits for your answer")
        #expect(Waiting(requests: 2, cancellationRequests: 1).sentence == "2 requests and 1 cancellation request wait for your answer")
    }
}
