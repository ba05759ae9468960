import Foundation
import Testing

@testable import Scheduling

/// PRODUCT.md "Cancellation, `request` mode": when a family may ask the office to cancel, and the
/// sentence they read when they may not.
@Suite struct CancellationRequestRulesTests {
    static let start = Date(timeIntervalSince1970: 1_774_519_200)  // Thu 26 Mar 2026 10:00 GMT

    static func organization(_ change: (inout OrganizationSettings) -> Void) -> Organization {
        var organization = Organization(id: "o", name: "O", timeZone: TimeZone(identifier: "Europe/London")!, currency: "GBP")
        organization.settings.cancellationMode = .request
        change(&organization.settings)
        return organization
    }

    static let session = Session(
        id: "s", organizationID: "o", tutorID: "t",
        students: [SessionStudent(studentID: "c", engagementID: nil, clientID: nil, clientRatePerHour: 0, tutorPayRatePerHour: 0)], subjectID: "m",
        engagementID: nil,
        time: TimeRange(start: start, end: start.addingTimeInterval(3600))!, status: .scheduled, location: "Room 1", sessionType: "In person")

    static func hoursBefore(_ hours: Double) -> Date { start.addingTimeInterval(-hours * 3600) }

    @Test func withTheDefaultsAFamilyMayAskAnyTimeBeforeTheStart() throws {
        let organization = Self.organization { _ in }
        #expect(
            try CancellationRequestRules.check(
                requesting: Self.session, organization: organization, now: Self.hoursBefore(1), comment: " ill ", readWarning: false) == "ill")
        #expect(throws: DomainError.conflict("This session has already started. Please contact the office.")) {
            try CancellationRequestRules.check(requesting: Self.session, organization: organization, now: Self.start, comment: "", readWarning: false)
        }
    }

    @Test func theBufferClosesRequestsAndNeverMeansNever() throws {
        let buffered = Self.organization { $0.cancellationBufferHours = 48 }
        _ = try CancellationRequestRules.check(
            requesting: Self.session, organization: buffered, now: Self.hoursBefore(48), comment: "", readWarning: false)
        #expect(
            throws: DomainError.conflict(
                "Cancellation requests close 48 hours before the start: the last moment for this one was Tue 24 Mar 10:00 GMT. Please contact the office."
            )
        ) {
            try CancellationRequestRules.check(
                requesting: Self.session, organization: buffered, now: Self.hoursBefore(47), comment: "", readWarning: false)
        }
        let never = Self.organization { $0.cancellationBufferHours = OrganizationSettings.cancellationNeverHours }
        #expect(throws: DomainError.forbidden("In this organization only the office cancels sessions: please contact them.")) {
            try CancellationRequestRules.check(
                requesting: Self.session, organization: never, now: Self.hoursBefore(500), comment: "", readWarning: false)
        }
    }

    @Test func insideTheWarningBufferTheWarningMustBeReadFirst() throws {
        let warned = Self.organization {
            $0.cancellationWarningBufferHours = 24
            $0.cancellationWarningText = "Late cancellations are charged in full."
        }
        #expect(CancellationRequestRules.warning(for: Self.session, organization: warned, now: Self.hoursBefore(25)) == nil)
        #expect(
            CancellationRequestRules.warning(for: Self.session, organization: warned, now: Self.hoursBefore(23))
                == "Late cancellations are charged in full.")
        #expect(throws: DomainError.invalid("readWarning", "Please read this first and confirm: Late cancellations are charged in full.")) {
            try CancellationRequestRules.check(
                requesting: Self.session, organization: warned, now: Self.hoursBefore(23), comment: "", readWarning: false)
        }
        _ = try CancellationRequestRules.check(
            requesting: Self.session, organization: warned, now: Self.hoursBefore(23), comment: "", readWarning: true)
    }

    @Test func oneRequestAtATimeAndOnlyInRequestMode() {
        var asked = Self.session
        asked.cancellationRequest = CancellationRequest(requestedAt: Self.hoursBefore(30), parentID: "p", parentName: "Grace Adeyemi", comment: "")
        #expect(throws: DomainError.conflict("Grace Adeyemi already asked to cancel this session on Wed 25 Mar 04:00 GMT.")) {
            try CancellationRequestRules.check(
                requesting: asked, organization: Self.organization { _ in }, now: Self.hoursBefore(2), comment: "", readWarning: true)
        }
        let direct = Self.organization { $0.cancellationMode = .direct }
        #expect(throws: DomainError.conflict("In this organization families cancel sessions themselves, with a reason.")) {
            try CancellationRequestRules.check(
                requesting: Self.session, organization: direct, now: Self.hoursBefore(100), comment: "", readWarning: true)
        }
    }
}
