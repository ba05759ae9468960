import Foundation
import HummingbirdTesting
import Scheduling
import TestSupport
import Testing

/// The session list (seed 002): filters, pages that never repeat or skip a session, and the CSV
/// export of exactly what is filtered, as a spreadsheet opens it.
@Suite struct SessionListAPITests {
    /// Six past sessions of tutor 0 (engagements 0 and 2) and one of tutor 1, with one report sent.
    static func logWeek(_ client: some TestClientProtocol, _ world: APIWorld) async throws -> [String] {
        let ours = world.ours
        var ids: [String] = []
        for (day, engagement) in [(16, 0), (17, 2), (17, 0), (18, 0), (19, 2), (20, 0), (20, 1)] {
            let time = engagement == 0 && day == 17 ? "11:00" : "16:00"
            let logged = try await client.call(
                .post, "/api/v1/session-log", token: world.token(ours.admin),
                json: #"{"engagementId":"\#(ours.engagements[engagement].id)","date":"2026-03-\#(day)","startTime":"\#(time)"}"#)
            ids.append(try #require(logged.json["id"] as? String, "\(logged.body)"))
        }
        let sent = try await client.call(
            .put, "/api/v1/sessions/\(ids[3])/report", token: world.token(ours.admin), json: #"{"report":"Good","send":true}"#)
        #expect(sent.status == 200)
        return ids
    }

    @Test(arguments: TestDatabase.available)
    func pagesFollowEachOtherAndFiltersNarrow(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let ids = try await Self.logWeek(client, world)
            let admin = world.token(ours.admin)
            var seen: [String] = []
            var path = "/api/v1/sessions?from=2026-03-16&to=2026-03-22&limit=3"
            var pages = 0
            while true {
                let page = try await client.call(.get, path, token: admin)
                #expect(page.status == 200 && page.items.count <= 3)
                seen += page.items.compactMap { $0["id"] as? String }
                pages += 1
                guard let next = page.json["nextCursor"] as? String else { break }
                path = "/api/v1/sessions?from=2026-03-16&to=2026-03-22&limit=3&cursor=\(next)"
            }
            #expect(pages == 3 && seen.count == 7 && Set(seen) == Set(ids), "every session once, in three pages")
            #expect(Array(seen.prefix(5)) == [ids[0], ids[2], ids[1], ids[3], ids[4]], "by start")
            #expect(Set(seen.suffix(2)) == [ids[5], ids[6]], "two at the same start, by id in the database's order")

            func list(_ query: String, as user: User? = nil) async throws -> Set<String> {
                let response = try await client.call(
                    .get, "/api/v1/sessions?from=2026-03-16&to=2026-03-22&\(query)", token: world.token(user ?? ours.admin))
                #expect(response.status == 200, "\(query): \(response.body)")
                return response.ids
            }
            #expect(try await list("clientId=\(ours.parents[1].id)") == [ids[1], ids[4]], "Parent One pays for Student Two")
            #expect(try await list("studentId=\(ours.students[0].id)") == [ids[0], ids[2], ids[3], ids[5]])
            #expect(try await list("subjectId=\(ours.subjects[1].id)") == [ids[6]])
            #expect(try await list("tutorId=\(ours.tutors[1].id)") == [ids[6]])
            #expect(try await list("report=sent") == [ids[3]])
            #expect(try await list("report=written") == [ids[3]])
            #expect(try await list("report=not_written").count == 6)
            #expect(try await list("cancellationRequested=true").isEmpty)
            #expect(try await list("status=completed").count == 7)
            #expect(try await list("", as: ours.tutors[1]) == [ids[6]], "a tutor lists their own")
            #expect(try await list("", as: ours.parents[1]) == [ids[1], ids[4]], "a family lists their children's")
            let bad = try await client.call(.get, "/api/v1/sessions?from=2026-03-16&to=2026-03-22&cursor=nonsense", token: admin)
            #expect(bad.status == 400 && bad.problemFields == ["cursor"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func theExportIsWhatIsFilteredAsASpreadsheetReadsIt(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            _ = try await Self.logWeek(client, world)
            // A name a spreadsheet would run as a formula, and one with a comma and quotes.
            let renamed = try await client.call(
                .put, "/api/v1/students/\(ours.students[2].id)", token: world.token(ours.admin),
                json: #"{"name":"=HYPERLINK(\"x\")","guardianIds":["\#(ours.parents[1].id)"]}"#)
            #expect(renamed.status == 200, "\(renamed.body)")
            let export = try await client.call(
                .get, "/api/v1/exports/sessions?from=2026-03-16&to=2026-03-22&tutorId=\(ours.tutors[0].id)", token: world.token(ours.admin))
            #expect(export.status == 200 && export.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(export.body.hasPrefix("\u{FEFF}Date,Start,End,Students,Clients,Tutor,Subject,Status,"))
            let lines = export.body.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 7, "a header and the six sessions of tutor 0")
            #expect(lines[0].hasSuffix("Report sent,Client amount,Tutor earnings,Currency,Invoices,Paid"))
            #expect(lines[1] == "2026-03-16,16:00,17:00,Student Zero,Parent Zero,Tutor Zero,Maths,completed,no,no,no,50.00,30.00,GBP,,no")
            #expect(lines.contains { $0.hasPrefix(#"2026-03-17,16:00,17:00,"'=HYPERLINK(""x"")",Parent One,"#) }, "neutralised and quoted")

            let tutorExport = try await client.call(
                .get, "/api/v1/exports/sessions?from=2026-03-16&to=2026-03-22", token: world.token(ours.tutors[1]))
            let tutorLines = tutorExport.body.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(
                tutorLines.count == 2 && !tutorLines[0].contains("Client amount") && tutorLines[1].hasSuffix("30.00,GBP")
                    && !tutorLines[0].contains("Invoices"))
            let familyExport = try await client.call(
                .get, "/api/v1/exports/sessions?from=2026-03-16&to=2026-03-22", token: world.token(ours.parents[1]))
            let familyLines = familyExport.body.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(familyLines.count == 3 && !familyLines[0].contains("Tutor earnings") && familyLines[1].hasSuffix(",50.00,GBP,,no"))
        }
    }
}
