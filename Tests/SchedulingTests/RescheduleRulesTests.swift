import Foundation
import Testing

@testable import Scheduling

/// PRODUCT.md "The session request": a family may ask to move a session only while they could
/// cancel it, and the answer is due by that moment, so that a declined or unanswered move is never a
/// late cancellation nobody agreed to.
@Suite struct RescheduleRulesTests {
    /// Monday 30 March 2026 10:00 BST, the first Monday after the clocks went forward.
    static let start = Date(timeIntervalSince1970: 1_774_861_200)

    static func organization(_ change: (inout OrganizationSettings) -> Void = { _ in }) -> Organization {
        var organization = Organization(id: "o", name: "O", timeZone: TimeZone(identifier: "Europe/London")!, currency: "GBP")
        change(&organization.settings)
        return organization
    }

    static let session = Session(
        id: "s", organizationID: "o", tutorID: "t",
        students: [SessionStudent(studentID: "c", engagementID: nil, clientID: nil, clientRatePerHour: 0, tutorPayRatePerHour: 0)], subjectID: "m",
        engagementID: nil,
        time: TimeRange(start: start, end: start.addingTimeInterval(3600))!, status: .scheduled, location: "Room 1", sessionType: "In person")

    static func hoursBefore(_ hours: Double) -> Date { start.addingTimeInterval(-hours * 3600) }

    @Test func inDirectModeAMoveIsAskedAtLeastTheNoticeAheadAcrossAClockChange() throws {
        let organization = Self.organization()
        // 72 elapsed hours before Monday 10:00 BST is Friday 09:00 GMT: the clocks went forward on Sunday.
        let cutoff = try RescheduleRules.check(moving: Self.session, organization: organization, now: Self.hoursBefore(100), readWarning: false)
        #expect(cutoff == Self.hoursBefore(72) && organization.describe(cutoff) == "Fri 27 Mar 09:00 GMT")
        #expect(try RescheduleRules.check(moving: Self.session, organization: organization, now: Self.hoursBefore(72), readWarning: false) == cutoff)
        #expect(
            throws: DomainError.conflict(
                "Sessions can be moved up to 72 hours ahead, as long as they could still be cancelled: the last moment for this one was Fri 27 Mar 09:00 GMT. Please contact the office."
            )
        ) {
            try RescheduleRules.check(moving: Self.session, organization: organization, now: Self.hoursBefore(5), readWarning: false)
        }
    }

    @Test func inRequestModeTheBufferClosesMovesAndTheWarningComesFirst() throws {
        let anyTime = Self.organization { $0.cancellationMode = .request }
        #expect(try RescheduleRules.check(moving: Self.session, organization: anyTime, now: Self.hoursBefore(1), readWarning: false) == Self.start)

        let buffered = Self.organization {
            $0.cancellationMode = .request
            $0.cancellationBufferHours = 24
            $0.cancellationWarningBufferHours = 48
            $0.cancellationWarningText = "Late changes are charged in full."
        }
        #expect(throws: DomainError.self) {
            try RescheduleRules.check(moving: Self.session, organization: buffered, now: Self.hoursBefore(12), readWarning: true)
        }
        #expect(throws: DomainError.invalid("readWarning", "Please read this first and confirm: Late changes are charged in full.")) {
            try RescheduleRules.check(moving: Self.session, organization: buffered, now: Self.hoursBefore(30), readWarning: false)
        }
        #expect(
            try RescheduleRules.check(moving: Self.session, organization: buffered, now: Self.hoursBefore(30), readWarning: true)
                == Self.hoursBefore(24))
        #expect(
            try RescheduleRules.check(moving: Self.session, organization: buffered, now: Self.hoursBefore(60), readWarning: false)
                == Self.hoursBefore(24))

        let never = Self.organization {
            $0.cancellationMode = .request
            $0.cancellationBufferHours = OrganizationSettings.cancellationNeverHours
        }
        #expect(throws: DomainError.forbidden("In this organization only the office cancels or moves sessions: please contact them.")) {
            try RescheduleRules.check(moving: Self.session, organization: never, now: Self.hoursBefore(500), readWarning: false)
        }
    }

    /// A reschedule asked four days ahead would otherwise be due in 72 hours, after the cutoff.
    @Test func theAnswerToAMoveIsDueByTheCutoff() {
        let organization = Self.organization()
        let newTime = TimeRange(start: Self.start.addingTimeInterval(7 * 86_400), minutes: 60)
        let askedAt = Self.hoursBefore(96)
        let plain = RequestLifecycle.Context(organization: organization, now: askedAt, guardianIDs: [])
        let move = RequestLifecycle.Context(organization: organization, now: askedAt, guardianIDs: [], answerBy: Self.hoursBefore(72))
        #expect(RequestLifecycle.deadline(askedAt: askedAt, for: newTime, plain) == askedAt.addingTimeInterval(72 * 3600))
        #expect(RequestLifecycle.deadline(askedAt: askedAt, for: newTime, move) == Self.hoursBefore(72))
    }
}
