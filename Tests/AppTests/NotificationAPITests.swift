import Foundation
import HummingbirdTesting
import Scheduling
import Storage
import TestSupport
import Testing

/// `listNotifications`, `listDeadLetters` and `retryDeadLetter`: each person their own messages,
/// the office its organization's dead letters, nobody anyone else's.
@Suite struct NotificationAPITests {
    @Test(arguments: TestDatabase.available)
    func peopleSeeTheirOwnAndTheOfficeRetriesDeadLetters(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let booked = try await client.call(
                .post, "/api/v1/sessions", token: world.token(ours.admin),
                json: #"{"engagementId":"\#(ours.engagements[0].id)","start":"2026-03-27T10:00:00Z"}"#)
            #expect(booked.status == 201 || booked.status == 200)

            let parent = ours.parents[0]
            let mine = try await client.call(.get, "/api/v1/notifications", token: world.token(parent))
            #expect(mine.status == 200)
            let message = try #require(mine.items.first)
            #expect(mine.items.allSatisfy { $0["recipientId"] as? String == parent.id })
            #expect((message["subject"] as? String)?.hasPrefix("Session booked") == true && message["delivery"] as? String == "queued")
            #expect(message["address"] as? String == parent.email)
            let theirs = try await client.call(.get, "/api/v1/notifications", token: world.token(world.theirs.parents[0]))
            #expect(theirs.status == 200 && theirs.items.isEmpty)
            // The office reads the organization's messages, as on its Messages page, others' texts withheld.
            let office = try await client.call(.get, "/api/v1/notifications", token: world.token(ours.admin))
            let copy = try #require(office.items.first { $0["id"] as? String == message["id"] as? String })
            #expect(copy["body"] as? String == "Only \(parent.email) can read this message.")
            #expect(Set(office.items.compactMap { $0["recipientId"] as? String }).isSuperset(of: [parent.id, ours.tutors[0].id]))
            #expect(try await client.call(.get, "/api/v1/notifications", token: world.token(world.theirs.admin)).items.isEmpty)

            // The worker gives up on the message (as after a 550).
            let id = try #require(message["id"] as? String)
            try await world.store.write { db in
                _ = try await db.claimJobs(worker: "w", limit: 100, now: world.clock.now, leaseEnds: world.clock.now.addingTimeInterval(60))
                _ = try await db.buryJob(id: id, worker: "w", now: world.clock.now, error: "550 5.1.1 No such mailbox here")
            }
            #expect(try await client.call(.get, "/api/v1/dead-letters", token: world.token(parent)).status == 403)
            #expect(try await client.call(.get, "/api/v1/dead-letters", token: world.token(ours.tutors[0])).status == 403)
            let dead = try await client.call(.get, "/api/v1/dead-letters", token: world.token(ours.admin))
            #expect(dead.ids == [id])
            #expect(
                dead.items.first?["delivery"] as? String == "failed" && dead.items.first?["lastError"] as? String == "550 5.1.1 No such mailbox here")
            #expect(try await client.call(.get, "/api/v1/dead-letters", token: world.token(world.theirs.admin)).items.isEmpty)
            // A message's text (which may hold a one-time link) is for its recipient only.
            #expect(dead.items.first?["body"] as? String == "Only \(parent.email) can read this message.")
            #expect((message["body"] as? String)?.hasPrefix("Hello \(parent.name),") == true)

            let retry = "/api/v1/dead-letters/\(id)/retry"
            #expect(try await client.call(.post, retry, token: world.token(world.theirs.admin)).status == 404, "another organization's")
            #expect(try await client.call(.post, retry, token: world.token(parent)).status == 403)
            #expect(try await client.call(.post, retry, token: world.token(ours.admin)).status == 204)
            #expect(try await client.call(.get, "/api/v1/dead-letters", token: world.token(ours.admin)).items.isEmpty)
            #expect(try await client.call(.post, retry, token: world.token(ours.admin)).status == 404, "no longer dead")
            let requeued = try await client.call(.get, "/api/v1/notifications", token: world.token(parent))
            #expect(requeued.items.first { $0["id"] as? String == id }?["delivery"] as? String == "queued")
        }
    }
}
