import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

/// The web login: cookie sessions stored in the database, CSRF on every form, escaped output.
@Suite struct WebLoginTests {
    struct Page {
        let status: Int
        let headers: HTTPFields
        let body: String

        /// `name=value` of each Set-Cookie, with its attributes.
        var cookies: [String] { headers[values: .setCookie] }

        func cookie(_ name: String) -> String? {
            cookies.first { $0.hasPrefix("\(name)=") }.map { String($0.dropFirst(name.count + 1).prefix { $0 != ";" }) }
        }

        /// The value of the hidden `csrf` field of the page's first form.
        var csrfField: String? {
            guard let range = body.range(of: #"name="csrf" value=""#) else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    static func fetch(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, cookies: [String: String] = [:],
        form: [String: String]? = nil
    ) async throws -> Page {
        var headers: HTTPFields = [:]
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(
                string: form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
            )
        }
        return try await client.execute(uri: path, method: method, headers: headers, body: body) {
            Page(status: Int($0.status.code), headers: $0.headers, body: String(buffer: $0.body))
        }
    }

    /// Logs `user` in through the form and returns the session cookie's value.
    static func logIn(_ client: some TestClientProtocol, _ user: User, password: String = testPassword) async throws -> String {
        let form = try await fetch(client, .get, "/login")
        let loginToken = try #require(form.cookie("sessiondesk_login"))
        let done = try await fetch(
            client, .post, "/login", cookies: ["sessiondesk_login": loginToken],
            form: ["email": user.email, "password": password, "csrf": try #require(form.csrfField)])
        #expect(done.status == 303)
        return try #require(done.cookie("sessiondesk_session"))
    }

    @Test func theLoginFormSetsASecureHttpOnlyLaxSessionCookie() async throws {
        try await withAPI(.sqlite) { client, world in
            let form = try await Self.fetch(client, .get, "/login")
            #expect(form.status == 200)
            #expect(form.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
            #expect(form.body.contains("<form method=\"post\" action=\"/login\">"))
            #expect(form.csrfField == form.cookie("sessiondesk_login"))

            let wrong = try await Self.fetch(
                client, .post, "/login", cookies: ["sessiondesk_login": form.cookie("sessiondesk_login")!],
                form: ["email": world.ours.parents[0].email, "password": "not it at all", "csrf": form.csrfField!])
            #expect(wrong.status == 401)
            #expect(wrong.body.contains("The email or password is incorrect."))
            #expect(wrong.cookie("sessiondesk_session") == nil)

            let form2 = try await Self.fetch(client, .get, "/login")
            let done = try await Self.fetch(
                client, .post, "/login", cookies: ["sessiondesk_login": form2.cookie("sessiondesk_login")!],
                form: ["email": world.ours.parents[0].email, "password": testPassword, "csrf": form2.csrfField!])
            #expect(done.status == 303 && done.headers[.location] == "/")
            let session = try #require(done.cookies.first { $0.hasPrefix("sessiondesk_session=") })
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Lax") && session.contains("Path=/"))
            #expect(session.contains("Secure"), "the app is reached over https here, so the cookie is Secure")
        }
    }

    @Test func aFormWithoutItsTokenIsRefused() async throws {
        try await withAPI(.sqlite) { client, world in
            let form = try await Self.fetch(client, .get, "/login")
            let forged = try await Self.fetch(
                client, .post, "/login", cookies: ["sessiondesk_login": form.cookie("sessiondesk_login")!],
                form: ["email": world.ours.admin.email, "password": testPassword, "csrf": "guessed"])
            #expect(forged.status == 403)
            #expect(forged.cookie("sessiondesk_session") == nil)
            // A value planted as both the cookie and the field (by a sibling site that can set
            // cookies) is not one this installation signed.
            for planted in ["planted", "9999999999.nonce.c2lnbmF0dXJl", "\(form.cookie("sessiondesk_login")!)x"] {
                let twin = try await Self.fetch(
                    client, .post, "/login", cookies: ["sessiondesk_login": planted],
                    form: ["email": world.ours.admin.email, "password": testPassword, "csrf": planted])
                #expect(twin.status == 403 && twin.cookie("sessiondesk_session") == nil, "\(planted)")
            }
            let session = try await Self.logIn(client, world.ours.admin)
            let logout = try await Self.fetch(client, .post, "/logout", cookies: ["sessiondesk_session": session], form: ["csrf": "guessed"])
            #expect(logout.status == 403)
            #expect(try await Self.fetch(client, .get, "/", cookies: ["sessiondesk_session": session]).status == 200, "still logged in")
        }
    }

    @Test func sessionsLiveInTheDatabaseAndLogoutEndsThem() async throws {
        try await withAPI(.sqlite) { client, world in
            let session = try await Self.logIn(client, world.ours.tutors[0])
            let home = try await Self.fetch(client, .get, "/", cookies: ["sessiondesk_session": session])
            #expect(home.status == 200)
            #expect(home.body.contains("Hello, Tutor Zero"))
            #expect(home.body.contains(world.ours.organization.name))
            let holder = try await world.store.read { db in try await db.tokenHolder(hash: SecretGenerator.hash(session), now: world.clock.now) }
            #expect(holder?.kind == .web, "the session is a web token in the database, shared by every instance")
            #expect(try await client.call(.get, "/api/v1/me", token: session).status == 401, "a web session is not an API token")

            let logout = try await Self.fetch(
                client, .post, "/logout", cookies: ["sessiondesk_session": session], form: ["csrf": try #require(home.csrfField)])
            #expect(logout.status == 303 && logout.headers[.location] == "/login")
            #expect(logout.cookies.contains { $0.hasPrefix("sessiondesk_session=;") && $0.contains("Max-Age=0") })
            let after = try await Self.fetch(client, .get, "/", cookies: ["sessiondesk_session": session])
            #expect(after.status == 303 && after.headers[.location] == "/login")
        }
    }

    /// An email's "Details" link opened while logged out leads to that page after login, and only
    /// ever to a page of this site.
    @Test func afterLoginThePageAskedForOpens() async throws {
        try await withAPI(.sqlite) { client, world in
            let asked = "/calendar?view=week&date=2026-03-27"
            let bounced = try await Self.fetch(client, .get, asked)
            #expect(bounced.status == 303 && bounced.headers[.location] == "/login?next=/calendar%3Fview%3Dweek%26date%3D2026-03-27")
            let form = try await Self.fetch(client, .get, try #require(bounced.headers[.location]))
            #expect(form.body.contains(#"<input type="hidden" name="next" value="/calendar?view=week&amp;date=2026-03-27">"#))
            func logIn(next: String) async throws -> String? {
                let form = try await Self.fetch(client, .get, "/login")
                let done = try await Self.fetch(
                    client, .post, "/login", cookies: ["sessiondesk_login": try #require(form.cookie("sessiondesk_login"))],
                    form: ["email": world.ours.parents[0].email, "password": testPassword, "csrf": try #require(form.csrfField), "next": next])
                #expect(done.status == 303)
                return done.headers[.location]
            }
            #expect(try await logIn(next: asked) == asked)
            for elsewhere in ["https://evil.example/", "//evil.example/", "/\\evil.example", "/\t/evil.example", "javascript:alert(1)", "/login"] {
                #expect(try await logIn(next: elsewhere) == "/", "\(elsewhere)")
            }
            // A form sent after the session ended is not sent again; its page is not a place to return to.
            let stale = try await Self.fetch(client, .post, "/requests/x/withdraw", form: ["csrf": "x"])
            #expect(stale.status == 303 && stale.headers[.location] == "/login")
            // Someone logged in already goes straight there.
            let session = try await Self.logIn(client, world.ours.parents[0])
            let again = try await Self.fetch(client, .get, "/login?next=%2Fcalendar", cookies: ["sessiondesk_session": session])
            #expect(again.headers[.location] == "/calendar")
        }
    }

    @Test func theDashboardShowsWhatWaitsAndEscapesWhatPeopleWrote() async throws {
        try await withAPI(.sqlite) { client, world in
            let admin = world.token(world.ours.admin)
            let student = try await client.call(
                .post, "/api/v1/students", token: admin, json: #"{"name":"<script>alert(1)</script>","guardianIds":["\#(world.ours.parents[0].id)"]}"#
            )
            let studentID = try #require(student.json["id"] as? String)
            let engagement = try await client.call(
                .post, "/api/v1/engagements", token: admin,
                json:
                    #"{"tutorId":"\#(world.ours.tutors[0].id)","studentId":"\#(studentID)","subjectId":"\#(world.ours.subjects[0].id)","clientRatePerHour":1,"tutorPayRatePerHour":1}"#
            )
            let engagementID = try #require(engagement.json["id"] as? String)
            let request = try await client.call(
                .post, "/api/v1/session-requests", token: world.token(world.ours.parents[0]),
                json: #"{"engagementId":"\#(engagementID)","start":"2026-03-26T10:00:00Z"}"#)
            #expect(request.status == 201)

            let session = try await Self.logIn(client, world.ours.tutors[0])
            let home = try await Self.fetch(client, .get, "/", cookies: ["sessiondesk_session": session])
            #expect(home.body.contains("1 request waits for your answer"))
            #expect(home.body.contains("Thu 26 Mar 10:00–11:00 GMT"))
            #expect(home.body.contains("Answer by Thu 26 Mar 00:00 GMT"))
            #expect(home.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!home.body.contains("<script>alert(1)</script>"))
        }
    }
}

@Suite struct WebInvitationTests {
    @Test func anInvitationLinkSetsThePasswordOnceAndLogsIn() async throws {
        try await withAPI(.sqlite) { client, world in
            let invited = try await client.call(
                .post, "/api/v1/invitations", token: world.token(world.ours.admin),
                json: #"{"email":"robin@family.example","name":"Robin <Parent>","role":"parent","canRequestSessions":true}"#)
            let link = try #require(invited.json["link"] as? String)
            let path = String(link.dropFirst("https://desk.test".count))

            let page = try await WebLoginTests.fetch(client, .get, path)
            #expect(page.status == 200)
            #expect(page.body.contains("Robin &lt;Parent&gt;, choose a password"))
            let csrf = try #require(page.csrfField)
            let cookie = try #require(page.cookie("sessiondesk_login"))

            let short = try await WebLoginTests.fetch(
                client, .post, path, cookies: ["sessiondesk_login": cookie], form: ["password": "short", "csrf": csrf])
            #expect(short.status == 422)
            #expect(short.body.contains("A password needs at least 10 characters."))
            #expect(short.body.contains("<form method=\"post\""), "the form stays for another try")

            let retry = try await WebLoginTests.fetch(client, .get, path)
            let done = try await WebLoginTests.fetch(
                client, .post, path, cookies: ["sessiondesk_login": retry.cookie("sessiondesk_login")!],
                form: ["password": "a long enough password", "csrf": retry.csrfField!])
            #expect(done.status == 303 && done.headers[.location] == "/")
            let session = try #require(done.cookie("sessiondesk_session"))
            let home = try await WebLoginTests.fetch(client, .get, "/", cookies: ["sessiondesk_session": session])
            #expect(home.body.contains("Hello, Robin &lt;Parent&gt;"))

            let used = try await WebLoginTests.fetch(client, .get, path)
            #expect(used.status == 410)
            #expect(used.body.contains("This invitation was already used. Log in with your email and password."))
            #expect(used.body.contains("<a href=\"/login\">Log in</a>") && !used.body.contains("<form method=\"post\""))
            #expect(try await WebLoginTests.fetch(client, .get, "/invitations/not-a-token").status == 404)
        }
    }
}
