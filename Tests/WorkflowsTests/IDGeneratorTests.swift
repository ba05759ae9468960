import Foundation
import TestSupport
import Testing
import Workflows

@Suite struct IDGeneratorTests {
    @Test func timeOrderedIdsAreVersion7AndSortByTime() {
        let clock = TestClock(Date(timeIntervalSince1970: 1_774_260_000))
        let ids = IDGenerator.timeOrdered { clock.now }
        var made: [String] = []
        for _ in 0..<50 {
            made.append(ids.next())
            clock.advance(by: 0.002)
        }
        #expect(made.allSatisfy { $0.count == 36 && Array($0)[14] == "7" && "89ab".contains(Array($0)[19]) })
        #expect(made == made.sorted(), "ids made later sort later")
        #expect(Set(made).count == made.count)
        #expect(UUID(uuidString: made[0]) != nil)
    }

    @Test func seededIdsRepeat() {
        let first = IDGenerator.seeded(7)
        let second = IDGenerator.seeded(7)
        #expect((0..<5).map { _ in first.next() } == (0..<5).map { _ in second.next() })
        #expect(Array(first.next())[14] == "4")
    }
}
