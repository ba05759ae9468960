import Foundation
import HummingbirdTesting
import Scheduling
import TestSupport
import Testing

/// The office's Invoices page and an invoice's page, and a family's Billing page: the same rules
/// as the API, said on the page.
@Suite struct WebInvoiceTests {
    @Test(arguments: TestDatabase.available)
    func theOfficeDraftsIssuesAndRecordsAPaymentAndTheFamilyReadsItsBill(_ database: TestDatabase) async throws {
        try await withAPI(database) { client, world in
            let ours = world.ours
            let monday = try await InvoiceAPITests.logPast(client, world, ours.engagements[0].id, "2026-03-16")
            _ = try await InvoiceAPITests.logPast(client, world, ours.engagements[0].id, "2026-03-17", minutes: 90)
            let office = try await WebRequestTests.visitor(client, ours.admin)
            let empty = try await office.post("/invoices", ["client": "", "upTo": "2026-03-20"], from: "/invoices")
            #expect(empty.status == 422 && empty.body.contains("Choose the client to invoice."))
            let made = try await office.post("/invoices", ["client": ours.parents[0].id, "upTo": "2026-03-20", "note": "Spring"], from: "/invoices")
            #expect(made.status == 302)
            let link = try #require(made.headers[.location]?.components(separatedBy: "?").first)
            let draft = try await office.get(link + "?done=created")
            #expect(draft.body.contains("You drafted INV-0001. Check its sessions, then issue it."))
            #expect(draft.body.contains("Mon 16 Mar 2026, 16:00") && draft.body.contains("£125.00"), "both sessions, £50 + £75")
            #expect(draft.body.contains(#"name="sessions[]" value="\#(monday)" checked"#))

            let narrowed = try await office.post(link, ["sessions[]": monday, "dueOn": "2026-04-10", "note": "Spring"], from: link)
            #expect(narrowed.status == 302)
            let issued = try await office.post(link + "/issue", [:], from: link)
            #expect(issued.headers[.location] == link + "?done=issued")
            let page = try await office.get(link + "?done=issued")
            #expect(page.body.contains("You issued INV-0001: Parent Zero sees it and owes £50.00."))
            #expect(page.body.contains("Fri 10 Apr 2026") && !page.body.contains("Issue invoice"), "the chosen due date; no longer a draft")

            let over = try await office.post(link + "/payments", ["amount": "60", "paidOn": "2026-03-23", "method": "cash"], from: link)
            #expect(over.status == 422 && over.body.contains("£50.00 is due on INV-0001: a payment of £60.00 would be more than that."))
            let part = try await office.post(
                link + "/payments", ["amount": "20.50", "paidOn": "2026-03-22", "method": "bank_transfer", "reference": "BACS"], from: link)
            #expect(part.headers[.location] == link + "?done=paid")
            #expect(try await office.get(link + "?done=paid").body.contains("You recorded the payment: £29.50 is still due."))
            let list = try await office.get("/invoices")
            #expect(list.body.contains(#"<td data-label="Due" class="money"><strong>£29.50</strong></td>"#), "what is owed per client")
            #expect(list.body.contains("Part paid"))
            let sessions = try await office.get("/sessions?from=2026-03-16&to=2026-03-22&invoiced=yes")
            #expect(sessions.body.contains("1 session") && sessions.body.contains("INV-0001 · unpaid"))
            #expect(try await office.get("/sessions?from=2026-03-16&to=2026-03-22&invoiced=no").body.contains("1 session"))

            let parent = try await WebRequestTests.visitor(client, ours.parents[0])
            let billing = try await parent.get("/billing")
            #expect(billing.body.contains("You owe £29.50 on 1 invoice.") && billing.body.contains(link))
            let bill = try await parent.get(link)
            #expect(bill.status == 200 && bill.body.contains("BACS") && !bill.body.contains("Record payment") && !bill.body.contains("Void"))
            #expect(try await parent.get("/invoices").headers[.location] == "/billing", "a family's page is Billing")
            let other = try await WebRequestTests.visitor(client, ours.parents[1])
            #expect(try await other.get(link).status == 404)
            #expect(try await other.get("/billing").body.contains("You owe nothing at the moment."))
            let tutor = try await WebRequestTests.visitor(client, ours.tutors[0])
            #expect(try await tutor.get(link).status == 403)
        }
    }

    @Test func earningsShowEachTutorsPeriodAndExportForPayroll() async throws {
        try await withAPI(.sqlite) { client, world in
            let ours = world.ours
            _ = try await InvoiceAPITests.logPast(client, world, ours.engagements[0].id, "2026-03-16", minutes: 90)
            _ = try await InvoiceAPITests.logPast(client, world, ours.engagements[1].id, "2026-03-17")
            let office = try await WebRequestTests.visitor(client, ours.admin)
            let page = try await office.get("/earnings")
            #expect(page.status == 200 && page.body.contains("From Sun 1 Mar 2026 to Mon 23 Mar 2026"), "this month so far")
            #expect(page.body.contains("Tutor One") && page.body.contains("1 h 30 min") && page.body.contains("£75.00"), "£45.00 + £30.00")
            let one = try await office.get("/earnings?from=2026-03-01&to=2026-03-31&tutor=\(ours.tutors[0].id)")
            #expect(one.body.contains("£45.00") && !one.body.contains("Tutor One</td>"))
            let export = try await office.get("/earnings/export?from=2026-03-01&to=2026-03-31")
            #expect(export.headers[.contentDisposition] == #"attachment; filename="tutor-earnings-2026-03-01-to-2026-03-31.csv""#)
            #expect(export.body.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 3)
            let tutor = try await WebRequestTests.visitor(client, ours.tutors[1])
            let own = try await tutor.get("/earnings?from=2026-03-01&to=2026-03-31")
            #expect(own.body.contains("£30.00") && !own.body.contains("Tutor Zero") && !own.body.contains(#"id="tutor""#))
            let parent = try await WebRequestTests.visitor(client, ours.parents[0])
            #expect(try await parent.get("/earnings").status == 403)
        }
    }
}
