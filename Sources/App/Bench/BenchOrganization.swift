import Foundation
import Scheduling
import Storage
import Workflows

/// A fresh organization for `bench requests`: one tutor and family per lane, available around the
/// clock in UTC (so that no slot is refused for its hour), and a crowd of families sharing one more
/// tutor for the race.
enum BenchOrganization {
    struct Seeded {
        let officeToken: String
        let lanes: [RequestBenchmark.Lane]
        let race: [RequestBenchmark.Lane]
    }

    static func seed(lanes count: Int, raceFamilies: Int, dependencies: Dependencies, now: Date) async throws -> Seeded {
        let ids = dependencies.ids
        let secrets = dependencies.secrets
        let organization = Organization(id: ids.next(), name: "Benchmark Requests", timeZone: TimeZone(identifier: "UTC")!, currency: "GBP")
        let office = User(
            id: ids.next(), organizationID: organization.id, role: .admin, name: "Bench Office", email: "office-\(organization.id)@bench.example")
        let subject = Subject(id: ids.next(), organizationID: organization.id, name: "Maths")
        let terms = EngagementTerms(
            clientRatePerHour: 5000, tutorPayRatePerHour: 3000, defaultDurationMinutes: 60, location: "Room 1", sessionType: "In person")
        // Hour slots from four days ahead (past the 72-hour notice), seven hours apart: a busy
        // tutor's three or four sessions a day, at every hour of the day in turn.
        let firstDay = organization.localDate(of: now).adding(days: 4)
        let starts = (0..<1200).map { Date(epochSeconds: Int64(firstDay.daysSinceEpoch) * 86_400 + Int64($0) * 7 * 3600) }

        var tokens: [(String, User)] = []
        func token(for user: User) -> String {
            let secret = secrets.token()
            tokens.append((secret, user))
            return secret
        }
        var people: [(User, Student, Engagement)] = []
        func family(taughtBy tutor: User, _ index: Int) -> (User, Student, Engagement) {
            let parent = User(
                id: ids.next(), organizationID: organization.id, role: .parent, name: "Family \(index)",
                email: "family\(index)-\(organization.id)@bench.example",
                canRequestSessions: true)
            let student = Student(id: ids.next(), organizationID: organization.id, name: "Child \(index)", guardianIDs: [parent.id])
            let engagement = Engagement(
                id: ids.next(), organizationID: organization.id, tutorID: tutor.id, studentID: student.id, subjectID: subject.id, clientID: parent.id,
                terms: terms)
            people.append((parent, student, engagement))
            return (parent, student, engagement)
        }
        let tutors = (0...count).map { index in
            User(
                id: ids.next(), organizationID: organization.id, role: .tutor, name: "Tutor \(index)",
                email: "tutor\(index)-\(organization.id)@bench.example")
        }
        let officeToken = token(for: office)
        let lanes = (0..<count).map { index in
            let (parent, _, engagement) = family(taughtBy: tutors[index], index)
            return RequestBenchmark.Lane(token: token(for: parent), engagementID: engagement.id, starts: starts)
        }
        let race = (0..<raceFamilies).map { index in
            let (parent, _, engagement) = family(taughtBy: tutors[count], count + index)
            return RequestBenchmark.Lane(token: token(for: parent), engagementID: engagement.id, starts: [starts[10]])
        }
        let allDay = Availability(
            weekly: Weekday.allCases.map { WeeklyHours(weekday: $0, hours: WorkingHours(start: .midnight, end: .endOfDay)) })
        try await dependencies.store.write { [people, tokens, tutors] db in
            try await db.insertOrganization(organization, now: now)
            try await db.insertUser(office, passwordHash: nil, now: now)
            try await db.insertSubject(subject)
            for tutor in tutors {
                try await db.insertUser(tutor, passwordHash: nil, now: now)
                try await db.replaceAvailability(tutorID: tutor.id, organizationID: organization.id, with: allDay, today: firstDay, now: now)
            }
            for (parent, student, engagement) in people {
                try await db.insertUser(parent, passwordHash: nil, now: now)
                try await db.insertStudent(student, now: now)
                try await db.insertEngagement(engagement, now: now)
            }
            for (secret, user) in tokens {
                try await db.insertAccessToken(
                    hash: SecretGenerator.hash(secret), userID: user.id, organizationID: organization.id, kind: .api, now: now,
                    expiresAt: now.addingTimeInterval(86_400))
            }
        }
        return Seeded(officeToken: officeToken, lanes: lanes, race: race)
    }
}
