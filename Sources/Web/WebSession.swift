import Crypto
import Foundation
import Hummingbird
import Scheduling
import Workflows

/// The web login: a session cookie holding a secret whose hash is a `web` access token in the
/// database (so every instance shares sessions), and the CSRF token every form carries.
struct WebSession {
    static let cookieName = "sessiondesk_session"
    /// Before login there is no session to tie a form to: the login form's token is also set as a
    /// cookie, and the two must match.
    static let loginCookieName = "sessiondesk_login"

    /// Marks cookies `Secure` when people reach the app over TLS.
    let secure: Bool

    func sessionCookie(_ token: String, expires: Date) -> Cookie {
        Cookie(name: Self.cookieName, value: token, expires: expires, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func clearedSessionCookie() -> Cookie {
        Cookie(name: Self.cookieName, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func loginCookie(_ token: String) -> Cookie {
        Cookie(name: Self.loginCookieName, value: token, path: "/login", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// The form token of a signed-in session: derived from its secret, so it needs no storage and
    /// changes with every login.
    static func csrfToken(forSession token: String) -> String {
        SecretGenerator.hash("csrf:" + token)
    }

    /// Constant-time comparison, so a guessed token learns nothing from timing.
    static func matches(_ given: String?, _ expected: String) -> Bool {
        guard let given, given.utf8.count == expected.utf8.count else { return false }
        return zip(given.utf8, expected.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
