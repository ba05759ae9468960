import Foundation
import Testing
import Workflows

@Suite struct SecretGeneratorTests {
    @Test func tokensAreFortyThreeURLSafeCharactersAndNeverRepeat() {
        let tokens = (0..<2000).map { _ in SecretGenerator.system.token() }
        #expect(Set(tokens).count == tokens.count)
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        #expect(tokens.allSatisfy { $0.count == 43 && $0.allSatisfy(alphabet.contains) })
        // Every one of the 64 characters turns up in 2,000 tokens of 43 (each is missing with
        // probability about e^-1300): bytes that were not all random would leave gaps.
        #expect(Set(tokens.joined()) == alphabet)
    }

    /// The random bytes come from a shared pool refilled 4 KiB at a time: tasks drawing at once
    /// across many refills must never be handed the same bytes.
    @Test func tokensDrawnAtOnceFromManyTasksNeverRepeat() async {
        let tokens = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { (0..<500).map { _ in SecretGenerator.system.token() } } }
            return await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(tokens.count == 4000)
        #expect(Set(tokens).count == tokens.count)
    }
}
