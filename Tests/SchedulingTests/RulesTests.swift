import Foundation
import Testing

@testable import Scheduling

@Suite struct OrganizationSettingsTests {
    @Test func defaultsAreThoseOfTheProduct() {
        let settings = OrganizationSettings()
        #expect(settings.requestNoticeHours == 72)
        #expect(settings.responseWindowHours == 72)
        #expect(settings.responseCutoff == .endOfDayBefore)
        #expect(settings.cancellationMode == .direct)
        #expect(settings.cancellationNoticeHours == 72)
        #expect(settings.cancellationBufferHours == 0)
        #expect(settings.cancellationWarningBufferHours == 0)
        #expect(settings.cancellationWarningText == "")
        #expect(settings.declinedRescheduleCancelsOriginal)
        #expect(settings.requestRouting == .tutorAndAdmins)
    }

    @Test func reportsEveryBadSettingAtOnce() {
        var settings = OrganizationSettings()
        settings.requestNoticeHours = -1
        settings.slotStepMinutes = 7
        settings.cancellationBufferHours = 100_000
        #expect {
            try settings.validate()
        } throws: { error in
            let error = error as! DomainError
            return error.kind == .invalid && Set(error.issues.map(\.field)) == ["requestNoticeHours", "slotStepMinutes", "cancellationBufferHours"]
        }
        settings = OrganizationSettings()
        settings.cancellationBufferHours = OrganizationSettings.cancellationNeverHours
        #expect(throws: Never.self) { try settings.validate() }
    }

    @Test func earliestRequestIsSeventyTwoElapsedHoursEvenAcrossAClockChange() {
        // Friday 27 March 2026 10:00 GMT + 72 h = Monday 30 March 11:00 BST.
        let organization = Organization(id: "o", name: "N", timeZone: zone("Europe/London"), currency: "GBP")
        let earliest = organization.earliestRequestStart(now: instant("2026-03-27T10:00:00Z"))
        #expect(organization.describe(earliest) == "Mon 30 Mar 11:00 BST")
    }
}

@Suite struct AvailabilityValidationTests {
    @Test func namesOverlapsAndBackwardsHoursByField() {
        let availability = Availability(
            weekly: [
                WeeklyHours(weekday: .monday, hours: WorkingHours(start: time("09:00"), end: time("12:00"))),
                WeeklyHours(weekday: .tuesday, hours: WorkingHours(start: time("09:00"), end: time("10:00"))),
                WeeklyHours(weekday: .monday, hours: WorkingHours(start: time("11:00"), end: time("13:00"))),
                WeeklyHours(weekday: .friday, hours: WorkingHours(start: time("17:00"), end: time("16:00"))),
            ],
            overrides: [
                DateOverride(date: date("2026-12-24"), hours: []),
                DateOverride(date: date("2026-12-24"), hours: []),
            ])
        #expect {
            try availability.validate()
        } throws: { error in
            let issues = (error as! DomainError).issues
            return issues.map(\.field).sorted() == ["overrides[1].date", "weekly[2]", "weekly[3].end"]
                && issues.contains { $0.message == "Monday 11:00–13:00 overlaps 09:00–12:00." }
        }
    }

    @Test func touchingStretchesAreFine() {
        let availability = Availability(weekly: [
            WeeklyHours(weekday: .monday, hours: WorkingHours(start: time("09:00"), end: time("12:00"))),
            WeeklyHours(weekday: .monday, hours: WorkingHours(start: time("12:00"), end: time("24:00"))),
        ])
        #expect(throws: Never.self) { try availability.validate() }
    }
}

@Suite struct AccountRulesTests {
    @Test func emailsAreNormalisedAndCheckedReadably() throws {
        #expect(try ContactRules.email("  Ann@Example.ORG ") == "ann@example.org")
        for bad in ["ann", "ann@", "@example.org", "ann@example", "a b@example.org", "ann@@example.org"] {
            #expect(throws: DomainError.self) { try ContactRules.email(bad) }
        }
    }

    @Test func phones() throws {
        #expect(try ContactRules.phone("+44 7700 900101") == "+447700900101")
        #expect(try ContactRules.phone("  ") == nil)
        #expect(throws: DomainError.self) { try ContactRules.phone("call me") }
    }

    /// The API document's `maxLength` counts code points, so the server does too: a family emoji
    /// is one character on screen but five code points, and text is measured as it was sent.
    @Test func lengthsAreCountedAsTheAPIDocumentCountsThem() throws {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
        #expect(TextRules.length(family) == 5)
        #expect(throws: DomainError.self) { try ContactRules.name(String(repeating: family, count: 41)) }
        #expect(throws: DomainError.self) { try ContactRules.name(String(repeating: "a", count: 199) + "  ") }
        #expect(try ContactRules.name(String(repeating: "a", count: 198) + "  ") == String(repeating: "a", count: 198))
        #expect(throws: DomainError.self) { try ContactRules.phone("+44 7700 900101" + String(repeating: " ", count: 20)) }
        #expect(throws: Never.self) { try ContactRules.password(String(repeating: family, count: 2)) }
    }

    @Test func refusalsNameHowToReachTheOffice() throws {
        var organization = Organization(id: "o", name: "O", timeZone: TimeZone(identifier: "Europe/London")!, currency: "GBP")
        #expect(organization.contactTheOffice == "Please contact the office.")
        organization.contact = try OfficeContact.checked(email: "Desk@Example.org", phone: "")
        #expect(organization.contactTheOffice == "Please contact the office: desk@example.org.")
        organization.contact = try OfficeContact.checked(email: "desk@example.org", phone: "+44 20 7946 0000")
        #expect(organization.contactTheOffice == "Please contact the office: desk@example.org, +44 20 7946 0000.")
        #expect(throws: DomainError.self) { try OfficeContact.checked(email: "desk", phone: "12+34567") }
        #expect(throws: DomainError.self) { try OfficeContact.checked(email: " desk@example.org", phone: nil) }
        #expect(try OfficeContact.checked(email: nil, phone: "   ").phone == nil, "spaces are no number")
        #expect(throws: DomainError.self) { try ContactRules.phone("٠٢٠٧٩٤٦٠٠٠٠") }
    }

    @Test func passwordsNeedTenCharactersAndFitBcrypt() {
        #expect(throws: DomainError.self) { try ContactRules.password("short") }
        #expect(throws: DomainError.self) { try ContactRules.password(String(repeating: "é", count: 40)) }
        #expect(throws: Never.self) { try ContactRules.password("long enough password") }
    }

    @Test func throttleRefusesTheSixthFailureWithinFifteenMinutesAndSaysHowLong() {
        let throttle = LoginThrottle()
        let now = instant("2026-11-23T12:00:00Z")
        let failures = (0..<5).map { now.addingTimeInterval(Double(-60 * (10 - $0))) }
        #expect {
            try throttle.check(failuresByEmail: failures, failuresByAddress: [], now: now)
        } throws: { error in
            let error = error as! DomainError
            // The oldest failure, 10 minutes ago, ages out in 5 minutes.
            return error.kind == .rateLimited && error.retryAfterSeconds == 300 && error.message.contains("5 minutes")
        }
        #expect(throws: Never.self) { try throttle.check(failuresByEmail: Array(failures.dropFirst()), failuresByAddress: [], now: now) }
        let old = (0..<5).map { now.addingTimeInterval(Double(-60 * (20 + $0))) }
        #expect(throws: Never.self) { try throttle.check(failuresByEmail: old, failuresByAddress: [], now: now) }
    }
}
