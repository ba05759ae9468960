import Foundation
import HummingbirdTesting
import Scheduling
import Storage
import TestSupport
import Testing

/// The web pages for how people hear from SessionDesk: each person's choice of email or texts,
/// and the office's wording of every message, previewed, saved and reset.
@Suite struct WebMessageSettingsTests {
    @Test func aParentChoosesTextsAndIsToldWhatIsWrongFirst() async throws {
        try await withAPI(.sqlite, textMessages: true) { client, world in
            let parent = try await WebRequestTests.visitor(client, world.ours.parents[0])
            let page = try await parent.get("/messages")
            #expect(page.body.contains("How we reach you") && page.body.contains(#"value="email" checked"#))
            let local = try await parent.post("/messages/settings", ["notifyBy": "sms", "phone": "07700 900123"], from: "/messages")
            #expect(local.status == 422 && local.body.contains("Text messages need a mobile number in international form"))
            #expect(local.body.contains(#"value="07700 900123""#) && local.body.contains(#"value="sms" checked"#), "what they typed stays")
            let saved = try await parent.post("/messages/settings", ["notifyBy": "sms", "phone": "+44 7700 900123"], from: "/messages")
            #expect(saved.status == 302)
            let after = try await parent.get("/messages?saved=1")
            #expect(after.body.contains("Saved.") && after.body.contains(#"value="sms" checked"#) && after.body.contains(#"value="+447700900123""#))
            let office = try await WebRequestTests.visitor(client, world.ours.admin)
            #expect(try await office.get("/people").body.contains("+447700900123 (texts)"), "the office sees who chose texts")
        }
        try await withAPI(.sqlite) { client, world in
            let parent = try await WebRequestTests.visitor(client, world.ours.parents[0])
            let page = try await parent.get("/messages")
            #expect(page.body.contains(#"value="sms" disabled"#) && page.body.contains("Text messages are not set up here yet"))
        }
    }

    @Test func theOfficePreviewsSavesAndResetsAWording() async throws {
        try await withAPI(.sqlite) { client, world in
            let office = try await WebRequestTests.visitor(client, world.ours.admin)
            let list = try await office.get("/settings/messages")
            #expect(list.status == 200 && list.body.contains(#"href="/settings/messages/declined""#) && list.body.contains("standard wording"))
            let path = "/settings/messages/declined"
            let form = [
                "subject": "No session: {{what}}", "body": "Dear {{recipient}}, <b>sorry</b>. {{link}}", "text": "{{actor}}: no. {{link}}",
            ]
            let preview = try await office.post(path, form.merging(["action": "preview"], uniquingKeysWith: { $1 }), from: path)
            #expect(preview.status == 200 && preview.body.contains("Dear Grace Hopper, &lt;b&gt;sorry&lt;/b&gt;. https://desk.example/requests/r1"))
            #expect(preview.body.contains("Ms Shah: no. https://desk.example/requests/r1"))
            let wrong = try await office.post(path, form.merging(["action": "save", "body": "{{#message}}"], uniquingKeysWith: { $1 }), from: path)
            #expect(wrong.status == 422 && wrong.body.contains("The body has a mistake on line 1"))
            let saved = try await office.post(path, form.merging(["action": "save"], uniquingKeysWith: { $1 }), from: path)
            #expect(saved.status == 302)
            let custom = try await office.get(path + "?done=saved")
            #expect(custom.body.contains("Your organization's wording.") && custom.body.contains(#"value="No session: {{what}}""#))
            #expect(custom.body.contains("Back to the standard wording"))
            #expect(try await office.post(path, ["action": "reset"], from: path).status == 302)
            #expect(try await office.get(path).body.contains("The standard wording."))

            let tutor = try await WebRequestTests.visitor(client, world.ours.tutors[0])
            #expect(try await tutor.get("/settings/messages").status == 403)
            #expect(try await office.get("/settings/messages/nonsense").status == 404)
        }
    }
}
