import Foundation
import Logging
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

@testable import App
@testable import Notifications

/// Jobs through the runner to a real SMTP server: delivered once, retried after failures, dead
/// when refused, on both databases.
@Suite struct DeliveryTests {
    static let logger: Logger = {
        var logger = Logger(label: "sessiondesk.tests.delivery")
        logger.logLevel = .critical
        return logger
    }()
    static let sender = MailAddress(name: "Northside Tutoring", address: "office@northside.example")

    static func enqueue(
        _ count: Int, in org: TestOrganization, store: any Store, at time: Date, address: (Int) -> String = { "parent\($0)@family.example" }
    )
        async throws -> [OutboxMessage]
    {
        let messages = (0..<count).map { index in
            OutboxMessage(
                id: "m\(10_000 + index)", organizationID: org.organization.id, recipientID: org.parents[0].id, channel: .email,
                address: address(index), kind: "accepted", subject: "Session confirmed \(index)",
                body: "Hello,\n\nDetails: https://desk.example/sessions/s\(index)", createdAt: time)
        }
        try await store.write { db in try await db.enqueue(messages) }
        return messages
    }

    static func runner(_ store: any Store, transport: any MessageTransport, clock: TestClock, attempts: Int = 5) -> JobRunner {
        JobRunner(
            store: store, transport: transport, policy: RetryPolicy(maxAttempts: attempts, firstDelay: 10, longestDelay: 60), worker: "test",
            lease: 120, now: { clock.now }, random: { 0.5 }, logger: logger)
    }

    static func smtp(_ server: SMTPTestServer) throws -> EmailTransport {
        let client = try SMTPClient(server: SMTPServer(url: "smtp://127.0.0.1:\(server.port)"), clientName: "northside.example", logger: logger)
        return EmailTransport(carrier: .smtp(client), composition: EmailComposition(sender: sender))
    }

    @Test(arguments: TestDatabase.available)
    func everyMessageArrivesOnceWithItsStableMessageID(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let clock = TestClock(testEpoch)
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            let messages = try await Self.enqueue(40, in: org, store: store, at: testEpoch)
            try await SMTPTestServer.with { server in
                let runner = Self.runner(store, transport: try Self.smtp(server), clock: clock)
                let report = try await runner.runDue(limit: 100, lanes: 3)
                #expect(report.claimed == 40 && report.delivered == 40 && report.retried == 0 && report.dead == 0)
                #expect(try await runner.runDue(limit: 100, lanes: 3) == JobRunner.Report(), "nothing is left to run")
                let received = try server.received()
                #expect(received.map(\.messageID).sorted() == messages.map { "<\($0.id)@northside.example>" }.sorted())
                #expect(received.allSatisfy { $0.from == "office@northside.example" })
                let mail = try server.message(1)
                #expect(mail.contains("Content-Type: text/html; charset=utf-8"))
                #expect(mail.contains("<a href=3D\"https://desk.example/sessions/s"), "links are clickable in the HTML part")
            }
            let counts = try await store.read { db in try await db.jobCounts() }
            #expect(counts[.done] == 40 && counts[.queued] == nil && counts[.running] == nil)
            let unsent = try await store.read { db in
                try await db.sql.raw("SELECT COUNT(*) AS n FROM outbox_messages WHERE sent_at IS NULL").first(decodingColumn: "n", as: Int.self)
            }
            #expect(unsent == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aServerThatWasDownGetsEveryMessageOnceAfterBackoff(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let clock = TestClock(testEpoch)
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            _ = try await Self.enqueue(10, in: org, store: store, at: testEpoch)
            // A port nobody listens on, which the server then takes.
            let port = try await SMTPTestServer.with { $0.port }
            let down = try SMTPTestServer.smtpTransport(port: port, sender: Self.sender, logger: Self.logger)
            let failed = try await Self.runner(store, transport: down, clock: clock).runDue(limit: 100, lanes: 2)
            #expect(failed.retried == 10 && failed.delivered == 0)
            // Attempt 1 failed: the next is due after 10 s × (½ + ½ × 0.5) = 7.5 s.
            clock.advance(by: 7)
            #expect(try await Self.runner(store, transport: down, clock: clock).runDue(limit: 100, lanes: 2).claimed == 0, "backoff is respected")
            clock.advance(by: 1)
            try await SMTPTestServer.with(port: port) { server in
                let report = try await Self.runner(store, transport: down, clock: clock).runDue(limit: 100, lanes: 2)
                #expect(report.delivered == 10)
                let received = try server.received().map(\.messageID)
                #expect(received.count == 10 && Set(received).count == 10)
            }
            let job = try await store.read { db in try await db.job(id: "m10000") }
            #expect(job?.state == .done && job?.attempts == 2 && job?.lastError?.contains("could not reach") == true)
        }
    }

    @Test(arguments: TestDatabase.available)
    func refusedMessagesAreDeadLetteredAndCanBeRetried(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let clock = TestClock(testEpoch)
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            _ = try await Self.enqueue(3, in: org, store: store, at: testEpoch) { $0 == 1 ? "nobody@family.example" : "parent\($0)@family.example" }
            try await SMTPTestServer.with(reject: "nobody") { server in
                let report = try await Self.runner(store, transport: try Self.smtp(server), clock: clock).runDue(limit: 100, lanes: 1)
                #expect(report.delivered == 2 && report.dead == 1 && report.retried == 0, "a 550 is not retried")
            }
            let dead = try await store.read { db in try await db.deadJobs(organizationID: org.organization.id) }
            #expect(dead.map(\.id) == ["m10001"] && dead[0].lastError?.contains("550") == true)
            #expect(try await store.write { db in try await db.reviveJob(id: "m10001", organizationID: org.organization.id, now: clock.now) })
            try await SMTPTestServer.with { server in
                let report = try await Self.runner(store, transport: try Self.smtp(server), clock: clock).runDue(limit: 100, lanes: 1)
                #expect(report.delivered == 1)
                #expect(try server.received().map(\.to) == [["nobody@family.example"]])
            }
        }
    }

    @Test func transientFailuresStopAfterTheLastAttempt() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let clock = TestClock(testEpoch)
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            _ = try await Self.enqueue(1, in: org, store: store, at: testEpoch)
            let port = try await SMTPTestServer.with { $0.port }
            let down = try SMTPTestServer.smtpTransport(port: port, sender: Self.sender, logger: Self.logger)
            var outcomes: [JobRunner.Report] = []
            for _ in 0..<3 {
                outcomes.append(try await Self.runner(store, transport: down, clock: clock, attempts: 3).runDue(limit: 10, lanes: 1))
                clock.advance(by: 3600)
            }
            #expect(outcomes.map(\.retried) == [1, 1, 0] && outcomes.map(\.dead) == [0, 0, 1])
            let job = try await store.read { db in try await db.job(id: "m10000") }
            #expect(job?.state == .dead && job?.attempts == 3)
        }
    }

    @Test func withoutAnSMTPServerMessagesBecomeEmlFiles() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let clock = TestClock(testEpoch)
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            let messages = try await Self.enqueue(2, in: org, store: store, at: testEpoch)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("sessiondesk-mail-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let folder = try MailFolder(path: path)
            let transport = EmailTransport(carrier: .folder(folder), composition: EmailComposition(sender: Self.sender))
            let report = try await Self.runner(store, transport: transport, clock: clock).runDue(limit: 10, lanes: 1)
            #expect(report.delivered == 2)
            let files = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            #expect(files == messages.map { "\($0.id)_northside.example.eml" })
            let text = try String(contentsOfFile: path + "/" + files[0], encoding: .utf8)
            #expect(text.contains("Message-ID: <\(messages[0].id)@northside.example>\r\n") && text.contains("Subject: Session confirmed 0\r\n"))
        }
    }

    @Test func smsWithoutAGatewayIsDeadLetteredNotEmailed() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let clock = TestClock(testEpoch)
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            let text = OutboxMessage(
                id: "sms1", organizationID: org.organization.id, recipientID: org.parents[0].id, channel: .sms, address: "+447700900123",
                kind: "accepted", subject: "", body: "Confirmed", createdAt: testEpoch)
            try await store.write { db in try await db.enqueue(text) }
            try await SMTPTestServer.with { server in
                let router = ChannelRouter(email: try Self.smtp(server), sms: nil)
                let report = try await Self.runner(store, transport: router, clock: clock).runDue(limit: 10, lanes: 1)
                #expect(report.dead == 1 && report.delivered == 0)
                #expect(try server.received().isEmpty)
            }
        }
    }
}

extension SMTPTestServer {
    /// A transport to whatever listens (or not) on `port`.
    static func smtpTransport(port: Int, sender: MailAddress, logger: Logger) throws -> EmailTransport {
        let client = try SMTPClient(server: SMTPServer(url: "smtp://127.0.0.1:\(port)"), clientName: "northside.example", logger: logger)
        return EmailTransport(carrier: .smtp(client), composition: EmailComposition(sender: sender))
    }
}
