import Foundation
import Testing

@testable import Scheduling

@Suite struct SlotRulesTests {
    static let now = instant("2026-03-23T10:00:00Z")

    static func rules(notice: Int = 72, sessions: [TimeRange] = [], holds: [TimeRange] = [], timeOff: [TimeOff] = []) -> SlotRules {
        var organization = Organization(id: "org", name: "Northside", timeZone: zone("Europe/London"), currency: "GBP")
        organization.settings.requestNoticeHours = notice
        let weekly = (1...5).map { WeeklyHours(weekday: Weekday(isoNumber: $0)!, hours: WorkingHours(start: time("09:00"), end: time("17:00"))) }
        return SlotRules(
            organization: organization, tutorName: "Ms Shah", availability: Availability(weekly: weekly, timeOff: timeOff), sessions: sessions,
            holds: holds, now: now, slotMinutes: 60)
    }

    static func refusal(_ rules: SlotRules, _ start: String, minutes: Int = 60) -> DomainError? {
        do throws(DomainError) {
            try rules.check(TimeRange(start: instant(start), minutes: minutes))
            return nil
        } catch { return error }
    }

    @Test func aFreeSlotPasses() {
        #expect(Self.refusal(Self.rules(), "2026-03-26T10:00:00Z") == nil)
        #expect(Self.refusal(Self.rules(), "2026-03-26T16:00:00Z") == nil, "the last hour ends exactly at 17:00")
    }

    @Test func timesBeyondTheBookingWindowNameItsEdge() {
        #expect(
            Self.refusal(Self.rules(), "2028-03-27T10:00:00Z")?.message
                == "Sessions can be booked up to two years ahead: the latest date is Fri 24 Mar 2028.")
        #expect(Self.refusal(Self.rules(), "9999-12-31T10:00:00Z")?.message.hasPrefix("Sessions can be booked up to two years ahead") == true)
        #expect(Self.refusal(Self.rules(), "2028-03-23T10:00:00Z") == nil, "a Thursday inside the window is free")
        let past = Self.refusal(Self.rules(), "0001-01-01T10:00:00Z")
        #expect(past?.message == "Sessions can be logged up to a year back: the earliest date is Sat 22 Mar 2025.")
    }

    @Test func noticeNamesTheEarliestTime() {
        let error = Self.refusal(Self.rules(), "2026-03-25T10:00:00Z")
        #expect(error?.kind == .invalid)
        #expect(error?.message == "Requests must be made at least 72 hours ahead: the earliest is Thu 26 Mar 10:00 GMT.")
        let today = Self.refusal(Self.rules(notice: 0), "2026-03-23T14:00:00Z")
        #expect(today?.message == "Requests for today cannot be answered in time: the earliest is Tue 24 Mar 00:00 GMT.")
    }

    @Test func hoursAndGridAndTimeOff() {
        #expect(
            Self.refusal(Self.rules(), "2026-03-28T10:00:00Z")?.message
                == "Ms Shah is not available at Sat 28 Mar 10:00 GMT for 60 minutes: they do not work that day.")
        #expect(
            Self.refusal(Self.rules(), "2026-03-26T16:30:00Z")?.message
                == "Ms Shah is not available at Thu 26 Mar 16:30 GMT for 60 minutes: their hours that day are 09:00–17:00.")
        #expect(
            Self.refusal(Self.rules(), "2026-03-26T10:15:00Z")?.message
                == "Sessions start every 30 minutes from 09:00; Thu 26 Mar 10:15 GMT is between two.")
        #expect(Self.refusal(Self.rules(), "2026-03-26T10:00:00Z", minutes: 45)?.message == "Sessions of this engagement last 60 minutes.")
        let away = TimeOff(time: TimeRange(start: instant("2026-03-26T00:00:00Z"), minutes: 24 * 60), reason: "Training")
        #expect(Self.refusal(Self.rules(timeOff: [away]), "2026-03-26T10:00:00Z")?.message == "Ms Shah is away at Thu 26 Mar 10:00 GMT.")
    }

    @Test func aTakenTimeIsAConflictOfferingTheNextFreeSlots() throws {
        let session = TimeRange(start: instant("2026-03-26T10:00:00Z"), minutes: 60)
        let busy = try #require(Self.refusal(Self.rules(sessions: [session]), "2026-03-26T10:30:00Z"))
        #expect(busy.kind == .conflict)
        #expect(
            busy.message
                == "Ms Shah already has a session at Thu 26 Mar 10:30 GMT. Free instead: Thu 26 Mar 11:00 GMT, Thu 26 Mar 11:30 GMT, Thu 26 Mar 12:00 GMT."
        )
        #expect(busy.alternatives.map(\.label) == ["Thu 26 Mar 11:00 GMT", "Thu 26 Mar 11:30 GMT", "Thu 26 Mar 12:00 GMT"])
        let held = try #require(Self.refusal(Self.rules(holds: [session]), "2026-03-26T10:00:00Z"))
        #expect(held.kind == .conflict)
        #expect(held.message.hasPrefix("Thu 26 Mar 10:00 GMT is being held for another request."))
        #expect(Self.refusal(Self.rules(sessions: [session]), "2026-03-26T11:00:00Z") == nil, "back to back is fine")
    }
}

@Suite struct CancellationRulesTests {
    static let start = instant("2026-03-27T10:00:00Z")

    static func session(status: SessionStatus = .scheduled) -> Session {
        Session(
            id: "s", organizationID: "org", tutorID: "shah",
            students: [SessionStudent(studentID: "kid", engagementID: "e", clientID: "p", clientRatePerHour: 4000, tutorPayRatePerHour: 2500)],
            subjectID: "maths", engagementID: "e",
            time: TimeRange(start: start, minutes: 60), status: status, location: "", sessionType: "Online")
    }

    static func caller(_ role: Role, id: String, canRequest: Bool = true) -> Caller {
        Caller(user: User(id: id, organizationID: "org", role: role, name: id, email: "\(id)@x.example", canRequestSessions: canRequest))
    }

    static func outcome(
        _ caller: Caller, guardian: Bool = true, now: String, mode: CancellationMode = .direct, reason: String = "Ill",
        status: SessionStatus = .scheduled
    ) -> DomainError? {
        var organization = Organization(id: "org", name: "Northside", timeZone: zone("Europe/London"), currency: "GBP")
        organization.settings.cancellationMode = mode
        do throws(DomainError) {
            _ = try CancellationRules.check(
                cancelling: session(status: status), by: caller, isGuardian: guardian, organization: organization, now: instant(now), reason: reason)
            return nil
        } catch { return error }
    }

    @Test func familiesCancelWithNoticeAndAReason() {
        let mum = Self.caller(.parent, id: "mum")
        #expect(Self.outcome(mum, now: "2026-03-24T10:00:00Z") == nil, "exactly 72 hours ahead is still in time")
        let late = Self.outcome(mum, now: "2026-03-24T10:01:00Z")
        #expect(late?.kind == .conflict)
        #expect(
            late?.message
                == "Sessions can be cancelled up to 72 hours ahead: the last moment for this one was Tue 24 Mar 10:00 GMT. Please contact the office."
        )
        #expect(Self.outcome(mum, now: "2026-03-20T10:00:00Z", reason: " ")?.kind == .invalid)
        #expect(Self.outcome(mum, now: "2026-03-20T10:00:00Z", mode: .request)?.kind == .forbidden)
        #expect(Self.outcome(Self.caller(.parent, id: "dad", canRequest: false), now: "2026-03-20T10:00:00Z")?.kind == .forbidden)
        #expect(Self.outcome(Self.caller(.parent, id: "other"), guardian: false, now: "2026-03-20T10:00:00Z")?.kind == .notFound)
    }

    @Test func tutorsAndTheOfficeCancelAnyTime() {
        #expect(Self.outcome(Self.caller(.tutor, id: "shah"), now: "2026-03-27T09:59:00Z") == nil)
        #expect(Self.outcome(Self.caller(.admin, id: "office"), now: "2026-03-27T09:59:00Z") == nil)
        #expect(Self.outcome(Self.caller(.tutor, id: "jones"), now: "2026-03-20T10:00:00Z")?.kind == .notFound)
        #expect(Self.outcome(Self.caller(.admin, id: "office"), now: "2026-03-20T10:00:00Z", reason: "")?.kind == .invalid)
        #expect(
            Self.outcome(Self.caller(.admin, id: "office"), now: "2026-03-20T10:00:00Z", status: .cancelled)?.message
                == "This session is already cancelled and cannot be cancelled.")
    }
}
