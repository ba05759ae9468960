import Foundation
import HTTPTypes
import Scheduling
import TestSupport
import Testing

/// Bad input gets a clear answer and changes nothing.
@Suite struct BadInputTests {
    @Test(arguments: TestDatabase.available)
    func malformedOrIncompleteJSONIs400NamingTheField(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let admin = world.token(world.ours.admin)
            let broken = try await client.call(.post, "/api/v1/subjects", token: admin, json: #"{"name": "#)
            #expect(broken.status == 400)
            #expect(broken.json["type"] as? String == "urn:sessiondesk:problem:malformed")
            #expect(broken.json["title"] as? String == "The request could not be read")
            #expect(broken.headers[.contentType] == "application/problem+json")

            let missing = try await client.call(
                .post, "/api/v1/engagements", token: admin, json: #"{"tutorId":"a","studentId":"b","subjectId":"c","clientRatePerHour":1}"#)
            #expect(missing.status == 400)
            #expect(missing.problemFields == ["tutorPayRatePerHour"])
            #expect(missing.detail == "tutorPayRatePerHour is required.")

            let wrongType = try await client.call(
                .put, "/api/v1/tutors/\(world.ours.tutors[0].id)/availability", token: admin,
                json:
                    #"{"weekly":[{"weekday":"monday","start":"09:00","end":"12:00"},{"weekday":"funday","start":"09:00","end":"10:00"}],"overrides":[],"timeOff":[]}"#
            )
            #expect(wrongType.status == 400)
            #expect(wrongType.problemFields == ["weekly[1].weekday"])

            let wrongMediaType = try await client.call(
                .post, "/api/v1/subjects", token: admin, json: "name=Art", contentType: "application/x-www-form-urlencoded")
            #expect(wrongMediaType.status == 415)

            let missingQuery = try await client.call(
                .get, "/api/v1/engagements/\(world.ours.engagements[0].id)/free-slots?from=2026-03-26", token: admin)
            #expect(missingQuery.status == 400)
        }
    }

    /// Values that read as JSON but name no real instant or number of minutes are refused naming
    /// their field, never as "not valid JSON" and never rounded to something else.
    @Test(arguments: TestDatabase.available)
    func impossibleDatesTimesAndNumbersAreRefusedNamingTheField(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let parent = world.token(world.ours.parents[0])
            let engagement = world.ours.engagements[0].id
            for start in ["2027-02-30T16:00:00Z", "2027-02-26T16:00:00+99:00", "2027-02-26T16:00:00", "2027-02-26T23:59:60Z", "tomorrow"] {
                let refused = try await client.call(
                    .post, "/api/v1/session-requests", token: parent, json: #"{"engagementId":"\#(engagement)","start":"\#(start)"}"#)
                #expect(refused.status == 400 && refused.problemFields == ["start"], "\(start): \(refused.body)")
                #expect(refused.detail.contains(start), "\(start): \(refused.detail)")
            }
            let fraction = try await client.call(
                .post, "/api/v1/session-requests", token: parent,
                json: #"{"engagementId":"\#(engagement)","start":"2026-03-26T10:00:00Z","durationMinutes":60.5}"#)
            #expect(fraction.status == 400 && fraction.problemFields == ["durationMinutes"], "\(fraction.body)")
            for query in ["from=0000-01-01&to=2026-03-30", "from=2026-03-01&to=9999-12-31", "from=2026-02-30&to=2026-03-30"] {
                let listed = try await client.call(.get, "/api/v1/sessions?\(query)", token: parent)
                #expect(listed.status == 422 && listed.problemFields.count == 1, "\(query): \(listed.body)")
            }
            let requests = try await client.call(.get, "/api/v1/session-requests", token: parent)
            #expect(requests.items.isEmpty)
        }
    }

    /// One-line fields refuse line breaks and text-direction overrides (which would split an email
    /// header or disguise a name); email addresses refuse letters outside ASCII; a note keeps its
    /// line breaks.
    @Test(arguments: TestDatabase.available)
    func oneLineFieldsRefuseLineBreaksAndDirectionOverrides(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let admin = world.token(world.ours.admin)
            let cases: [(String, String, String)] = [
                ("/api/v1/tutors", #"{"name":"Ann\r\nBcc: victim@example.org","email":"ann@northside.example"}"#, "name"),
                ("/api/v1/tutors", #"{"name":"Ann \u202Eevil","email":"ann@northside.example"}"#, "name"),
                ("/api/v1/tutors", #"{"name":"Ann \u2066x","email":"ann@northside.example"}"#, "name"),
                ("/api/v1/tutors", #"{"name":"Ann","email":"zoë@northside.example"}"#, "email"),
                ("/api/v1/tutors", #"{"name":"Ann","email":"ann@northside.example\nBcc: x@y.z"}"#, "email"),
                ("/api/v1/subjects", #"{"name":"Ma\nths"}"#, "name"),
                (
                    "/api/v1/engagements",
                    #"{"tutorId":"\#(world.ours.tutors[0].id)","studentId":"\#(world.ours.students[0].id)","subjectId":"\#(world.ours.subjects[0].id)","clientRatePerHour":1,"tutorPayRatePerHour":1,"location":"Room 1\rX"}"#,
                    "location"
                ),
            ]
            for (path, json, field) in cases {
                let refused = try await client.call(.post, path, token: admin, json: json)
                #expect(refused.status == 422 && refused.problemFields == [field], "\(json): \(refused.body)")
            }
            let note = try await client.call(
                .post, "/api/v1/session-requests", token: world.token(world.ours.parents[0]),
                json: #"{"engagementId":"\#(world.ours.engagements[0].id)","start":"2026-03-26T10:00:00Z","note":"Line one\nLine two"}"#)
            #expect(note.status == 201, "\(note.body)")
            let conversation = try await client.call(
                .get, "/api/v1/session-requests/\(note.json["id"] as? String ?? "")/conversation", token: world.token(world.ours.parents[0]))
            #expect(conversation.body.contains(#"Line one\nLine two"#))
        }
    }

    @Test(arguments: TestDatabase.available)
    func ruleBreakingInputIs422WithTheReasonAndChangesNothing(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let admin = world.token(world.ours.admin)
            let zone = try await client.call(
                .patch, "/api/v1/organization/settings", token: admin, json: #"{"timeZone":"Europe/Londn","requestNoticeHours":12}"#)
            #expect(zone.status == 422)
            #expect(zone.json["title"] as? String == "The request breaks a rule")
            #expect(zone.problemFields == ["timeZone"])
            #expect(zone.detail.contains("\"Europe/Londn\" is not an IANA time zone name"))
            let organization = try await client.call(.get, "/api/v1/organization", token: admin)
            #expect((organization.json["settings"] as? [String: Any])?["requestNoticeHours"] as? Int == 72, "a refused change changes nothing")
            let india = try await client.call(.patch, "/api/v1/organization/settings", token: admin, json: #"{"timeZone":"Asia/Kolkata"}"#)
            #expect(india.status == 200 && india.json["timeZone"] as? String == "Asia/Kolkata", "India's canonical name: \(india.body)")

            let rate = try await client.call(
                .post, "/api/v1/engagements", token: admin,
                json:
                    #"{"tutorId":"\#(world.ours.tutors[1].id)","studentId":"\#(world.ours.students[2].id)","subjectId":"\#(world.ours.subjects[0].id)","clientRatePerHour":-100,"tutorPayRatePerHour":2000}"#
            )
            #expect(rate.status == 422)
            #expect(rate.detail == "The client rate cannot be negative.")
            let engagements = try await client.call(.get, "/api/v1/engagements", token: admin)
            #expect(engagements.items.count == 3)

            let backwards = try await client.call(
                .put, "/api/v1/tutors/\(world.ours.tutors[0].id)/availability", token: admin,
                json:
                    #"{"weekly":[{"weekday":"monday","start":"17:00","end":"09:00"}],"overrides":[],"timeOff":[{"start":"2026-04-02T10:00:00Z","end":"2026-04-01T10:00:00Z"}]}"#
            )
            #expect(backwards.status == 422)
            #expect(backwards.problemFields == ["timeOff[0].end"])
            let backwardsHours = try await client.call(
                .put, "/api/v1/tutors/\(world.ours.tutors[0].id)/availability", token: admin,
                json:
                    #"{"weekly":[{"weekday":"monday","start":"17:00","end":"09:00"},{"weekday":"monday","start":"25:00","end":"26:00"}],"overrides":[],"timeOff":[]}"#
            )
            #expect(backwardsHours.status == 422)
            #expect(backwardsHours.problemFields == ["weekly[1].start", "weekly[1].end"])
            let hoursLeft = try await client.call(.get, "/api/v1/tutors/\(world.ours.tutors[0].id)/availability", token: admin)
            #expect((hoursLeft.json["weekly"] as? [Any])?.count == 5, "the weekday hours are untouched")

            let range = try await client.call(
                .get, "/api/v1/engagements/\(world.ours.engagements[0].id)/free-slots?from=2026-03-27&to=2026-03-26", token: admin)
            #expect(range.status == 422)
            #expect(range.problemFields == ["to"])
            let badDate = try await client.call(
                .get, "/api/v1/engagements/\(world.ours.engagements[0].id)/free-slots?from=2026-02-30&to=2026-03-26", token: admin)
            #expect(badDate.status == 422)
            #expect(badDate.problemFields == ["from"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func unknownIdsAre404(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let admin = world.token(world.ours.admin)
            #expect(try await client.call(.get, "/api/v1/tutors/nobody/availability", token: admin).status == 404)
            #expect(try await client.call(.get, "/api/v1/engagements/none/free-slots?from=2026-03-26&to=2026-03-27", token: admin).status == 404)
            let student = try await client.call(.post, "/api/v1/students", token: admin, json: #"{"name":"Kit","guardianIds":["ghost"]}"#)
            #expect(student.status == 404)
            #expect(student.problemFields == ["guardianIds[0]"])
        }
    }
}

@Suite struct StrictInputTests {
    @Test func unknownFieldsNullsAndUndeclaredMethodsAreRefused() async throws {
        try await withAPI(.sqlite) { client, world in
            let admin = world.token(world.ours.admin)
            let typo = try await client.call(.patch, "/api/v1/organization/settings", token: admin, json: #"{"requestNoticeHour":24}"#)
            #expect(typo.status == 400)
            #expect(typo.detail == "requestNoticeHour is not a field of this request.")
            let null = try await client.call(.post, "/api/v1/students", token: admin, json: #"{"name":"Kit","guardianIds":[],"notes":null}"#)
            #expect(null.status == 400)
            #expect(null.problemFields == ["notes"])
            let students = try await client.call(.get, "/api/v1/students", token: admin)
            #expect(students.items.count == 3, "nothing was created")
            let trace = try await client.call(.delete, "/api/v1/tutors", token: admin)
            #expect(trace.status == 405)
            #expect(trace.headers[.allow] == "GET, POST")
            #expect(try await client.call(.get, "/api/v1/no-such-thing", token: admin).status == 404)
        }
    }

    @Test func theNulCharacterIsRefusedWhereverItIsAndTheWordNullIsText() async throws {
        try await withAPI(.sqlite) { client, world in
            let admin = world.token(world.ours.admin)
            let inBody = try await client.call(.post, "/api/v1/students", token: admin, json: #"{"name":"Kit\u0000","guardianIds":[]}"#)
            #expect(inBody.status == 422 && inBody.problemFields == ["name"])
            let nested = try await client.call(.post, "/api/v1/students", token: admin, json: #"{"name":"Kit","guardianIds":[null]}"#)
            #expect(nested.status == 400 && nested.problemFields == ["guardianIds[0]"])
            #expect(try await client.call(.get, "/api/v1/students?x=%00", token: admin).status == 422)
            #expect(try await client.call(.get, "/api/v1/session-requests/a%00b", token: admin).status == 422)
            #expect(try await client.call(.get, "/api/v1/students?x=%2500", token: admin).status == 200, "a percent sign, then zeros")
            let word = try await client.call(
                .post, "/api/v1/students", token: admin, json: #"{"name":"Null Nullington","guardianIds":[],"notes":"null \\u0000"}"#)
            #expect(word.status == 201, "the word null and an escaped backslash are text: \(word.body)")
        }
    }
}
