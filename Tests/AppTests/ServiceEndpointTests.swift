import Foundation
import HTTPTypes
import Notifications
import Scheduling
import Storage
import TestSupport
import Testing

@Suite struct ServiceEndpointTests {
    static let operationIDs = [
        "login", "logout", "getCurrentUser", "createInvitation", "acceptInvitation", "getOrganization", "updateOrganizationSettings",
        "listTutors", "createTutor", "listParents", "listStudents", "createStudent", "listSubjects", "createSubject", "listEngagements",
        "createEngagement", "getAvailability", "updateAvailability", "listFreeSlots", "createSessionRequest", "getSessionRequest",
        "listSessionRequests", "acceptSessionRequest", "declineSessionRequest", "proposeSessionTime", "respondToProposal",
        "withdrawSessionRequest", "listSessions", "createSession", "getSession", "cancelSession", "getConversation", "listAuditEvents",
        "requestSessionCancellation", "deleteSessionCancellationRequest", "listNotifications", "listDeadLetters", "retryDeadLetter",
        "getCalendarFeedURL", "resetCalendarFeedURL", "updateNotificationSettings", "listMessageTemplates", "updateMessageTemplate",
        "resetMessageTemplate", "previewMessageTemplate", "logSession", "completeSession", "markLateCancellation", "saveSessionReport",
        "sendSessionEmail", "exportSessions",
    ]

    @Test func theOpenAPIDocumentIsServedAndNamesEveryOperation() async throws {
        try await withAPI(.sqlite) { client, _ in
            let document = try await client.call(.get, "/openapi.yaml")
            #expect(document.status == 200)
            #expect(document.headers[.contentType]?.hasPrefix("application/yaml") == true)
            #expect(document.body.hasPrefix("openapi: 3.1.0"))
            for id in Self.operationIDs { #expect(document.body.contains("operationId: \(id)\n"), "\(id)") }
            let source = try String(
                contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                    .appendingPathComponent("../../Sources/API/openapi.yaml").standardizedFileURL, encoding: .utf8)
            #expect(document.body == source, "the served document is the one the server code is generated from")
        }
    }

    @Test func healthReadinessAndMetrics() async throws {
        try await withAPI(.sqlite) { client, world in
            let health = try await client.call(.get, "/health")
            #expect(health.status == 200 && health.json["status"] as? String == "ok")
            let ready = try await client.call(.get, "/ready")
            #expect(ready.status == 200)
            #expect(try await client.call(.get, "/metrics").status == 401, "anyone who reaches the port")
            #expect(try await client.call(.get, "/metrics", token: "test-metrics-token-0123456780").status == 401)
            let metrics = try await client.call(.get, "/metrics", token: APIWorld.metricsToken)
            #expect(metrics.status == 200)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
            try await world.store.close()
            let notReady = try await client.call(.get, "/ready")
            #expect(notReady.status == 503)
            #expect(try await client.call(.get, "/health").status == 200, "liveness does not depend on the database")
        }
    }
}
