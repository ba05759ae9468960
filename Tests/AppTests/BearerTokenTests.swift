import App
import Testing

@testable import API

@Suite struct BearerTokenTests {
    typealias Bearer = BearerAuthentication<AppRequestContext>

    @Test func theTokenIsWhatFollowsBearerWithoutTheBlanksAroundIt() {
        #expect(Bearer.bearerToken("Bearer abc-123") == "abc-123")
        #expect(Bearer.bearerToken("bearer \t abc-123 \t") == "abc-123", "the scheme in any case; spaces and tabs trimmed")
        #expect(Bearer.bearerToken("Bearer a b") == "a b", "inner spaces are the token's: it will not be found")
    }

    @Test func anythingElseIsNoToken() {
        for header in [nil, "", "Bearer", "Bearer ", "Bearer  \t ", "Basic abc", "Bearerabc", "abc"] as [String?] {
            #expect(Bearer.bearerToken(header) == nil, "\(String(describing: header))")
        }
    }
}
