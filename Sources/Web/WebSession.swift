import Crypto
import Foundation
import Hummingbird
import Scheduling
import Storage
import Synchronization
import Workflows

/// The web login: a session cookie holding a secret whose hash is a `web` access token in the
/// database (so every instance shares sessions), and the CSRF token every form carries.
struct WebSession {
    static let cookieName = "sessiondesk_session"
    /// Before login there is no session to tie a form to: the form token of the pages before login
    /// (log in, password reset, invitation) is also set as this cookie, and the two must match.
    static let loginCookieName = "sessiondesk_login"
    /// How long such a form stays usable.
    static let preLoginLifetime: TimeInterval = 12 * 3600

    /// Marks cookies `Secure` when people reach the app over TLS.
    let secure: Bool
    /// Signs the tokens of the forms before login, so that only this installation makes them: a
    /// value an attacker planted as the cookie and the form field alike is refused.
    let signingKey: FormSigningKey

    /// A new token for a form before login: random, with its expiry, signed.
    func preLoginToken(nonce: String, now: Date) async throws -> String {
        let body = "\(Int64(now.timeIntervalSince1970 + Self.preLoginLifetime)).\(nonce)"
        return "\(body).\(try await signature(of: body))"
    }

    /// Whether a form before login carries a token this installation made, still in date, and the
    /// same as its cookie.
    func acceptsPreLogin(form: String?, cookie: String?, now: Date) async throws -> Bool {
        guard let form, let cookie, Self.matches(form, cookie) else { return false }
        let parts = form.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let expires = Int64(parts[0]), Double(expires) > now.timeIntervalSince1970 else { return false }
        return Self.matches(String(parts[2]), try await signature(of: "\(parts[0]).\(parts[1])"))
    }

    private func signature(of body: String) async throws -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: try await signingKey.key())).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

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

/// The installation's key for form tokens, read from the database the first time it is needed
/// (after the migrations have run) and kept.
final class FormSigningKey: Sendable {
    private let dependencies: Dependencies
    private let loaded = Mutex<String?>(nil)

    init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    func key() async throws -> SymmetricKey {
        if let secret = loaded.withLock({ $0 }) { return SymmetricKey(data: Data(secret.utf8)) }
        let (candidate, now) = (dependencies.secrets.token(), dependencies.now())
        let secret = try await dependencies.store.write { db in try await db.serverKey(named: "web-form-signing", candidate: candidate, now: now) }
        loaded.withLock { $0 = secret }
        return SymmetricKey(data: Data(secret.utf8))
    }
}
