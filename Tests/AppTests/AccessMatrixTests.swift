import Foundation
import HTTPTypes
import Scheduling
import TestSupport
import Testing

/// Role × operation × own/other organization: what each person may do, and that another
/// organization's ids answer exactly like missing ones.
@Suite struct AccessMatrixTests {
    struct Operation: Sendable, CustomStringConvertible {
        let id: String
        let method: HTTPRequest.Method
        /// The path and body aimed at things of `org` (unique names from `n`).
        let request: @Sendable (TestOrganization, Int) -> (path: String, body: String?)
        /// Expected status for admin, tutor 0 and parent 0 of the same organization.
        let expected: (admin: Int, tutor: Int, parent: Int)
        /// Whether the request names ids of `org` (so aiming it at another organization must answer 404).
        let namesIDs: Bool
        var description: String { id }
    }

    static let operations: [Operation] = [
        .init(id: "getCurrentUser", method: .get, request: { _, _ in ("/api/v1/me", nil) }, expected: (200, 200, 200), namesIDs: false),
        .init(id: "getOrganization", method: .get, request: { _, _ in ("/api/v1/organization", nil) }, expected: (200, 200, 200), namesIDs: false),
        .init(
            id: "updateOrganizationSettings", method: .patch, request: { _, _ in ("/api/v1/organization/settings", #"{"requestNoticeHours":72}"#) },
            expected: (200, 403, 403), namesIDs: false),
        .init(id: "listTutors", method: .get, request: { _, _ in ("/api/v1/tutors", nil) }, expected: (200, 200, 200), namesIDs: false),
        .init(
            id: "createTutor", method: .post,
            request: { _, n in ("/api/v1/tutors", #"{"name":"New Tutor","email":"tutor\#(n)@new.example","sendInvitation":false}"#) },
            expected: (201, 403, 403), namesIDs: false),
        .init(id: "listParents", method: .get, request: { _, _ in ("/api/v1/parents", nil) }, expected: (200, 200, 403), namesIDs: false),
        .init(
            id: "createInvitation", method: .post,
            request: { _, n in ("/api/v1/invitations", #"{"name":"Invited","email":"invited\#(n)@new.example","role":"parent"}"#) },
            expected: (201, 403, 403), namesIDs: false),
        .init(id: "listStudents", method: .get, request: { _, _ in ("/api/v1/students", nil) }, expected: (200, 200, 200), namesIDs: false),
        .init(
            id: "createStudent", method: .post,
            request: { org, _ in ("/api/v1/students", #"{"name":"New Student","guardianIds":["\#(org.parents[0].id)"]}"#) },
            expected: (201, 403, 403), namesIDs: true),
        .init(id: "listSubjects", method: .get, request: { _, _ in ("/api/v1/subjects", nil) }, expected: (200, 200, 200), namesIDs: false),
        .init(
            id: "createSubject", method: .post, request: { _, n in ("/api/v1/subjects", #"{"name":"Subject \#(n)"}"#) }, expected: (201, 403, 403),
            namesIDs: false),
        .init(id: "listEngagements", method: .get, request: { _, _ in ("/api/v1/engagements", nil) }, expected: (200, 200, 200), namesIDs: false),
        .init(
            id: "createEngagement", method: .post,
            request: { org, _ in
                (
                    "/api/v1/engagements",
                    #"{"tutorId":"\#(org.tutors[0].id)","studentId":"\#(org.students[1].id)","subjectId":"\#(org.subjects[0].id)","clientRatePerHour":4000,"tutorPayRatePerHour":2500}"#
                )
            }, expected: (201, 403, 403), namesIDs: true),
        .init(
            id: "getAvailability", method: .get, request: { org, _ in ("/api/v1/tutors/\(org.tutors[0].id)/availability", nil) },
            expected: (200, 200, 403), namesIDs: true),
        .init(
            id: "updateAvailability", method: .put,
            request: { org, _ in
                (
                    "/api/v1/tutors/\(org.tutors[0].id)/availability",
                    #"{"weekly":[{"weekday":"monday","start":"09:00","end":"12:00"}],"overrides":[],"timeOff":[]}"#
                )
            }, expected: (200, 200, 403), namesIDs: true),
        .init(
            id: "listFreeSlots", method: .get,
            request: { org, _ in ("/api/v1/engagements/\(org.engagements[0].id)/free-slots?from=2026-03-26&to=2026-03-27", nil) },
            expected: (200, 200, 200), namesIDs: true),
        .init(
            id: "updatePerson", method: .put,
            request: { org, _ in ("/api/v1/people/\(org.tutors[0].id)", #"{"name":"Tutor Zero","email":"\#(org.tutors[0].email)"}"#) },
            expected: (200, 403, 403), namesIDs: true),
        .init(
            id: "revokeInvitation", method: .delete, request: { org, _ in ("/api/v1/people/\(org.tutors[0].id)/invitation", nil) },
            expected: (409, 403, 403), namesIDs: true),
        .init(
            id: "updateStudent", method: .put,
            request: { org, _ in ("/api/v1/students/\(org.students[0].id)", #"{"name":"Student Zero","guardianIds":["\#(org.parents[0].id)"]}"#) },
            expected: (200, 403, 403), namesIDs: true),
        .init(
            id: "updateSubject", method: .put, request: { org, n in ("/api/v1/subjects/\(org.subjects[1].id)", #"{"name":"English \#(n)"}"#) },
            expected: (200, 403, 403), namesIDs: true),
        .init(
            id: "updateEngagement", method: .put,
            request: { org, _ in
                (
                    "/api/v1/engagements/\(org.engagements[0].id)",
                    #"{"clientRatePerHour":5200,"tutorPayRatePerHour":3100,"defaultDurationMinutes":60,"sessionType":"Online"}"#
                )
            }, expected: (200, 403, 403), namesIDs: true),
        .init(
            id: "logSession", method: .post,
            request: { org, n in
                // A past day each call, so that no two logged sessions meet.
                let day = LocalDate(iso: "2025-06-02")!.adding(days: n % 250)
                return ("/api/v1/session-log", #"{"engagementId":"\#(org.engagements[0].id)","date":"\#(day.iso)","startTime":"16:00"}"#)
            }, expected: (201, 201, 403), namesIDs: true),
        .init(id: "listInvoices", method: .get, request: { _, _ in ("/api/v1/invoices", nil) }, expected: (200, 403, 200), namesIDs: false),
        .init(
            id: "getTutorEarnings", method: .get, request: { _, _ in ("/api/v1/earnings?from=2026-03-01&to=2026-03-31", nil) },
            expected: (200, 200, 403), namesIDs: false),
        .init(
            id: "exportTutorEarnings", method: .get, request: { _, _ in ("/api/v1/exports/earnings?from=2026-03-01&to=2026-03-31", nil) },
            expected: (200, 200, 403), namesIDs: false),
        .init(id: "listBalances", method: .get, request: { _, _ in ("/api/v1/balances", nil) }, expected: (200, 403, 200), namesIDs: false),
        // After logSession, whose sessions it bills (the office's first call takes them all).
        .init(
            id: "createInvoice", method: .post, request: { org, _ in ("/api/v1/invoices", #"{"clientId":"\#(org.parents[0].id)"}"#) },
            expected: (201, 403, 403), namesIDs: true),
        // Last: it ends engagement 0.
        .init(
            id: "endEngagement", method: .post, request: { org, _ in ("/api/v1/engagements/\(org.engagements[0].id)/end", nil) },
            expected: (200, 403, 403), namesIDs: true),
    ]

    @Test(arguments: TestDatabase.available)
    func eachRoleGetsWhatItMayInItsOwnOrganization(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            var n = 0
            for operation in Self.operations {
                let people = [
                    (world.ours.admin, operation.expected.admin), (world.ours.tutors[0], operation.expected.tutor),
                    (world.ours.parents[0], operation.expected.parent),
                ]
                for (person, expected) in people {
                    n += 1
                    let (path, body) = operation.request(world.ours, n)
                    let response = try await client.call(operation.method, path, token: world.token(person), json: body)
                    #expect(response.status == expected, "\(operation) as \(person.role): \(response.body)")
                    if expected >= 400 {
                        #expect(response.headers[.contentType] == "application/problem+json", "\(operation) as \(person.role)")
                    }
                }
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func anotherOrganizationsIdsAnswerLikeMissingOnes(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            var n = 1000
            for operation in Self.operations where operation.namesIDs {
                for person in [world.ours.admin, world.ours.tutors[0], world.ours.parents[0]] {
                    n += 1
                    let (foreignPath, foreignBody) = operation.request(world.theirs, n)
                    let foreign = try await client.call(operation.method, foreignPath, token: world.token(person), json: foreignBody)
                    let ownExpected = [Role.admin: operation.expected.admin, .tutor: operation.expected.tutor, .parent: operation.expected.parent][
                        person.role]!
                    // A role refused everywhere stays refused; otherwise the foreign id is simply not there.
                    let expected = ownExpected == 403 ? 403 : 404
                    #expect(foreign.status == expected, "\(operation) as \(person.role) with foreign ids: \(foreign.body)")
                    if expected == 404 {
                        let missingPath = foreignPath.replacingOccurrences(of: world.theirs.tutors[0].id, with: "missing-id")
                            .replacingOccurrences(of: world.theirs.engagements[0].id, with: "missing-id")
                        let missingBody = foreignBody.map { body in
                            [world.theirs.tutors[0].id, world.theirs.parents[0].id, world.theirs.students[1].id, world.theirs.subjects[0].id]
                                .reduce(body) { $0.replacingOccurrences(of: $1, with: "missing-id") }
                        }
                        let missing = try await client.call(operation.method, missingPath, token: world.token(person), json: missingBody)
                        #expect(missing.status == 404)
                        #expect(
                            missing.json["detail"] as? String == foreign.json["detail"] as? String,
                            "\(operation): a foreign id must read exactly like a missing one")
                    }
                }
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func listsNeverShowAnotherOrganization(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let theirIDs = Set(
                ([world.theirs.admin] + world.theirs.tutors + world.theirs.parents).map(\.id) + world.theirs.students.map(\.id)
                    + world.theirs.subjects.map(\.id) + world.theirs.engagements.map(\.id))
            for person in [world.ours.admin, world.ours.tutors[0], world.ours.parents[0]] {
                for path in ["/api/v1/tutors", "/api/v1/parents", "/api/v1/students", "/api/v1/subjects", "/api/v1/engagements"] {
                    let response = try await client.call(.get, path, token: world.token(person))
                    #expect(response.ids.isDisjoint(with: theirIDs), "\(path) as \(person.role)")
                }
            }
            let organization = try await client.call(.get, "/api/v1/organization", token: world.token(world.theirs.parents[0]))
            #expect(organization.json["id"] as? String == world.theirs.organization.id)
        }
    }

    @Test(arguments: TestDatabase.available)
    func withoutATokenEveryProtectedOperationAnswers401(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            for (index, operation) in Self.operations.enumerated() {
                let (path, body) = operation.request(world.ours, index)
                for token in [nil, "not-a-token"] as [String?] {
                    let response = try await client.call(operation.method, path, token: token, json: body)
                    #expect(response.status == 401, "\(operation) with token \(token ?? "none")")
                    #expect(response.headers[.wwwAuthenticate] == "Bearer")
                }
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func rolesSeeOnlyWhatConcernsThem(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let parentStudents = try await client.call(.get, "/api/v1/students", token: world.token(ours.parents[1]))
            #expect(parentStudents.ids == [ours.students[2].id])
            #expect(parentStudents.items.first?["notes"] == nil, "office notes are not shown to parents")
            let tutorEngagements = try await client.call(.get, "/api/v1/engagements", token: world.token(ours.tutors[1]))
            #expect(tutorEngagements.ids == [ours.engagements[1].id])
            #expect(tutorEngagements.items.first?["clientRatePerHour"] == nil, "a tutor does not see what the family pays")
            #expect(tutorEngagements.items.first?["tutorPayRatePerHour"] as? Int == 3000)
            let parentEngagements = try await client.call(.get, "/api/v1/engagements", token: world.token(ours.parents[0]))
            #expect(parentEngagements.ids == [ours.engagements[0].id, ours.engagements[1].id])
            #expect(parentEngagements.items.allSatisfy { $0["tutorPayRatePerHour"] == nil && $0["clientRatePerHour"] as? Int == 5000 })
            let parentTutors = try await client.call(.get, "/api/v1/tutors", token: world.token(ours.parents[1]))
            #expect(parentTutors.ids == [ours.tutors[0].id])
        }
    }
}
