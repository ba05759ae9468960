import Foundation
import Logging
import NIOCore
import TestSupport
import Testing

@testable import Notifications

/// The client against a real SMTP server (aiosmtpd) in each of its modes.
@Suite struct SMTPClientTests {
    static let logger = Logger(label: "sessiondesk.tests.smtp")

    func mail(_ number: Int, to recipient: String = "parent@family.example") -> OutgoingMail {
        let message = MailMessage(
            from: MailAddress(name: "Northside", address: "office@northside.example"), to: [MailAddress(address: recipient)],
            subject: "Message \(number)", text: "Line one\n.leading dot\nthe end", html: "<p>hi</p>", messageID: "m\(number)@northside.example",
            date: Date(timeIntervalSince1970: 1_795_435_200))
        return OutgoingMail(sender: "office@northside.example", recipients: [recipient], data: message.rendered())
    }

    func send(_ mails: [OutgoingMail], to server: SMTPServer) async throws -> [Result<Void, SMTPError>] {
        let client = try SMTPClient(server: server, clientName: "northside.example", replyTimeout: .seconds(10), logger: Self.logger)
        var results: [Int: Result<Void, SMTPError>] = [:]
        await client.send(mails) { index, result in results[index] = result }
        return mails.indices.map { results[$0]! }
    }

    @Test func plainServerReceivesSeveralMessagesOnOneConnection() async throws {
        try await SMTPTestServer.with { server in
            let results = try await send((1...3).map { mail($0) }, to: SMTPServer(url: "smtp://127.0.0.1:\(server.port)"))
            #expect(results.allSatisfy { (try? $0.get()) != nil })
            let received = try server.received()
            #expect(received.map(\.messageID) == ["<m1@northside.example>", "<m2@northside.example>", "<m3@northside.example>"])
            #expect(received.allSatisfy { !$0.tls && $0.login == nil })
            let first = try server.message(1)
            #expect(first.contains("\r\n=2Eleading dot\r\n") || first.contains("\r\n.leading dot\r\n"), "the dot line survives stuffing")
            #expect(first.contains("Subject: Message 1\r\n"))
        }
    }

    @Test func startTLSThenAuthPlain() async throws {
        try await SMTPTestServer.with(mode: .starttls, login: "desk:s3cret:x") { server in
            let url = "smtp://desk:s3cret%3Ax@localhost:\(server.port)?ca=\(server.certificatePath)"
            let results = try await send([mail(1)], to: SMTPServer(url: url))
            #expect((try? results[0].get()) != nil, "\(results)")
            let received = try server.received()
            #expect(received.count == 1 && received[0].tls && received[0].login == "desk")
        }
    }

    /// RFC 3207 §4.2: what the server sent before TLS is discarded. A man in the middle appends a
    /// reply to the 220 that starts TLS (one without AUTH); taken as the answer to the EHLO sent
    /// inside TLS, it would make the client give up on logging in, or worse.
    @Test func repliesInjectedBeforeTLSAreDiscarded() async throws {
        for injected in ["250 injected.example", "250-injected.example\r\n250 SIZE 1", "25"] {
            try await SMTPTestServer.with(mode: .starttls, login: "desk:s3cret", injectAfterStartTLS: injected) { server in
                let url = "smtp://desk:s3cret@localhost:\(server.port)?ca=\(server.certificatePath)"
                let results = try await send([mail(1)], to: SMTPServer(url: url))
                #expect((try? results[0].get()) != nil, "injected \(injected): \(results)")
                let received = try server.received()
                #expect(received.count == 1 && received[0].tls && received[0].login == "desk")
            }
        }
    }

    @Test func implicitTLSWithAuth() async throws {
        try await SMTPTestServer.with(mode: .tls, login: "desk:pw") { server in
            let url = "smtps://desk:pw@localhost:\(server.port)?ca=\(server.certificatePath)"
            let results = try await send([mail(1), mail(2)], to: SMTPServer(url: url))
            #expect(results.allSatisfy { (try? $0.get()) != nil }, "\(results)")
            #expect(try server.received().map(\.login) == ["desk", "desk"])
        }
    }

    @Test func wrongPasswordOrUntrustedCertificateFailsWithoutSending() async throws {
        try await SMTPTestServer.with(mode: .starttls, login: "desk:pw") { server in
            let wrong = try await send([mail(1)], to: SMTPServer(url: "smtp://desk:nope@localhost:\(server.port)?ca=\(server.certificatePath)"))
            guard case .failure(let error) = wrong[0] else { Issue.record("a wrong password was accepted"); return }
            #expect(!error.isPermanent, "credentials can be fixed, so messages wait: \(error)")
            let untrusted = try await send([mail(2)], to: SMTPServer(url: "smtp://desk:pw@localhost:\(server.port)"))
            guard case .failure = untrusted[0] else { Issue.record("an untrusted certificate was accepted"); return }
            #expect(try server.received().isEmpty)
        }
    }

    @Test func aRefusedRecipientFailsForGoodAndTheOthersStillGo() async throws {
        try await SMTPTestServer.with(reject: "nobody") { server in
            let results = try await send(
                [mail(1), mail(2, to: "nobody@family.example"), mail(3)], to: SMTPServer(url: "smtp://127.0.0.1:\(server.port)"))
            guard case .failure(let error) = results[1] else { Issue.record("the refused recipient succeeded"); return }
            #expect(error.isPermanent)
            #expect((try? results[0].get()) != nil && (try? results[2].get()) != nil)
            #expect(try server.received().map(\.messageID) == ["<m1@northside.example>", "<m3@northside.example>"])
        }
    }

    @Test func aTemporaryRefusalIsNotPermanent() async throws {
        try await SMTPTestServer.with(tempfail: 1) { server in
            let results = try await send([mail(1), mail(2)], to: SMTPServer(url: "smtp://127.0.0.1:\(server.port)"))
            guard case .failure(let error) = results[0] else { Issue.record("the 451 was taken as success"); return }
            #expect(!error.isPermanent)
            #expect((try? results[1].get()) != nil)
        }
    }

    @Test func aServerThatIsDownFailsEveryMessageTemporarily() async throws {
        let port = try await SMTPTestServer.with { $0.port }
        let results = try await send([mail(1), mail(2)], to: SMTPServer(url: "smtp://127.0.0.1:\(port)"))
        for result in results {
            guard case .failure(let error) = result else { Issue.record("delivered to a stopped server"); continue }
            #expect(!error.isPermanent)
        }
    }
}
