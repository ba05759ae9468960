import Foundation
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

@Suite struct OrganizationSettingsUpdateTests {
    @Test(arguments: TestDatabase.available)
    func theOfficeChangesSettingsAndOmittedOnesStay(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            var changes = OrganizationSettingsUpdate.Changes()
            changes.timeZone = "America/New_York"
            changes.requestNoticeHours = 24
            changes.cancellationMode = .request
            let updated = try await OrganizationSettingsUpdate(dependencies).apply(changes, by: org.caller(org.admin))
            #expect(updated.timeZone.identifier == "America/New_York")
            #expect(updated.settings.requestNoticeHours == 24)
            #expect(updated.settings.cancellationMode == .request)
            #expect(updated.settings.responseWindowHours == 72)
            let stored = try await Directory(dependencies).organization(for: org.caller(org.parents[0]))
            #expect(stored == updated)
        }
    }

    @Test(arguments: TestDatabase.available)
    func badChangesAreAllReportedAndNothingChanges(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            var changes = OrganizationSettingsUpdate.Changes()
            changes.timeZone = "Europe/Atlantis"
            changes.responseWindowHours = 0
            changes.name = "   "
            changes.requestNoticeHours = 1
            do {
                _ = try await OrganizationSettingsUpdate(dependencies).apply(changes, by: org.caller(org.admin))
                Issue.record("invalid settings were accepted")
            } catch let error as DomainError {
                #expect(Set(error.issues.map(\.field)) == ["timeZone", "responseWindowHours", "name"])
            }
            let stored = try await Directory(dependencies).organization(for: org.caller(org.admin))
            #expect(stored == org.organization)
            await expectRefusal(.forbidden) {
                try await OrganizationSettingsUpdate(dependencies).apply(.init(), by: org.caller(org.tutors[0]))
            }
        }
    }
}

@Suite struct EnrolmentTests {
    private let terms = EngagementTerms(
        clientRatePerHour: 4000, tutorPayRatePerHour: 2500, defaultDurationMinutes: 45, location: "", sessionType: "Online")

    @Test(arguments: TestDatabase.available)
    func engagementsBillAGuardianOfTheStudent(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let enrolment = Enrolment(dependencies)
            let admin = org.caller(org.admin)
            let engagement = try await enrolment.createEngagement(
                .init(tutorID: org.tutors[1].id, studentID: org.students[2].id, subjectID: org.subjects[1].id, terms: terms), by: admin)
            #expect(engagement.clientID == org.parents[1].id, "defaults to the student's guardian")
            do {
                _ = try await enrolment.createEngagement(
                    .init(
                        tutorID: org.tutors[1].id, studentID: org.students[2].id, subjectID: org.subjects[1].id, clientID: org.parents[0].id,
                        terms: terms),
                    by: admin)
                Issue.record("a client who is not a guardian was accepted")
            } catch let error as DomainError {
                #expect(error.kind == .invalid && error.issues.map(\.field) == ["clientId"])
            }
            var negative = terms
            negative.clientRatePerHour = -1
            negative.defaultDurationMinutes = 7
            do {
                _ = try await enrolment.createEngagement(
                    .init(tutorID: org.tutors[1].id, studentID: org.students[2].id, subjectID: org.subjects[1].id, terms: negative), by: admin)
                Issue.record("a negative rate was accepted")
            } catch let error as DomainError {
                #expect(Set(error.issues.map(\.field)) == ["clientRatePerHour", "defaultDurationMinutes"])
            }
            // A parent id given as the tutor is "not found", like an id from elsewhere.
            await expectRefusal(.notFound) {
                try await enrolment.createEngagement(
                    .init(tutorID: org.parents[0].id, studentID: org.students[2].id, subjectID: org.subjects[1].id, terms: terms), by: admin)
            }
            await expectRefusal(.forbidden) {
                try await enrolment.createEngagement(
                    .init(tutorID: org.tutors[0].id, studentID: org.students[2].id, subjectID: org.subjects[1].id, terms: terms),
                    by: org.caller(org.tutors[0]))
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func studentsSubjectsAndTutorsAreAdded(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let enrolment = Enrolment(dependencies)
            let admin = org.caller(org.admin)
            let student = try await enrolment.createStudent(.init(name: " Mia ", guardianIDs: [org.parents[1].id, org.parents[1].id]), by: admin)
            #expect(student.name == "Mia" && student.guardianIDs == [org.parents[1].id])
            await expectRefusal(.notFound) {
                try await enrolment.createStudent(.init(name: "Ghost", guardianIDs: ["missing"]), by: admin)
            }
            _ = try await enrolment.createSubject(named: "Chemistry", by: admin)
            await expectRefusal(.conflict) { try await enrolment.createSubject(named: "chemistry", by: admin) }
            let tutor = try await enrolment.createTutor(.init(name: "Nadia", email: "nadia@tutors.example", sendInvitation: false), by: admin)
            #expect(tutor.role == .tutor && !tutor.hasPassword)
            await expectRefusal(.conflict) {
                try await enrolment.createTutor(.init(name: "Nadia", email: "NADIA@tutors.example", sendInvitation: false), by: admin)
            }
            let invited = try await enrolment.createTutor(.init(name: "Omar", email: "omar@tutors.example"), by: admin)
            let mail = try await dependencies.store.read { db in
                try await db.outboxMessages(organizationID: org.organization.id, recipientID: invited.id)
            }
            #expect(mail.count == 1)
        }
    }
}

@Suite struct DirectoryScopingTests {
    @Test(arguments: TestDatabase.available)
    func eachRoleSeesItsOwnPeople(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let directory = Directory(dependencies)
            let everyone = try await directory.students(for: org.caller(org.admin))
            let taught = try await directory.students(for: org.caller(org.tutors[0]))
            let children = try await directory.students(for: org.caller(org.parents[1]))
            let childrensTutors = try await directory.tutors(for: org.caller(org.parents[1]))
            let families = try await directory.parents(for: org.caller(org.tutors[1]))
            let ownEngagements = try await directory.engagements(for: org.caller(org.tutors[1]))
            let othersEngagements = try await directory.engagements(for: org.caller(org.tutors[1]), tutorID: org.tutors[0].id)
            #expect(everyone.count == 3)
            #expect(Set(taught.map(\.id)) == [org.students[0].id, org.students[2].id])
            #expect(children.map(\.id) == [org.students[2].id])
            #expect(childrensTutors.map(\.id) == [org.tutors[0].id])
            #expect(families.map(\.id) == [org.parents[0].id])
            #expect(ownEngagements.map(\.id) == [org.engagements[1].id])
            #expect(othersEngagements.isEmpty, "a filter never widens what a tutor sees")
            await expectRefusal(.forbidden) { try await directory.parents(for: org.caller(org.parents[0])) }
            await expectRefusal(.notFound) { try await directory.engagement(org.engagements[0].id, for: org.caller(org.parents[1])) }
            await expectRefusal(.notFound) { try await directory.engagement(org.engagements[0].id, for: org.caller(org.tutors[1])) }
        }
    }
}
