import Foundation
import SQLKit
import Scheduling
import Storage
import TestSupport
import Testing

@Suite struct RepositoryTests {
    @Test(arguments: TestDatabase.available)
    func organizationSettingsRoundTrip(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            var organization = Organization(id: "org-1", name: "Harbour School", timeZone: TimeZone(identifier: "Pacific/Auckland")!, currency: "NZD")
            organization.settings.requestNoticeHours = 24
            organization.settings.responseCutoff = .none
            organization.settings.cancellationMode = .request
            organization.settings.cancellationBufferHours = 99_999
            organization.settings.cancellationWarningText = "Late cancellations are charged."
            organization.settings.declinedRescheduleCancelsOriginal = false
            organization.settings.requestRouting = .adminsOnly
            organization.settings.slotStepMinutes = 15
            try await store.write { [organization] db in try await db.insertOrganization(organization, now: testEpoch) }
            let stored = try await store.read { db in try await db.organization(id: "org-1") }
            #expect(stored == organization)
            organization.timeZone = TimeZone(identifier: "Europe/Paris")!
            organization.settings.requestNoticeHours = 48
            try await store.write { [organization] db in try await db.updateOrganization(organization) }
            let updated = try await store.read { db in try await db.organization(id: "org-1") }
            #expect(updated == organization)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anEmailIsUniqueWithinAnOrganizationOnly(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let first = try await TestOrganization.seed(in: store, now: testEpoch, domain: "same.example")
            // The same addresses in a second organization are allowed: tenants never see each other.
            let second = try await TestOrganization.seed(in: store, name: "Other", now: testEpoch, domain: "same.example")
            #expect(first.admin.email == second.admin.email)
            let duplicate = User(id: "dup", organizationID: first.organization.id, role: .parent, name: "Dup", email: first.parents[0].email)
            await #expect(throws: StoreError.self) {
                try await store.write { db in try await db.insertUser(duplicate, passwordHash: nil, now: testEpoch) }
            }
            let candidates = try await store.read { db in try await db.loginCandidates(email: first.admin.email) }
            #expect(Set(candidates.map(\.user.organizationID)) == [first.organization.id, second.organization.id])
        }
    }

    @Test(arguments: TestDatabase.available)
    func queriesNeverCrossOrganizations(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let ours = try await TestOrganization.seed(in: store, now: testEpoch)
            let theirs = try await TestOrganization.seed(in: store, name: "Other", now: testEpoch)
            try await store.read { db in
                let foreignTutor = try await db.user(id: theirs.tutors[0].id, organizationID: ours.organization.id)
                #expect(foreignTutor == nil)
                let foreignStudent = try await db.student(id: theirs.students[0].id, organizationID: ours.organization.id)
                #expect(foreignStudent == nil)
                let foreignEngagement = try await db.engagement(id: theirs.engagements[0].id, organizationID: ours.organization.id)
                #expect(foreignEngagement == nil)
                let foreignSubject = try await db.subject(id: theirs.subjects[0].id, organizationID: ours.organization.id)
                #expect(foreignSubject == nil)
                let tutorNames = try await db.users(organizationID: ours.organization.id, role: .tutor).map(\.name)
                #expect(tutorNames == ["Tutor One", "Tutor Zero"], "our tutors only, by name")
                let studentCount = try await db.students(organizationID: ours.organization.id).count
                #expect(studentCount == 3)
                let engagementCount = try await db.engagements(organizationID: ours.organization.id).count
                #expect(engagementCount == 3)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func studentScopesFollowGuardiansAndEngagements(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            try await store.read { db in
                let id = org.organization.id
                let familyZero = try await db.students(organizationID: id, scope: .guardian(org.parents[0].id)).map(\.id)
                #expect(Set(familyZero) == [org.students[0].id, org.students[1].id])
                let taughtByTutorZero = try await db.students(organizationID: id, scope: .tutor(org.tutors[0].id)).map(\.id)
                #expect(Set(taughtByTutorZero) == [org.students[0].id, org.students[2].id])
                let tutorsOfFamilyOne = try await db.tutorIDs(teachingChildrenOf: org.parents[1].id, organizationID: id)
                #expect(tutorsOfFamilyOne == [org.tutors[0].id])
                #expect(Set(try await db.guardianIDs(ofStudentsTaughtBy: org.tutors[0].id, organizationID: id)) == Set(org.parents.map(\.id)))
                #expect(
                    try await db.engagements(organizationID: id, filter: .init(guardianID: org.parents[1].id)).map(\.id) == [org.engagements[2].id])
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func replacingAvailabilityKeepsThePastAsHistory(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            let tutor = org.tutors[0].id
            let id = org.organization.id
            let past = DateOverride(date: LocalDate(iso: "2026-03-01")!, hours: [])
            let future = DateOverride(
                date: LocalDate(iso: "2026-04-01")!, hours: [WorkingHours(start: LocalTime(iso: "18:00")!, end: LocalTime(iso: "20:00")!)])
            let holiday = TimeOff(time: TimeRange(start: testEpoch.addingTimeInterval(86_400), minutes: 600), reason: "Holiday")
            try await store.write { db in
                try await db.replaceAvailability(
                    tutorID: tutor, organizationID: id, with: Availability(overrides: [past, future], timeOff: [holiday]),
                    today: LocalDate(iso: "2026-02-01")!, now: testEpoch.addingTimeInterval(-40 * 86_400))
                // A month later the tutor replaces everything from "today" (23 March) on.
                try await db.replaceAvailability(
                    tutorID: tutor, organizationID: id, with: Availability(), today: LocalDate(iso: "2026-03-23")!, now: testEpoch)
            }
            let all = try await store.read { db in
                try await db.availability(
                    tutorID: tutor, organizationID: id, dates: LocalDate(iso: "2026-01-01")!...LocalDate(iso: "2026-12-31")!,
                    period: TimeRange(start: Date(epochSeconds: 0), end: Date.distantFuture)!)
            }
            #expect(all.overrides == [past])
            #expect(all.timeOff.isEmpty)
            #expect(all.weekly.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func busyTimesCountOnlySessionsThatOccupyTheTutor(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            let engagement = org.engagements[0]
            @Sendable func session(_ id: String, hour: Int, status: SessionStatus, tutor: String? = nil) -> Session {
                Session(
                    id: id, organizationID: org.organization.id, tutorID: tutor ?? engagement.tutorID,
                    students: [SessionStudent(through: engagement)],
                    subjectID: engagement.subjectID, engagementID: engagement.id,
                    time: TimeRange(start: testEpoch.addingTimeInterval(Double(hour * 3600)), minutes: 60), status: status, location: "",
                    sessionType: "Online")
            }
            try await store.write { db in
                try await db.insertSession(session("a", hour: 1, status: .scheduled), now: testEpoch)
                try await db.insertSession(session("b", hour: 2, status: .cancelled), now: testEpoch)
                try await db.insertSession(session("c", hour: 3, status: .completed), now: testEpoch)
                try await db.insertSession(session("d", hour: 4, status: .lateCancelled), now: testEpoch)
                try await db.insertSession(session("e", hour: 5, status: .scheduled, tutor: org.tutors[1].id), now: testEpoch)
                try await db.insertSession(session("f", hour: 30, status: .scheduled), now: testEpoch)
            }
            let busy = try await store.read { db in
                try await db.busyTimes(
                    tutorID: engagement.tutorID, organizationID: org.organization.id,
                    overlapping: TimeRange(start: testEpoch, minutes: 24 * 60))
            }
            #expect(busy.map(\.start) == [1, 3].map { testEpoch.addingTimeInterval(Double($0 * 3600)) })
        }
    }

    /// One statement reads both kinds of taken time; each comes back in order of start, without the
    /// session being rescheduled or the request being answered, and without other tutors' time.
    @Test(arguments: TestDatabase.available)
    func takenTimesSeparateSessionsFromHoldsAndLeaveOutWhatIsExcluded(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            let engagement = org.engagements[0]
            @Sendable func hour(_ hour: Int) -> TimeRange { TimeRange(start: testEpoch.addingTimeInterval(Double(hour * 3600)), minutes: 60) }
            @Sendable func session(_ id: String, _ at: Int, status: SessionStatus = .scheduled, tutor: String? = nil) -> Session {
                Session(
                    id: id, organizationID: org.organization.id, tutorID: tutor ?? engagement.tutorID,
                    students: [SessionStudent(through: engagement)],
                    subjectID: engagement.subjectID, engagementID: engagement.id, time: hour(at), status: status, location: "",
                    sessionType: "Online")
            }
            @Sendable func request(_ id: String, _ at: Int, tutor: String? = nil) -> SessionRequest {
                SessionRequest(
                    id: id, organizationID: org.organization.id, engagementID: engagement.id, tutorID: tutor ?? engagement.tutorID,
                    studentID: engagement.studentID, subjectID: engagement.subjectID, parentID: org.parents[0].id, replacesSessionID: nil,
                    createdAt: testEpoch, state: .pending, requestedTime: hour(at), respondBy: hour(at).start, updatedAt: testEpoch)
            }
            try await store.write { db in
                for made in [session("later", 9), session("moving", 5), session("earlier", 1), session("cancelled", 3, status: .cancelled)] {
                    try await db.insertSession(made, now: testEpoch)
                }
                try await db.insertSession(session("elsewhere", 2, tutor: org.tutors[1].id), now: testEpoch)
                for made in [request("second", 7), request("answered", 8), request("first", 6), request("other", 4, tutor: org.tutors[1].id)] {
                    try await db.insertRequest(made)
                }
            }
            let taken = try await store.read { db in
                try await db.takenTimes(
                    tutorID: engagement.tutorID, organizationID: org.organization.id, overlapping: TimeRange(start: testEpoch, minutes: 24 * 60),
                    excludingSession: "moving", excludingRequest: "answered")
            }
            #expect(taken == TakenTimes(sessions: [hour(1), hour(9)], holds: [hour(6), hour(7)]))
            #expect(taken.all == [hour(1), hour(9), hour(6), hour(7)])
        }
    }

    /// The search for overlapping time starts `SessionLength.longestMinutes` before the period: the
    /// longest session that began then and still runs into it must be found, and a request held for
    /// that long too. (One of each: two this long would overlap, which PostgreSQL's constraints refuse.)
    @Test(arguments: TestDatabase.available)
    func theLongestSessionAndHoldStillOverlapALaterPeriod(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            let engagement = org.engagements[0]
            let period = TimeRange(start: testEpoch.addingTimeInterval(10 * 86_400), minutes: 60)
            let longest = SessionLength.longestMinutes
            @Sendable func time(endingMinutesAfterPeriodStart minutes: Int) -> TimeRange {
                TimeRange(start: period.start.addingTimeInterval(Double((minutes - longest) * 60)), minutes: longest)
            }
            try await store.write { db in
                try await db.insertSession(
                    Session(
                        id: "runs-in", organizationID: org.organization.id, tutorID: engagement.tutorID,
                        students: [SessionStudent(through: engagement)],
                        subjectID: engagement.subjectID, engagementID: engagement.id, time: time(endingMinutesAfterPeriodStart: 1),
                        status: .scheduled, location: "", sessionType: "Online"),
                    now: testEpoch)
                try await db.insertRequest(
                    SessionRequest(
                        id: "held-in", organizationID: org.organization.id, engagementID: engagement.id, tutorID: engagement.tutorID,
                        studentID: engagement.studentID, subjectID: engagement.subjectID, parentID: org.parents[0].id, replacesSessionID: nil,
                        createdAt: testEpoch, state: .pending, requestedTime: time(endingMinutesAfterPeriodStart: 5), respondBy: period.start,
                        updatedAt: testEpoch))
            }
            let (busy, taken) = try await store.read { db in
                (
                    try await db.busyTimes(tutorID: engagement.tutorID, organizationID: org.organization.id, overlapping: period),
                    try await db.takenTimes(tutorID: engagement.tutorID, organizationID: org.organization.id, overlapping: period)
                )
            }
            #expect(busy == [time(endingMinutesAfterPeriodStart: 1)])
            #expect(taken == TakenTimes(sessions: [time(endingMinutesAfterPeriodStart: 1)], holds: [time(endingMinutesAfterPeriodStart: 5)]))
        }
    }

    @Test(arguments: TestDatabase.available)
    func accessTokensExpireAndInvitationsWorkOnce(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            let org = try await TestOrganization.seed(in: store, now: testEpoch)
            let user = org.parents[0]
            try await store.write { db in
                try await db.insertAccessToken(
                    hash: "h1", userID: user.id, organizationID: user.organizationID, kind: .api, now: testEpoch,
                    expiresAt: testEpoch.addingTimeInterval(60))
                try await db.insertInvitation(
                    id: "inv", tokenHash: "t1", organizationID: user.organizationID, userID: user.id, invitedBy: org.admin.id, now: testEpoch,
                    expiresAt: testEpoch.addingTimeInterval(60))
            }
            try await store.read { db in
                let holder = try await db.tokenHolder(hash: "h1", now: testEpoch)?.user.id
                #expect(holder == user.id)
                let expired = try await db.tokenHolder(hash: "h1", now: testEpoch.addingTimeInterval(60))?.user
                #expect(expired == nil)
                let unknown = try await db.tokenHolder(hash: "other", now: testEpoch)?.user
                #expect(unknown == nil)
            }
            let first = try await store.write { db in try await db.markInvitationAccepted(id: "inv", now: testEpoch) }
            let second = try await store.write { db in try await db.markInvitationAccepted(id: "inv", now: testEpoch) }
            #expect(first && !second)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aFailedTransactionLeavesNothingBehind(_ database: TestDatabase) async throws {
        try await database.withStore { store in
            struct Boom: Error {}
            let organization = Organization(id: "rolled-back", name: "Gone", timeZone: TimeZone(identifier: "UTC")!, currency: "EUR")
            await #expect(throws: Boom.self) {
                try await store.write { db in
                    try await db.insertOrganization(organization, now: testEpoch)
                    throw Boom()
                }
            }
            let rolledBack = try await store.read { db in try await db.organization(id: "rolled-back") }
            #expect(rolledBack == nil)
        }
    }
}
