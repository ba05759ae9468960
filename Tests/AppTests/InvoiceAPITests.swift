import Foundation
import HTTPTypes
import HummingbirdTesting
import Scheduling
import Storage
import TestSupport
import Testing

/// Invoices and payments (seed 002): the office drafts, issues and voids; families see their own
/// issued invoices and what they owe; numbers run on without gaps or reuse; a payment never takes
/// an invoice past its total.
@Suite struct InvoiceAPITests {
    /// Logs a past session of `engagement` on `date` at 16:00 for `minutes` and returns its id.
    static func logPast(_ client: any TestClientProtocol, _ world: APIWorld, _ engagement: String, _ date: String, minutes: Int = 60)
        async throws -> String
    {
        let logged = try await client.call(
            .post, "/api/v1/session-log", token: world.token(world.ours.admin),
            json: #"{"engagementId":"\#(engagement)","date":"\#(date)","startTime":"16:00","durationMinutes":\#(minutes)}"#)
        #expect(logged.status == 201, "\(logged.body)")
        return try #require(logged.json["id"] as? String)
    }

    @Test(arguments: TestDatabase.available)
    func theOfficeInvoicesAClientAndTheFamilyPaysInParts(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let admin = world.token(ours.admin)
            let (parent, otherParent) = (world.token(ours.parents[0]), world.token(ours.parents[1]))
            let monday = try await Self.logPast(client, world, ours.engagements[0].id, "2026-03-16")
            let tuesday = try await Self.logPast(client, world, ours.engagements[0].id, "2026-03-17", minutes: 90)
            _ = try await Self.logPast(client, world, ours.engagements[0].id, "2026-03-19")
            _ = try await Self.logPast(client, world, ours.engagements[2].id, "2026-03-18")
            let parentZero = ours.parents[0].id

            let draft = try await client.call(
                .post, "/api/v1/invoices", token: admin, json: #"{"clientId":"\#(parentZero)","upTo":"2026-03-18","note":"Spring term"}"#)
            #expect(draft.status == 201, "\(draft.body)")
            #expect(draft.json["number"] as? String == "INV-0001" && draft.json["status"] as? String == "draft")
            #expect(draft.json["total"] as? Int == 12500, "50.00/h for 60 and for 90 minutes; Thursday's session is after the day")
            let lines = try #require(draft.json["lines"] as? [[String: Any]])
            #expect(lines.map { $0["sessionId"] as? String } == [monday, tuesday])
            #expect(lines.first?["studentName"] as? String == "Student Zero" && lines.first?["tutorName"] as? String == "Tutor Zero")
            let id = try #require(draft.json["id"] as? String)

            #expect(try await client.call(.get, "/api/v1/invoices/\(id)", token: parent).status == 404, "a draft is the office's own")
            #expect(try await client.call(.get, "/api/v1/invoices/\(id)", token: world.token(ours.tutors[0])).status == 403)
            #expect(try await client.call(.get, "/api/v1/invoices/\(id)", token: world.token(world.theirs.admin)).status == 404)
            let again = try await client.call(.post, "/api/v1/invoices", token: admin, json: #"{"clientId":"\#(parentZero)","upTo":"2026-03-18"}"#)
            #expect(again.status == 409 && again.detail == "No sessions of Parent Zero up to Wed 18 Mar 2026 are waiting to be invoiced.")

            let issued = try await client.call(.post, "/api/v1/invoices/\(id)/issue", token: admin, json: "{}")
            #expect(issued.status == 200 && issued.json["status"] as? String == "issued")
            #expect(issued.json["issuedOn"] as? String == "2026-03-23" && issued.json["dueOn"] as? String == "2026-04-06", "14 days to pay")
            let edit = try await client.call(.put, "/api/v1/invoices/\(id)", token: admin, json: #"{"note":"changed"}"#)
            #expect(edit.status == 409 && edit.detail == "INV-0001 is issued, so it cannot be changed; only payments and a void change it now.")

            let mine = try await client.call(.get, "/api/v1/invoices", token: parent)
            #expect((mine.json["invoices"] as? [[String: Any]])?.compactMap { $0["number"] as? String } == ["INV-0001"])
            #expect((try await client.call(.get, "/api/v1/invoices", token: otherParent).json["invoices"] as? [Any])?.isEmpty == true)
            #expect(try await client.call(.get, "/api/v1/invoices/\(id)", token: otherParent).status == 404)
            #expect(try await client.call(.get, "/api/v1/invoices", token: world.token(ours.tutors[0])).status == 403)

            let part = try await client.call(
                .post, "/api/v1/invoices/\(id)/payments", token: admin,
                json: #"{"amount":5000,"paidOn":"2026-03-21","method":"bank_transfer","reference":"SMITH MARCH"}"#)
            #expect(part.status == 201 && part.json["amountPaid"] as? Int == 5000 && part.json["amountDue"] as? Int == 7500)
            let payments = try #require(part.json["payments"] as? [[String: Any]])
            #expect(payments.first?["reference"] as? String == "SMITH MARCH" && payments.first?["paidOn"] as? String == "2026-03-21")
            let over = try await client.call(
                .post, "/api/v1/invoices/\(id)/payments", token: admin, json: #"{"amount":8000,"method":"cash"}"#)
            #expect(over.status == 422 && over.detail == "£75.00 is due on INV-0001: a payment of £80.00 would be more than that.")
            let future = try await client.call(
                .post, "/api/v1/invoices/\(id)/payments", token: admin, json: #"{"amount":100,"method":"cash","paidOn":"2026-03-24"}"#)
            #expect(future.status == 422 && future.detail == "A payment cannot be dated after today, Mon 23 Mar 2026.")
            #expect(
                try await client.call(.post, "/api/v1/invoices/\(id)/payments", token: parent, json: #"{"amount":100,"method":"cash"}"#).status
                    == 403)

            let balances = try await client.call(.get, "/api/v1/balances", token: admin)
            #expect(balances.json["due"] as? Int == 7500 && balances.json["invoiced"] as? Int == 12500 && balances.json["paid"] as? Int == 5000)
            let rows = try #require(balances.json["clients"] as? [[String: Any]])
            #expect(rows.count == 1 && rows[0]["clientName"] as? String == "Parent Zero" && rows[0]["openInvoices"] as? Int == 1)
            #expect((try await client.call(.get, "/api/v1/balances", token: otherParent).json["clients"] as? [Any])?.isEmpty == true)
            #expect(try await client.call(.get, "/api/v1/balances", token: parent).json["due"] as? Int == 7500)
            #expect(try await client.call(.get, "/api/v1/balances", token: world.token(ours.tutors[0])).status == 403)

            let void = try await client.call(.post, "/api/v1/invoices/\(id)/void", token: admin, json: "{}")
            #expect(void.status == 409 && void.detail == "Payments are recorded on INV-0001, so it cannot be voided.")
            let rest = try await client.call(.post, "/api/v1/invoices/\(id)/payments", token: admin, json: #"{"amount":7500,"method":"card"}"#)
            #expect(rest.json["paid"] as? Bool == true && rest.json["amountDue"] as? Int == 0)
            let paidAgain = try await client.call(.post, "/api/v1/invoices/\(id)/payments", token: admin, json: #"{"amount":1,"method":"card"}"#)
            #expect(paidAgain.status == 409 && paidAgain.detail == "INV-0001 is paid in full.")

            // The session list says what is invoiced and paid, to the office and the family only.
            let week = "/api/v1/sessions?from=2026-03-16&to=2026-03-22"
            let invoiced = try await client.call(.get, week + "&invoiced=true", token: admin)
            #expect(invoiced.items.compactMap { $0["id"] as? String } == [monday, tuesday])
            #expect((invoiced.items.first?["invoices"] as? [[String: Any]])?.first?["number"] as? String == "INV-0001")
            #expect((invoiced.items.first?["invoices"] as? [[String: Any]])?.first?["paid"] as? Bool == true)
            #expect(try await client.call(.get, week + "&invoiced=false", token: admin).items.count == 2, "Thursday's and Parent One's")
            #expect(try await client.call(.get, week + "&paid=true", token: parent).items.count == 2)
            let theirs = try await client.call(.get, week, token: otherParent)
            #expect(theirs.items.count == 1 && (theirs.items[0]["invoices"] as? [Any])?.isEmpty == true)
            let tutorView = try await client.call(.get, week, token: world.token(ours.tutors[0]))
            #expect(tutorView.items.count == 4 && tutorView.items.allSatisfy { $0["invoices"] == nil }, "a tutor sees no billing")
            #expect(try await client.call(.get, week + "&paid=false", token: world.token(ours.tutors[0])).status == 403)

            let audit = try await client.call(.get, "/api/v1/audit-events?subjectId=\(id)", token: admin)
            #expect(
                audit.items.compactMap { $0["action"] as? String }.sorted()
                    == ["invoice_created", "invoice_issued", "payment_recorded", "payment_recorded"])
            #expect(
                audit.items.contains { $0["summary"] as? String == "recorded £50.00 from Parent Zero on INV-0001 (bank transfer), £75.00 still due" })
        }
    }

    @Test(arguments: TestDatabase.available)
    func draftsChangeAndGoWhileNumbersAreNeverUsedTwice(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let admin = world.token(ours.admin)
            let parentZero = ours.parents[0].id
            let first = try await Self.logPast(client, world, ours.engagements[0].id, "2026-03-16")
            let second = try await Self.logPast(client, world, ours.engagements[0].id, "2026-03-17")
            let create = #"{"clientId":"\#(parentZero)"}"#

            let deleted = try await client.call(.post, "/api/v1/invoices", token: admin, json: create)
            #expect(deleted.json["number"] as? String == "INV-0001" && deleted.json["total"] as? Int == 10000, "up to today by default")
            let deletedID = try #require(deleted.json["id"] as? String)
            #expect(try await client.call(.delete, "/api/v1/invoices/\(deletedID)", token: admin).status == 204)
            #expect(try await client.call(.get, "/api/v1/invoices/\(deletedID)", token: admin).status == 404)

            let draft = try await client.call(.post, "/api/v1/invoices", token: admin, json: create)
            #expect(draft.json["number"] as? String == "INV-0002", "a deleted draft's number is not used again")
            let id = try #require(draft.json["id"] as? String)
            let narrowed = try await client.call(
                .put, "/api/v1/invoices/\(id)", token: admin, json: #"{"sessionIds":["\#(first)"],"dueOn":"2026-04-30","note":"March"}"#)
            #expect(narrowed.status == 200 && narrowed.json["total"] as? Int == 5000 && narrowed.json["dueOn"] as? String == "2026-04-30")
            let other = try await client.call(
                .post, "/api/v1/invoices", token: admin, json: #"{"clientId":"\#(parentZero)","sessionIds":["\#(second)","\#(first)"]}"#)
            #expect(other.status == 201 && other.json["total"] as? Int == 5000, "the session taken off the draft is free; the other is not")
            let otherID = try #require(other.json["id"] as? String)
            #expect(try await client.call(.delete, "/api/v1/invoices/\(otherID)", token: admin).status == 204)

            let issued = try await client.call(.post, "/api/v1/invoices/\(id)/issue", token: admin, json: "{}")
            #expect(issued.json["dueOn"] as? String == "2026-04-30", "the draft's due date")
            #expect(try await client.call(.delete, "/api/v1/invoices/\(id)", token: admin).status == 409)
            let void = try await client.call(.post, "/api/v1/invoices/\(id)/void", token: admin, json: #"{"reason":"Wrong family"}"#)
            #expect(void.status == 200 && void.json["status"] as? String == "void" && void.json["amountDue"] as? Int == 0)
            #expect(void.json["voidReason"] as? String == "Wrong family" && void.json["number"] as? String == "INV-0002", "a void keeps its number")

            let prefix = try await client.call(.patch, "/api/v1/organization/settings", token: admin, json: #"{"invoicePrefix":"NS/"}"#)
            #expect(prefix.status == 200)
            let rebilled = try await client.call(.post, "/api/v1/invoices", token: admin, json: create)
            #expect(rebilled.json["number"] as? String == "NS/0004" && rebilled.json["total"] as? Int == 10000, "a void's sessions are billed again")
            let bad = try await client.call(.patch, "/api/v1/organization/settings", token: admin, json: #"{"invoicePrefix":"INV 2027"}"#)
            #expect(bad.status == 422)
            #expect(
                try await client.call(.post, "/api/v1/invoices", token: admin, json: #"{"clientId":"\#(ours.tutors[0].id)"}"#).status == 404,
                "a tutor is no client")
        }
    }

    @Test(arguments: TestDatabase.available)
    func anIssuedInvoiceIsEmailedToTheClientWithItsLines(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let admin = world.token(ours.admin)
            _ = try await Self.logPast(client, world, ours.engagements[0].id, "2026-03-16", minutes: 90)
            let draft = try await client.call(
                .post, "/api/v1/invoices", token: admin, json: #"{"clientId":"\#(ours.parents[0].id)","note":"Thank you!"}"#)
            let id = try #require(draft.json["id"] as? String)
            let early = try await client.call(.post, "/api/v1/invoices/\(id)/send", token: admin)
            #expect(early.status == 409 && early.detail == "INV-0001 is a draft: issue it before sending it.")
            _ = try await client.call(.post, "/api/v1/invoices/\(id)/issue", token: admin, json: "{}")
            let sent = try await client.call(.post, "/api/v1/invoices/\(id)/send", token: admin)
            #expect(sent.status == 200 && sent.json["sentAt"] as? String == "2026-03-23T10:00:00Z")
            #expect(try await client.call(.post, "/api/v1/invoices/\(id)/send", token: world.token(ours.parents[0])).status == 403)
            let messages = try await world.store.read { db in
                try await db.outboxMessages(organizationID: ours.organization.id, recipientID: ours.parents[0].id)
            }
            let email = try #require(messages.first { $0.kind == "invoice" })
            #expect(email.channel == .email && email.address == ours.parents[0].email)
            #expect(email.subject == "Invoice INV-0001 from \(ours.organization.name)")
            #expect(email.body.contains("Mon 16 Mar 16:00 GMT · Student Zero · Maths · 90 min at £50.00/h · £75.00"))
            #expect(email.body.contains("Total: £75.00\nPaid: £0.00\nDue by Mon 6 Apr 2026: £75.00"))
            #expect(email.body.contains("Thank you!") && email.body.contains("https://desk.test/invoices/\(id)"))
        }
    }

    /// Every operation on one issued invoice, by the office, a tutor, the paying family, another
    /// family and another organization's office.
    @Test(arguments: TestDatabase.available)
    func eachRoleMayDoWhatItMayToAnInvoice(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            _ = try await Self.logPast(client, world, ours.engagements[0].id, "2026-03-16")
            let draft = try await client.call(
                .post, "/api/v1/invoices", token: world.token(ours.admin), json: #"{"clientId":"\#(ours.parents[0].id)"}"#)
            let id = try #require(draft.json["id"] as? String)
            _ = try await client.call(.post, "/api/v1/invoices/\(id)/issue", token: world.token(ours.admin), json: "{}")
            let people = [ours.admin, ours.tutors[0], ours.parents[0], ours.parents[1], world.theirs.admin]
            // Expected status for each of `people`, in order; the office's own calls succeed or meet the invoice's state.
            let operations: [(String, HTTPRequest.Method, String, String?, [Int])] = [
                ("getInvoice", .get, "", nil, [200, 403, 200, 404, 404]),
                ("updateInvoice", .put, "", #"{"note":"x"}"#, [409, 403, 403, 403, 404]),
                ("deleteInvoice", .delete, "", nil, [409, 403, 403, 403, 404]),
                ("issueInvoice", .post, "/issue", "{}", [409, 403, 403, 403, 404]),
                ("sendInvoice", .post, "/send", nil, [200, 403, 403, 403, 404]),
                ("recordPayment", .post, "/payments", #"{"amount":100,"method":"cash"}"#, [201, 403, 403, 403, 404]),
                ("voidInvoice", .post, "/void", "{}", [409, 403, 403, 403, 404]),
            ]
            for (operation, method, suffix, body, expected) in operations {
                for (person, status) in zip(people, expected) {
                    let response = try await client.call(method, "/api/v1/invoices/\(id)\(suffix)", token: world.token(person), json: body)
                    #expect(response.status == status, "\(operation) as \(person.name): \(response.body)")
                }
            }
        }
    }

    /// Fifty clicks on "Create invoice" for one client at once: one invoice, each session on it once.
    @Test(arguments: TestDatabase.available)
    func fiftyConcurrentCreationsForOneClientMakeOneInvoice(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let admin = world.token(ours.admin)
            var sessions: [String] = []
            for day in 16...20 { sessions.append(try await Self.logPast(client, world, ours.engagements[0].id, "2026-03-\(day)")) }
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        try await client.call(.post, "/api/v1/invoices", token: admin, json: #"{"clientId":"\#(ours.parents[0].id)"}"#).status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 1 && statuses.filter { $0 == 409 }.count == 49, "\(statuses)")
            let invoices = try #require(try await client.call(.get, "/api/v1/invoices", token: admin).json["invoices"] as? [[String: Any]])
            #expect(invoices.count == 1 && invoices[0]["number"] as? String == "INV-0001")
            #expect((invoices[0]["lines"] as? [[String: Any]])?.compactMap { $0["sessionId"] as? String } == sessions)
            let next = try await Self.logPast(client, world, ours.engagements[0].id, "2026-03-21")
            let following = try await client.call(.post, "/api/v1/invoices", token: admin, json: #"{"clientId":"\#(ours.parents[0].id)"}"#)
            #expect(following.json["number"] as? String == "INV-0002", "the 49 refused creations left no gap")
            #expect((following.json["lines"] as? [[String: Any]])?.compactMap { $0["sessionId"] as? String } == [next])
        }
    }

    /// Fifty clients invoiced at once take the numbers 1 to 50, each once.
    @Test(arguments: TestDatabase.available)
    func fiftyConcurrentCreationsForDifferentClientsTakeConsecutiveNumbers(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let admin = world.token(ours.admin)
            let families = try await ours.addFamilies(50, taughtBy: ours.tutors[1], in: world.store, now: world.clock.now)
            for (index, family) in families.enumerated() {
                let day = 2 + index % 20
                let time = index < 20 ? "09:00" : index < 40 ? "11:00" : "13:00"
                let logged = try await client.call(
                    .post, "/api/v1/session-log", token: admin,
                    json: #"{"engagementId":"\#(family.engagement.id)","date":"2026-03-\#(day < 10 ? "0" : "")\#(day)","startTime":"\#(time)"}"#)
                #expect(logged.status == 201, "\(logged.body)")
            }
            let numbers = try await withThrowingTaskGroup(of: String?.self) { group in
                for family in families {
                    group.addTask {
                        try await client.call(.post, "/api/v1/invoices", token: admin, json: #"{"clientId":"\#(family.parent.id)"}"#)
                            .json["number"] as? String
                    }
                }
                return try await group.reduce(into: [String]()) { if let number = $1 { $0.append(number) } }
            }
            #expect(numbers.sorted() == (1...50).map { String(format: "INV-%04d", $0) })
        }
    }
}
