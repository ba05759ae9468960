public import Foundation
import HummingbirdBcrypt
public import Scheduling
public import Storage
import Workflows

/// A small organization for tests: an office, two tutors, two families, three students, engagements
/// and weekday hours. Parent 1 may request sessions; parent 2 may not.
public struct TestOrganization: Sendable {
    public let organization: Organization
    public let admin: User
    /// Tutor 0 teaches student 0 (family 0) and student 2 (family 1); tutor 1 teaches student 1 (family 0).
    public let tutors: [User]
    public let parents: [User]
    public let students: [Student]
    public let subjects: [Subject]
    /// engagements[0]: tutor 0 + student 0; [1]: tutor 1 + student 1; [2]: tutor 0 + student 2.
    public let engagements: [Engagement]

    public func caller(_ user: User) -> Caller { Caller(user: user) }

    public static func seed(
        in store: any Store, name: String = "Northside", zone: String = "Europe/London", now: Date, domain: String? = nil
    ) async throws -> TestOrganization {
        let ids = IDGenerator.random
        let domain = domain ?? "\(ids.next().prefix(8)).example"
        let organization = Organization(id: ids.next(), name: name, timeZone: TimeZone(identifier: zone)!, currency: "GBP")
        func user(_ role: Role, _ name: String, _ local: String, canRequest: Bool = false) -> User {
            User(
                id: ids.next(), organizationID: organization.id, role: role, name: name, email: "\(local)@\(domain)", canRequestSessions: canRequest,
                hasPassword: true)
        }
        let admin = user(.admin, "Office", "office")
        let tutors = [user(.tutor, "Tutor Zero", "tutor0"), user(.tutor, "Tutor One", "tutor1")]
        let parents = [user(.parent, "Parent Zero", "parent0", canRequest: true), user(.parent, "Parent One", "parent1")]
        let students = [
            Student(id: ids.next(), organizationID: organization.id, name: "Student Zero", guardianIDs: [parents[0].id]),
            Student(id: ids.next(), organizationID: organization.id, name: "Student One", guardianIDs: [parents[0].id]),
            Student(id: ids.next(), organizationID: organization.id, name: "Student Two", guardianIDs: [parents[1].id]),
        ]
        let subjects = ["Maths", "English"].map { Subject(id: ids.next(), organizationID: organization.id, name: $0) }
        let terms = EngagementTerms(
            clientRatePerHour: 5000, tutorPayRatePerHour: 3000, defaultDurationMinutes: 60, location: "Room 1", sessionType: "In person")
        let engagements = [(0, 0, 0), (1, 1, 1), (0, 2, 0)].map { tutor, student, subject in
            Engagement(
                id: ids.next(), organizationID: organization.id, tutorID: tutors[tutor].id, studentID: students[student].id,
                subjectID: subjects[subject].id, clientID: students[student].guardianIDs[0], terms: terms)
        }
        try await store.write { db in
            try await db.insertOrganization(organization, now: now)
            // Everyone's password is `testPassword`.
            for person in [admin] + tutors + parents { try await db.insertUser(person, passwordHash: testPasswordHash, now: now) }
            for subject in subjects { try await db.insertSubject(subject) }
            for student in students { try await db.insertStudent(student, now: now) }
            for engagement in engagements { try await db.insertEngagement(engagement, now: now) }
            let today = organization.localDate(of: now)
            for tutor in tutors {
                let weekly = (1...5).map {
                    WeeklyHours(
                        weekday: Weekday(isoNumber: $0)!,
                        hours: WorkingHours(start: LocalTime(hour: 9, minute: 0)!, end: LocalTime(hour: 17, minute: 0)!))
                }
                try await db.replaceAvailability(
                    tutorID: tutor.id, organizationID: organization.id, with: Availability(weekly: weekly), today: today, now: now)
            }
        }
        return TestOrganization(
            organization: organization, admin: admin, tutors: tutors, parents: parents, students: students, subjects: subjects,
            engagements: engagements)
    }

    /// Stores an API token for `user` and returns its secret, as `login` would.
    public func token(for user: User, in store: any Store, now: Date, kind: AccessKind = .api) async throws -> String {
        let token = SecretGenerator.system.token()
        try await store.write { db in
            try await db.insertAccessToken(
                hash: SecretGenerator.hash(token), userID: user.id, organizationID: user.organizationID, kind: kind, now: now,
                expiresAt: now.addingTimeInterval(3600))
        }
        return token
    }
}

public let testPassword = "correct horse battery"
/// bcrypt at the minimum cost: real hashing, fast enough for every test organization.
public let testPasswordHash = Bcrypt.hash(testPassword, cost: 4)
