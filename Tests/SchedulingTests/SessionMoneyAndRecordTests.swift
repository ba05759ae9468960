import Foundation
import Testing

@testable import Scheduling

@Suite struct SessionMoneyTests {
    static func session(minutes: Int, status: SessionStatus = .completed, students: [SessionStudent]) -> Session {
        Session(
            id: "s", organizationID: "o", tutorID: "t", students: students, subjectID: "m", engagementID: "e",
            time: TimeRange(start: instant("2026-03-26T16:00:00Z"), minutes: minutes), status: status, location: "", sessionType: "Online")
    }

    static func student(_ id: String, client: String, rate: Int, pay: Int) -> SessionStudent {
        SessionStudent(studentID: id, engagementID: "e-\(id)", clientID: client, clientRatePerHour: rate, tutorPayRatePerHour: pay)
    }

    @Test func amountsAreRateTimesLengthRoundedHalfUp() {
        #expect(SessionMoney.amount(ratePerHour: 4500, minutes: 50) == 3750)
        #expect(SessionMoney.amount(ratePerHour: 1001, minutes: 30) == 501, "5.005 rounds up to 5.01")
        #expect(SessionMoney.amount(ratePerHour: 1003, minutes: 15) == 251, "2.5075 rounds to 2.51")
        #expect(SessionMoney.amount(ratePerHour: 1001, minutes: 20) == 334, "3.3366… rounds to 3.34")
        #expect(SessionMoney.amount(ratePerHour: 1000, minutes: 20) == 333, "3.333… rounds down to 3.33")
        #expect(SessionMoney.amount(ratePerHour: 0, minutes: 480) == 0)
        #expect(SessionMoney.amount(ratePerHour: EngagementTerms.maximumRate, minutes: 480) == 8 * EngagementTerms.maximumRate)
    }

    @Test func theTotalIsTheSumOfTheLinesForEveryLengthAndRate() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let minutes = 15 + 5 * Int.random(in: 0...93, using: &generator)
            let students = (0..<Int.random(in: 1...4, using: &generator)).map {
                Self.student(
                    "k\($0)", client: "p\($0 % 2)", rate: Int.random(in: 0...20_000, using: &generator),
                    pay: Int.random(in: 0...9_000, using: &generator))
            }
            let money = SessionMoney(Self.session(minutes: minutes, students: students), settings: .init())
            #expect(money.clientAmount == money.lines.map(\.clientAmount).reduce(0, +))
            #expect(money.tutorEarnings == money.lines.map(\.tutorEarnings).reduce(0, +))
            for (line, student) in zip(money.lines, students) {
                let exact = Double(student.clientRatePerHour) * Double(minutes) / 60
                #expect(abs(Double(line.clientAmount) - exact) <= 0.5, "within half a minor unit of the exact amount")
            }
        }
    }

    @Test func lateCancellationsAreBilledAndPaidAsTheSettingsSayAndCancelledOnesCostNothing() {
        let students = [Self.student("a", client: "p", rate: 6000, pay: 3000)]
        var settings = OrganizationSettings()
        #expect(settings.lateCancellationBilled && settings.lateCancellationPaid, "billed and paid in full by default")
        let late = Self.session(minutes: 60, status: .lateCancelled, students: students)
        #expect(SessionMoney(late, settings: settings).clientAmount == 6000)
        #expect(SessionMoney(late, settings: settings).tutorEarnings == 3000)
        settings.lateCancellationBilled = false
        #expect(SessionMoney(late, settings: settings).clientAmount == 0)
        #expect(SessionMoney(late, settings: settings).tutorEarnings == 3000)
        settings.lateCancellationPaid = false
        #expect(SessionMoney(late, settings: settings).tutorEarnings == 0)
        let cancelled = Self.session(minutes: 60, status: .cancelled, students: students)
        #expect(SessionMoney(cancelled, settings: .init()).clientAmount == 0)
        #expect(SessionMoney(cancelled, settings: .init()).tutorEarnings == 0)
    }

    @Test func aGroupSessionBillsEachClientTheirOwnRateAndPaysTheTutorPerStudent() {
        let session = Self.session(
            minutes: 90, students: [Self.student("a", client: "p1", rate: 4000, pay: 2000), Self.student("b", client: "p2", rate: 3000, pay: 1500)])
        let money = SessionMoney(session, settings: .init())
        #expect(money.lines.map(\.clientAmount) == [6000, 4500])
        #expect(money.tutorEarnings == 3000 + 2250)
        func caller(_ id: String, _ role: Role) -> Caller {
            Caller(user: User(id: id, organizationID: "o", role: role, name: id, email: "\(id)@example.org"))
        }
        let (office, payer, tutor, otherTutor) = (caller("o", .admin), caller("p1", .parent), caller("t", .tutor), caller("t2", .tutor))
        #expect(money.lines.map { SessionMoney.clientAmountVisible(of: $0, to: office) } == [true, true])
        #expect(money.lines.map { SessionMoney.clientAmountVisible(of: $0, to: payer) } == [true, false], "a family sees only what they pay")
        #expect(money.lines.map { SessionMoney.clientAmountVisible(of: $0, to: tutor) } == [false, false])
        #expect(SessionMoney.tutorEarningsVisible(of: session, to: tutor) && !SessionMoney.tutorEarningsVisible(of: session, to: otherTutor))
        #expect(!SessionMoney.tutorEarningsVisible(of: session, to: payer))
    }
}

@Suite struct TimeFormatTests {
    @Test func bothConventionsAreRead() {
        let read = { (text: String) in TimeFormat.parse(text)?.iso }
        #expect(read("16:30") == "16:30")
        #expect(read("9:05") == "09:05")
        #expect(read("4:30 PM") == "16:30")
        #expect(read("4:30pm") == "16:30")
        #expect(read(" 4 pm ") == "16:00")
        #expect(read("12:15 a.m.") == "00:15")
        #expect(read("12:00 PM") == "12:00")
        #expect(read("12 AM") == "00:00")
        #expect(read("0:00") == "00:00")
        for wrong in ["", "24:00", "25:00", "13:00 PM", "0:30 AM", "4.30", "16", "4:3 PM", "4:60", "١٦:٣٠", "4:30 XM"] {
            #expect(TimeFormat.parse(wrong) == nil, "\(wrong)")
        }
    }

    @Test func timesAreWrittenInTheOrganizationsConvention() {
        let times = ["00:00", "00:15", "09:05", "12:00", "16:30", "23:59"].map { LocalTime(iso: $0)! }
        #expect(times.map(TimeFormat.twelveHour.text) == ["12:00 AM", "12:15 AM", "9:05 AM", "12:00 PM", "4:30 PM", "11:59 PM"])
        #expect(times.map(TimeFormat.twentyFourHour.text) == ["00:00", "00:15", "09:05", "12:00", "16:30", "23:59"])
        for time in times { #expect(TimeFormat.parse(TimeFormat.twelveHour.text(time)) == time, "what is written is read back") }
    }

    /// Pages, messages, refusals and the audit log describe times through the organization, so
    /// they all follow its convention, across the clocks going forward too.
    @Test func anOrganizationDescribesTimesInItsConvention() {
        var organization = Organization(id: "o", name: "Northside", timeZone: zone("Europe/London"), currency: "GBP")
        let evening = TimeRange(start: instant("2026-03-26T16:30:00Z"), minutes: 90)
        let overnight = TimeRange(start: instant("2026-03-29T00:30:00Z"), minutes: 60)
        #expect(organization.describe(evening.start) == "Thu 26 Mar 16:30 GMT")
        #expect(organization.describe(evening) == "Thu 26 Mar 16:30–18:00 GMT")
        organization.settings.timeFormat = .twelveHour
        #expect(organization.describe(evening.start) == "Thu 26 Mar 4:30 PM GMT")
        #expect(organization.describe(evening) == "Thu 26 Mar 4:30 PM–6:00 PM GMT")
        #expect(organization.describe(overnight) == "Sun 29 Mar 12:30 AM GMT–2:30 AM BST", "the clocks go forward at 1:00 AM")
        #expect(
            organization.describe(TimeRange(start: instant("2026-03-26T23:30:00Z"), minutes: 60)) == "Thu 26 Mar 11:30 PM–Fri 27 Mar 12:30 AM GMT")
    }
}

@Suite struct SessionRecordRulesTests {
    static let now = instant("2026-03-26T12:00:00Z")
    static let organization = Organization(id: "o", name: "Northside", timeZone: zone("Europe/London"), currency: "GBP")

    static func session(_ start: String, status: SessionStatus = .scheduled) -> Session {
        SessionMoneyTests.session(minutes: 60, status: status, students: []).with(start: instant(start))
    }

    @Test func aLoggedSessionThatIsOverTookPlaceUnlessItWasCancelled() {
        let past = TimeRange(start: instant("2026-03-25T16:00:00Z"), minutes: 60)
        let running = TimeRange(start: instant("2026-03-26T11:30:00Z"), minutes: 60)
        #expect(SessionRecordRules.loggedStatus(of: past, cancelled: false, now: Self.now) == .completed)
        #expect(SessionRecordRules.loggedStatus(of: past, cancelled: true, now: Self.now) == .cancelled)
        #expect(SessionRecordRules.loggedStatus(of: running, cancelled: false, now: Self.now) == .scheduled, "still running: not over yet")
    }

    @Test func onlyAStartedBookedSessionCanBeCompleted() {
        func refusal(_ session: Session) -> String? {
            do throws(DomainError) {
                try SessionRecordRules.checkCompleting(session, in: Self.organization, now: Self.now)
                return nil
            } catch { return error.message }
        }
        #expect(refusal(Self.session("2026-03-26T11:00:00Z")) == nil)
        #expect(
            refusal(Self.session("2026-03-27T16:00:00Z")) == "This session has not started yet: it can be marked completed from Fri 27 Mar 16:00 GMT."
        )
        #expect(refusal(Self.session("2026-03-20T16:00:00Z", status: .completed)) == "This session is already marked completed.")
        #expect(refusal(Self.session("2026-03-20T16:00:00Z", status: .cancelled)) == "This session was cancelled, so it cannot be marked completed.")
    }

    @Test func aLateCancellationIsMarkedOnce() throws {
        #expect(try SessionRecordRules.checkLateCancelling(Self.session("2026-03-20T16:00:00Z", status: .completed), reason: "  Ill \n") == "Ill")
        #expect(throws: DomainError.self) {
            try SessionRecordRules.checkLateCancelling(Self.session("2026-03-20T16:00:00Z", status: .lateCancelled), reason: "")
        }
        #expect(throws: DomainError.self) {
            try SessionRecordRules.checkLateCancelling(Self.session("2026-03-20T16:00:00Z"), reason: String(repeating: "x", count: 501))
        }
    }

    @Test func aTimeTheClocksSkipIsRefusedAndARepeatedOneIsTheFirst() throws {
        // Europe/London: 29 Mar 2026 01:00 → 02:00; 25 Oct 2026 02:00 → 01:00.
        #expect(throws: DomainError.self) {
            try Self.organization.instant(of: LocalDate(iso: "2026-03-29")!, at: LocalTime(iso: "01:30")!, field: "startTime")
        }
        let repeated = try Self.organization.instant(of: LocalDate(iso: "2026-10-25")!, at: LocalTime(iso: "01:30")!, field: "startTime")
        #expect(repeated == instant("2026-10-25T00:30:00Z"), "01:30 BST comes before 01:30 GMT")
        #expect(
            try Self.organization.instant(of: LocalDate(iso: "2026-07-01")!, at: LocalTime(iso: "16:30")!, field: "startTime")
                == instant("2026-07-01T15:30:00Z"))
    }
}

extension Session {
    fileprivate func with(start: Date) -> Session {
        var copy = self
        copy.time = TimeRange(start: start, minutes: Int(time.duration / 60))
        return copy
    }
}
