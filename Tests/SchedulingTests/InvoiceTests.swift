import Foundation
import Testing

@testable import Scheduling

/// Invoice totals, lines and the rules of drafts, payments and voids, without a database.
@Suite struct InvoiceTests {
    static func invoice(_ amounts: [Int], status: InvoiceStatus = .issued, paid: Int = 0) -> Invoice {
        Invoice(
            id: "i", organizationID: "o", clientID: "p", number: InvoiceNumber(prefix: "INV-", sequence: 7), status: status, currency: "GBP",
            lines: amounts.enumerated().map { index, amount in
                InvoiceLine(
                    sessionID: "s\(index)", studentID: "k", startsAt: instant("2026-03-16T16:00:00Z"), minutes: 60, studentName: "Ben",
                    subjectName: "Maths", tutorName: "Ada", ratePerHour: amount, amount: amount)
            }, amountPaid: paid, createdAt: instant("2026-03-16T16:00:00Z"))
    }

    static func pounds(_ minor: Int) -> String { MoneyWording.amount(minor, currency: "GBP") }

    @Test func theTotalIsTheSumOfTheLinesAndPaidAndDueMakeTheTotal() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let amounts = (0..<Int.random(in: 1...30, using: &generator)).map { _ in Int.random(in: 0...50_000, using: &generator) }
            let total = amounts.reduce(0, +)
            let invoice = Self.invoice(amounts, paid: Int.random(in: 0...total, using: &generator))
            #expect(invoice.total == total)
            #expect(invoice.amountPaid + invoice.amountDue == invoice.total)
            #expect(invoice.isPaid == (invoice.amountDue == 0))
        }
        #expect(Self.invoice([4500], status: .void).amountDue == 0, "nothing is owed on a void invoice")
        #expect(!Self.invoice([4500], status: .draft).isPaid && !Self.invoice([0], status: .draft).isPaid, "a draft is never paid")
    }

    @Test func numbersHaveFourDigitsAtLeastAndPrefixesTravelWell() throws {
        #expect(InvoiceNumber(prefix: "INV-", sequence: 1).description == "INV-0001")
        #expect(InvoiceNumber(prefix: "", sequence: 12345).description == "12345")
        #expect(InvoiceNumber(prefix: "NS/2027.", sequence: 42).description == "NS/2027.0042")
        for good in ["", "INV-", "NS/2027_"] { try InvoiceNumber.checkPrefix(good) }
        for bad in ["INV 2027", "Rechnung-Nr", "é-", "<b>"] {
            #expect(throws: DomainError.self, "\(bad)") { try InvoiceNumber.checkPrefix(bad) }
        }
    }

    @Test func aClientIsBilledForTheirOwnStudentsInAGroupSessionAsTheSettingsSay() {
        let group = SessionMoneyTests.session(
            minutes: 90,
            students: [
                SessionMoneyTests.student("ben", client: "smith", rate: 5000, pay: 3000),
                SessionMoneyTests.student("cal", client: "jones", rate: 4000, pay: 3000),
                SessionMoneyTests.student("dot", client: "smith", rate: 3000, pay: 2000),
            ])
        let names = ["ben": "Ben", "cal": "Cal", "dot": "Dot"]
        func lines(_ session: Session, _ settings: OrganizationSettings = .init()) -> [InvoiceLine] {
            InvoiceLine.lines(
                billing: "smith", for: session, settings: settings, studentName: { names[$0] ?? "" }, subjectName: "Maths", tutorName: "Ada")
        }
        #expect(lines(group).map(\.studentName) == ["Ben", "Dot"] && lines(group).map(\.amount) == [7500, 4500])
        #expect(lines(group).allSatisfy { $0.minutes == 90 && $0.subjectName == "Maths" && $0.tutorName == "Ada" })
        var cancelled = group
        cancelled.status = .cancelled
        #expect(lines(cancelled).isEmpty)
        var late = group
        late.status = .lateCancelled
        #expect(lines(late).map(\.amount) == [7500, 4500], "late cancellations are billed by default")
        var settings = OrganizationSettings()
        settings.lateCancellationBilled = false
        #expect(lines(late, settings).isEmpty)
    }

    @Test func paymentsAreMoreThanNothingAtMostWhatIsDueAndNotAhead() throws {
        let today = LocalDate(year: 2026, month: 3, day: 23)!
        let invoice = Self.invoice([5000, 7500], paid: 5000)
        #expect(
            try InvoiceRules.checkPayment(amount: 7500, paidOn: today, reference: "  BACS 12 ", on: invoice, today: today, money: Self.pounds)
                == "BACS 12")
        func refusal(_ amount: Int, on: LocalDate = today, _ invoice: Invoice = invoice) -> String? {
            do {
                _ = try InvoiceRules.checkPayment(amount: amount, paidOn: on, reference: "", on: invoice, today: today, money: Self.pounds)
                return nil
            } catch { return error.message }
        }
        #expect(refusal(7501) == "£75.00 is due on INV-0007: a payment of £75.01 would be more than that.")
        #expect(refusal(0) == "A payment is more than nothing.")
        #expect(refusal(100, on: today.adding(days: 1)) == "A payment cannot be dated after today, Mon 23 Mar 2026.")
        #expect(refusal(100, Self.invoice([5000], status: .draft)) == "INV-0007 is a draft: issue it before recording payments.")
        #expect(refusal(100, Self.invoice([5000], status: .void)) == "INV-0007 is void, so it takes no payments.")
        #expect(refusal(100, Self.invoice([5000], paid: 5000)) == "INV-0007 is paid in full.")
    }

    @Test func onlyDraftsChangeAndOnlyUnpaidIssuedInvoicesAreVoided() throws {
        try InvoiceRules.checkDraft(Self.invoice([100], status: .draft), to: "changed")
        #expect(throws: DomainError.self) { try InvoiceRules.checkDraft(Self.invoice([100]), to: "changed") }
        #expect(try InvoiceRules.checkVoiding(Self.invoice([100]), reason: " Wrong family ") == "Wrong family")
        #expect(throws: DomainError.conflict("Payments are recorded on INV-0007, so it cannot be voided.")) {
            try InvoiceRules.checkVoiding(Self.invoice([100], paid: 50), reason: "")
        }
        #expect(throws: DomainError.conflict("INV-0007 is a draft: delete it instead.")) {
            try InvoiceRules.checkVoiding(Self.invoice([100], status: .draft), reason: "")
        }
        #expect(throws: DomainError.self) {
            try InvoiceRules.checkDueDate(LocalDate(year: 2026, month: 3, day: 22)!, issuedOn: LocalDate(year: 2026, month: 3, day: 23)!)
        }
    }
}
