import Foundation
import Scheduling
import Storage
import Synchronization
import TestSupport
import Testing
import Workflows

@testable import App
@testable import Notifications

/// Text messages through a local receiver speaking Twilio's REST shape: the request it gets, how
/// its answers become outcomes, and a family that chose texts receiving one after a booking.
@Suite struct SMSDeliveryTests {
    static func gateway(_ port: Int, from: String = "+15005550006") throws -> SMSGateway {
        try SMSGateway(url: "http://AC0123:s3cr%2Bet@127.0.0.1:\(port)", from: from)
    }

    static func text(_ id: String, to: String, body: String) -> OutboxMessage {
        OutboxMessage(
            id: id, organizationID: "org", recipientID: nil, channel: .sms, address: to, kind: "accepted", subject: "Session confirmed",
            body: body, createdAt: testEpoch)
    }

    @Test func eachTextIsAFormPostWithTheAccountsCredentialsAndEachAnswerAnOutcome() async throws {
        try await SMSGatewayReceiver.with(answer: { received in
            switch received.form["To"] {
            case "+447700900001": (201, #"{"sid":"SM1","status":"queued"}"#)
            case "+1234": (400, #"{"code":21211,"message":"The 'To' number +1234 is not a valid phone number.","status":400}"#)
            case "+447700900003": (429, #"{"code":20429,"message":"Too Many Requests","status":429}"#)
            default: (401, #"{"code":20003,"message":"Authenticate","status":401}"#)
            }
        }) { port, receiver in
            let transport = SMSTransport(gateway: try Self.gateway(port), logger: TestDatabase.logger)
            let body = "Northside: Ms Shah confirmed Maths & Physics on Thu 26 Mar 10:00 GMT (café, 100%+).\nhttps://desk.test/r/1?a=b"
            let messages = [
                Self.text("m1", to: "+447700900001", body: body), Self.text("m2", to: "+1234", body: "x"),
                Self.text("m3", to: "+447700900003", body: "y"), Self.text("m4", to: "+447700900004", body: "z"),
            ]
            let outcomes = Mutex<[Int: DeliveryOutcome]>([:])
            await transport.deliver(messages) { index, outcome in outcomes.withLock { $0[index] = outcome } }
            let results = outcomes.withLock { $0 }
            #expect(results[0] == .delivered)
            #expect(
                results[1]
                    == .failed(
                        "the SMS gateway refused the message (HTTP 400): The 'To' number +1234 is not a valid phone number. (code 21211)",
                        permanent: true))
            #expect(results[2] == .failed("the SMS gateway is busy or failing (HTTP 429): Too Many Requests (code 20429)", permanent: false))
            #expect(results[3] == .failed("the SMS gateway refused our credentials (HTTP 401): Authenticate (code 20003)", permanent: false))

            let first = try #require(receiver.requests.first)
            #expect(first.method == "POST" && first.path == "/2010-04-01/Accounts/AC0123/Messages.json")
            #expect(first.authorization == "Basic " + Data("AC0123:s3cr+et".utf8).base64EncodedString())
            #expect(first.contentType == "application/x-www-form-urlencoded")
            #expect(first.form == ["To": "+447700900001", "From": "+15005550006", "Body": body])
            #expect(receiver.requests.count == 4)
        }
    }

    @Test func aMessagingServiceIsNamedAsOneAndAnUnreachableGatewayIsForLater() async throws {
        let service = try SMSGateway(url: "https://AC9:t@api.twilio.example", from: "MG" + String(repeating: "a", count: 32))
        #expect(
            SMSGatewayReceiver.formFields(service.form(to: "+447700900001", body: "Hi")) == [
                "To": "+447700900001", "MessagingServiceSid": "MG" + String(repeating: "a", count: 32), "Body": "Hi",
            ])
        #expect(service.messagesURL.absoluteString == "https://api.twilio.example/2010-04-01/Accounts/AC9/Messages.json")
        #expect(!service.description.contains("t@") && service.description.contains("AC9"), "the token stays out of logs")

        let closed = SMSTransport(gateway: try Self.gateway(1), timeout: .seconds(1), logger: TestDatabase.logger)
        let outcome = Mutex<DeliveryOutcome?>(nil)
        await closed.deliver([Self.text("m1", to: "+447700900001", body: "x")]) { _, result in outcome.withLock { $0 = result } }
        guard case .failed(let reason, let permanent)? = outcome.withLock({ $0 }) else {
            Issue.record("an unreachable gateway is a failure")
            return
        }
        #expect(!permanent && reason.hasPrefix("the SMS gateway at 127.0.0.1 could not be reached"))
    }

    @Test func theGatewayComesFromConfiguration() throws {
        let configured = try AppConfiguration(
            reader: AppConfiguration.reader(commandLine: [
                "sms.url": .string("https://AC1:tok@api.twilio.example"), "sms.from": .string("+15005550006"),
            ]))
        #expect(configured.delivery.sms?.account == "AC1" && configured.delivery.sms?.from == "+15005550006")
        #expect(try AppConfiguration(reader: AppConfiguration.reader(commandLine: [:])).delivery.sms == nil)
        #expect(throws: SMSGateway.Invalid.self) {
            try AppConfiguration(reader: AppConfiguration.reader(commandLine: ["sms.url": .string("https://AC1:tok@api.twilio.example")]))
        }
    }

    @Test func aGatewayURLMustCarryCredentialsOverTLSAndASender() {
        #expect(throws: SMSGateway.Invalid.self) { try SMSGateway(url: "http://AC1:t@sms.example.com", from: "+15005550006") }
        #expect(throws: SMSGateway.Invalid.self) { try SMSGateway(url: "https://sms.example.com", from: "+15005550006") }
        #expect(throws: SMSGateway.Invalid.self) { try SMSGateway(url: "https://AC1:t@sms.example.com", from: "07700 900123") }
        #expect(throws: SMSGateway.Invalid.self) { try SMSGateway(url: "https://AC1:t@sms.example.com", from: "") }
        #expect(throws: Never.self) { try SMSGateway(url: "http://AC1:t@localhost:8080", from: "+15005550006") }
    }

    @Test(arguments: TestDatabase.available)
    func aFamilyThatChoseTextsGetsOneAndEveryoneElseAnEmail(_ database: TestDatabase) async throws {
        try await withAPI(database, textMessages: true) { client, world in
            let ours = world.ours
            let parent = ours.parents[0]
            let chose = try await client.call(
                .put, "/api/v1/me/notification-settings", token: world.token(parent), json: #"{"notifyBy":"sms","phone":"+44 7700 900123"}"#)
            #expect(chose.status == 200 && chose.json["notifyBy"] as? String == "sms" && chose.json["phone"] as? String == "+447700900123")
            let booked = try await client.call(
                .post, "/api/v1/sessions", token: world.token(ours.admin),
                json: #"{"engagementId":"\#(ours.engagements[0].id)","start":"2026-03-26T10:00:00Z"}"#)
            #expect(booked.status == 201)
            let outbox = try await world.store.read { db in try await db.outboxMessages(organizationID: ours.organization.id, limit: 100) }
            let toParent = try #require(outbox.first { $0.recipientID == parent.id })
            #expect(toParent.channel == .sms && toParent.address == "+447700900123" && toParent.attachment == nil)
            #expect(toParent.body.hasPrefix("\(ours.organization.name): ") && toParent.body.contains("https://desk.test/sessions/"))
            let toTutor = try #require(outbox.first { $0.recipientID == ours.tutors[0].id })
            #expect(toTutor.channel == .email && toTutor.attachment != nil, "the tutor kept email, with the calendar invitation")

            let folder = try MailFolder(path: FileManager.default.temporaryDirectory.appendingPathComponent("sd-sms-\(UUID().uuidString)").path)
            defer { try? FileManager.default.removeItem(atPath: folder.path) }
            try await SMSGatewayReceiver.with { port, receiver in
                let router = ChannelRouter(
                    email: EmailTransport(carrier: .folder(folder), composition: EmailComposition(sender: MailAddress(address: "o@desk.test"))),
                    sms: SMSTransport(gateway: try Self.gateway(port), logger: TestDatabase.logger))
                let runner = JobRunner(
                    store: world.store, transport: router, policy: RetryPolicy(), worker: "w", now: { world.clock.now }, logger: TestDatabase.logger)
                let report = try await runner.runDue(limit: 100, lanes: 2)
                #expect(report.delivered == outbox.count && report.dead == 0)
                #expect(receiver.requests.map { $0.form["To"] } == ["+447700900123"])
                #expect(receiver.requests.first?.form["Body"] == toParent.body)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func choosingTextsNeedsAnInternationalNumberAndAGateway(_ database: TestDatabase) async throws {
        try await withAPI(database, textMessages: true) { client, world in
            let token = world.token(world.ours.parents[0])
            let local = try await client.call(
                .put, "/api/v1/me/notification-settings", token: token, json: #"{"notifyBy":"sms","phone":"07700 900123"}"#)
            #expect(local.status == 422 && local.problemFields == ["notifyBy"])
            #expect(local.detail.hasPrefix("Text messages need a mobile number in international form"))
            let none = try await client.call(.put, "/api/v1/me/notification-settings", token: token, json: #"{"notifyBy":"sms"}"#)
            #expect(none.status == 422)
            let back = try await client.call(.put, "/api/v1/me/notification-settings", token: token, json: #"{"notifyBy":"email","phone":""}"#)
            #expect(back.status == 200 && back.json["phone"] == nil && back.json["notifyBy"] as? String == "email")
            #expect(try await client.call(.get, "/api/v1/me", token: token).json["notifyBy"] as? String == "email")
        }
        try await withAPI(database) { client, world in
            let refused = try await client.call(
                .put, "/api/v1/me/notification-settings", token: world.token(world.ours.parents[0]),
                json: #"{"notifyBy":"sms","phone":"+447700900123"}"#)
            #expect(refused.status == 422 && refused.detail == "Text messages are not set up here yet, so news comes by email.")
        }
    }
}
