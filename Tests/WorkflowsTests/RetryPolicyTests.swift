import Foundation
import Notifications
import Testing
import Workflows

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 6, firstDelay: 30, longestDelay: 300)
    let failedAt = Date(timeIntervalSince1970: 1_000_000)

    func wait(after attempt: Int, random: Double) -> TimeInterval? {
        policy.retryTime(afterAttempt: attempt, failedAt: failedAt, random: random)?.timeIntervalSince(failedAt)
    }

    @Test func backoffDoublesUpToTheLongestDelay() {
        #expect((1...5).map { wait(after: $0, random: 1) } == [30, 60, 120, 240, 300])
    }

    @Test func jitterSpreadsBetweenHalfAndAllOfTheBackoff() {
        #expect(wait(after: 3, random: 0) == 60)
        #expect(wait(after: 3, random: 0.5) == 90)
        #expect(wait(after: 3, random: 0.999)! < 120)
    }

    @Test func theLastAttemptHasNoRetry() {
        #expect(wait(after: 6, random: 0.5) == nil)
        #expect(RetryPolicy(maxAttempts: 1).retryTime(afterAttempt: 1, failedAt: failedAt, random: 0) == nil)
    }
}
