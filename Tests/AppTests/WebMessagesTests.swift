import Foundation
import HummingbirdTesting
import Scheduling
import Storage
import TestSupport
import Testing

/// The Messages page: each person's own messages; the office's view of everyone's, with the ones
/// delivery gave up on and a button to send them again.
@Suite struct WebMessagesTests {
    @Test func peopleReadTheirOwnAndTheOfficeSendsDeadLettersAgain() async throws {
        try await withAPI(.sqlite) { client, world in
            let ours = world.ours
            let booked = try await client.call(
                .post, "/api/v1/sessions", token: world.token(ours.admin),
                json: #"{"engagementId":"\#(ours.engagements[0].id)","start":"2026-03-27T10:00:00Z"}"#)
            #expect(booked.status == 201)
            let parent = try await WebRequestTests.visitor(client, ours.parents[0])
            let own = try await parent.get("/messages")
            #expect(own.status == 200 && own.body.contains("Session booked") && own.body.contains("waiting to be sent"))
            #expect(!own.body.contains("Delivery gave up"), "families do not see the office's dead letters")
            let session = try #require(booked.json["id"] as? String)
            #expect(
                own.body.contains(#"Details: <a href="/sessions/\#(session)">https://desk.test/sessions/\#(session)</a>"#),
                "the page's address is a link")

            let records = try await world.store.read { db in try await db.notifications(organizationID: ours.organization.id) }
            let failing = try #require(records.first { $0.message.recipientID == ours.parents[0].id })
            try await world.store.write { db in
                _ = try await db.claimJobs(worker: "w", limit: 100, now: world.clock.now, leaseEnds: world.clock.now.addingTimeInterval(60))
                _ = try await db.buryJob(id: failing.message.id, worker: "w", now: world.clock.now, error: "550 5.1.1 <x> No such mailbox")
            }
            let office = try await WebRequestTests.visitor(client, ours.admin)
            let page = try await office.get("/messages")
            #expect(page.body.contains("Delivery gave up on these") && page.body.contains("550 5.1.1 &lt;x&gt; No such mailbox"))
            #expect(!page.body.contains("Hello Parent Zero,") && page.body.contains("Only \(ours.parents[0].email) can read this message."))
            #expect(page.body.contains("action=\"/messages/\(failing.message.id)/retry\""))
            #expect(try await parent.post("/messages/\(failing.message.id)/retry", [:], from: "/messages").status == 403)
            let retried = try await office.post("/messages/\(failing.message.id)/retry", [:], from: "/messages")
            #expect(retried.status == 302)
            let after = try await office.get("/messages")
            #expect(after.body.contains("Every message was delivered or is on its way."))
            let job = try await world.store.read { db in try await db.job(id: failing.message.id) }
            #expect(job?.state == .queued)
        }
    }
}
