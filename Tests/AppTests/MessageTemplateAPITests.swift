import Foundation
import HummingbirdTesting
import Notifications
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

/// The office rewords a message; the next message of that kind uses the new words, in that
/// organization only; preview and reset; nobody else may touch templates.
@Suite struct MessageTemplateAPITests {
    static let declineBody = #"""
        {"subject":"No session for {{recipient}}: {{what}}","body":"Dear {{recipient}},\n\n{{actor}} cannot take {{what}}.{{#message}} \"{{message}}\"{{/message}}\n\n{{link}}","text":"{{actor}} declined {{what}}. {{link}}"}
        """#

    @Test(arguments: TestDatabase.available)
    func theOfficesWordingIsWhatTheFamilyReceives(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let admin = world.token(ours.admin)
            let list = try await client.call(.get, "/api/v1/message-templates", token: admin)
            #expect(list.status == 200 && list.items.count == 24)
            let declined = try #require(list.items.first { $0["kind"] as? String == "declined" })
            #expect(declined["isCustom"] as? Bool == false && (declined["subject"] as? String)?.hasPrefix("Session request declined") == true)

            let preview = try await client.call(.post, "/api/v1/message-templates/declined/preview", token: admin, json: Self.declineBody)
            #expect(preview.status == 200)
            #expect(preview.json["subject"] as? String == "No session for Grace Hopper: Maths with Ada Lovelace")
            #expect(preview.json["text"] as? String == "Ms Shah declined Maths with Ada Lovelace. https://desk.example/requests/r1")

            let saved = try await client.call(.put, "/api/v1/message-templates/declined", token: admin, json: Self.declineBody)
            #expect(saved.status == 200 && saved.json["isCustom"] as? Bool == true && saved.json["updatedAt"] != nil)

            let parent = ours.parents[0]
            let asked = try await client.call(
                .post, "/api/v1/session-requests", token: world.token(parent),
                json: LifecycleAPITests.requestBody(ours.engagements[0].id, LifecycleAPITests.thursday10))
            let requestID = try #require(asked.json["id"] as? String)
            let reason = #"Away <b>that</b> week {{link}}"#
            #expect(
                try await client.call(
                    .post, "/api/v1/session-requests/\(requestID)/decline", token: world.token(ours.tutors[0]),
                    json: #"{"reason":"\#(reason)"}"#
                ).status == 200)
            let message = try #require(
                try await world.store.read { db in try await db.outboxMessages(organizationID: ours.organization.id, recipientID: parent.id) }
                    .first { $0.kind == "declined" })
            #expect(message.subject.hasPrefix("No session for \(parent.name): "))
            let tutor = ours.tutors[0]
            let tutorsCopy = try #require(
                try await world.store.read { db in try await db.outboxMessages(organizationID: ours.organization.id, recipientID: tutor.id) }
                    .first { $0.kind == "declined" })
            #expect(tutorsCopy.subject.hasPrefix("No session for \(tutor.name): "), "a subject naming the recipient is rendered for each")
            #expect(message.body.hasPrefix("Dear \(parent.name),\n\n\(ours.tutors[0].name) cannot take "))
            #expect(message.body.contains(#" "\#(reason)""#), "the reason as typed, braces and all")

            let theirs = try await client.call(.get, "/api/v1/message-templates", token: world.token(world.theirs.admin))
            #expect(theirs.items.allSatisfy { $0["isCustom"] as? Bool == false }, "another organization keeps the standard wording")

            let reset = try await client.call(.delete, "/api/v1/message-templates/declined", token: admin)
            #expect(reset.status == 200 && reset.json["isCustom"] as? Bool == false)
            #expect((reset.json["subject"] as? String)?.hasPrefix("Session request declined") == true)
        }
    }

    @Test func everyKindsStandardWordingPreviewsThroughTheAPI() async throws {
        try await withAPI(.sqlite) { client, world in
            let admin = world.token(world.ours.admin)
            let items = try await client.call(.get, "/api/v1/message-templates", token: admin).items
            #expect(Set(items.compactMap { $0["kind"] as? String }) == Set(MessageKind.allCases.map(\.rawValue)))
            for item in items {
                let kind = try #require(item["kind"] as? String)
                var input: [String: Any] = ["subject": item["subject"] ?? "", "body": item["body"] ?? ""]
                if let text = item["text"] { input["text"] = text }
                let json = String(decoding: try JSONSerialization.data(withJSONObject: input), as: UTF8.self)
                let preview = try await client.call(.post, "/api/v1/message-templates/\(kind)/preview", token: admin, json: json)
                #expect(preview.status == 200, "\(kind): \(preview.body)")
                #expect((preview.json["body"] as? String)?.contains("Grace Hopper") == true, "\(kind) greets the sample recipient")
            }
        }
    }

    @Test func aStoredWordingThatNoLongerCompilesFallsBackToTheStandardOne() async throws {
        try await withAPI(.sqlite) { client, world in
            let ours = world.ours
            // Saving checks every wording; only a row written some other way (an older version's
            // rules) can be broken like this.
            try await world.store.write { db in
                try await db.saveMessageTemplate(
                    StoredMessageTemplate(kind: "requested", subject: "{{#unclosed}}", body: "x", text: "x", updatedBy: nil, updatedAt: testEpoch),
                    organizationID: ours.organization.id)
            }
            let asked = try await client.call(
                .post, "/api/v1/session-requests", token: world.token(ours.parents[0]),
                json: LifecycleAPITests.requestBody(ours.engagements[0].id, LifecycleAPITests.thursday10))
            #expect(asked.status == 201, "a broken wording never blocks a request")
            let sent = try await world.store.read { db in
                try await db.outboxMessages(organizationID: ours.organization.id, recipientID: ours.tutors[0].id)
            }
            #expect(sent.first?.subject.hasPrefix("Session requested: ") == true)
        }
    }

    @Test(arguments: TestDatabase.available)
    func mistakesAreRefusedAndOnlyTheOfficeMayEdit(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let admin = world.token(world.ours.admin)
            let unknown = try await client.call(
                .put, "/api/v1/message-templates/reminder", token: admin, json: #"{"subject":"Today","body":"{{actor}}","text":"x"}"#)
            #expect(unknown.status == 422 && unknown.problemFields == ["body"] && unknown.detail.hasPrefix("{{actor}} is not a field"))
            let texted = try await client.call(
                .put, "/api/v1/message-templates/invitation", token: admin, json: #"{"subject":"Hi","body":"{{link}}","text":"{{link}}"}"#)
            #expect(texted.status == 422 && texted.problemFields == ["text"])
            #expect(try await client.call(.put, "/api/v1/message-templates/nonsense", token: admin, json: Self.declineBody).status == 400)
            for person in [world.ours.tutors[0], world.ours.parents[0]] {
                let token = world.token(person)
                #expect(try await client.call(.get, "/api/v1/message-templates", token: token).status == 403)
                #expect(try await client.call(.put, "/api/v1/message-templates/declined", token: token, json: Self.declineBody).status == 403)
                #expect(try await client.call(.delete, "/api/v1/message-templates/declined", token: token).status == 403)
                #expect(
                    try await client.call(.post, "/api/v1/message-templates/declined/preview", token: token, json: Self.declineBody).status == 403)
            }
        }
    }
}
