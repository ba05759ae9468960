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
}
