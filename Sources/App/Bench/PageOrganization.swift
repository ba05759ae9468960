import Foundation
import Scheduling
import Storage
import Workflows

/// A year of a busy tutoring business for `bench pages`: tutors with weekday hours, a family per
/// student, sessions spread over the year around today, and open requests in the coming weeks.
enum PageOrganization {
    struct Seeded {
        /// Web session secrets: a tutor's and the office's.
        let tutorSession: String
        let officeSession: String
    }

    static func seed(sessions sessionCount: Int, openRequests requestCount: Int, dependencies: Dependencies, now: Date) async throws -> Seeded {
        let ids = dependencies.ids
        let organization = Organization(id: ids.next(), name: "Benchmark Pages", timeZone: TimeZone(identifier: "Europe/London")!, currency: "GBP")
        let office = User(
            id: ids.next(), organizationID: organization.id, role: .admin, name: "Office", email: "office-\(organization.id)@bench.example")
        let subjects = ["Maths", "English", "Physics", "Chemistry"].map { Subject(id: ids.next(), organizationID: organization.id, name: $0) }
        let tutors = (0..<10).map {
            User(
                id: ids.next(), organizationID: organization.id, role: .tutor, name: "Tutor \($0)",
                email: "tutor\($0)-\(organization.id)@bench.example")
        }
        let terms = EngagementTerms(
            clientRatePerHour: 5000, tutorPayRatePerHour: 3000, defaultDurationMinutes: 60, location: "Room 1", sessionType: "In person")
        var parents: [User] = [], students: [Student] = [], engagements: [Engagement] = []
        for index in 0..<250 {
            let parent = User(
                id: ids.next(), organizationID: organization.id, role: .parent, name: "Parent \(index)",
                email: "parent\(index)-\(organization.id)@bench.example", canRequestSessions: true)
            let student = Student(id: ids.next(), organizationID: organization.id, name: "Student \(index)", guardianIDs: [parent.id])
            parents.append(parent)
            students.append(student)
            engagements.append(
                Engagement(
                    id: ids.next(), organizationID: organization.id, tutorID: tutors[index % tutors.count].id, studentID: student.id,
                    subjectID: subjects[index % subjects.count].id, clientID: parent.id, terms: terms))
        }
        let today = organization.localDate(of: now)
        let timeline = organization.timeline(covering: today.adding(days: -200)...today.adding(days: 200))
        /// Each tutor's sessions take the hours from 09:00 up, one day after another, so none overlap.
        func hour(_ day: LocalDate, _ slot: Int) -> TimeRange {
            let start = timeline.instants(of: day, at: LocalTime(hour: 9 + slot, minute: 0)!).first!
            return TimeRange(start: start, end: start.addingTimeInterval(3600))!
        }
        let perTutor = sessionCount / tutors.count
        let sessions = (0..<sessionCount).map { index in
            let tutorIndex = index % tutors.count, nth = index / tutors.count
            // Spread over the 365 days around today, two a day, leaving 17:00 onwards for requests.
            let day = today.adding(days: -182 + nth * 365 / perTutor)
            let engagement = engagements.filter { $0.tutorID == tutors[tutorIndex].id }[nth % 25]
            return Session(
                id: ids.next(), organizationID: organization.id, tutorID: engagement.tutorID, students: [SessionStudent(through: engagement)],
                subjectID: engagement.subjectID, engagementID: engagement.id, time: hour(day, nth % 2), status: .scheduled, location: "Room 1",
                sessionType: "In person", className: "", room: "")
        }
        let requests = (0..<requestCount).map { index in
            // A tutor's requests take 17:00 to 21:00 on the days from four days ahead, one hour each.
            let engagement = engagements[index % engagements.count]
            let nth = index / tutors.count
            let time = hour(today.adding(days: 4 + nth / 4), 8 + nth % 4)
            return SessionRequest(
                id: ids.next(), organizationID: organization.id, engagementID: engagement.id, tutorID: engagement.tutorID,
                studentID: engagement.studentID, subjectID: engagement.subjectID, parentID: engagement.clientID, replacesSessionID: nil,
                createdAt: now, state: .pending, requestedTime: time, respondBy: now.addingTimeInterval(72 * 3600), updatedAt: now)
        }
        let tutorSession = dependencies.secrets.token(), officeSession = dependencies.secrets.token()
        try await dependencies.store.write { [parents, students, engagements] db in
            try await db.insertOrganization(organization, now: now)
            for user in [office] + tutors + parents { try await db.insertUser(user, passwordHash: nil, now: now) }
            for subject in subjects { try await db.insertSubject(subject) }
            for student in students { try await db.insertStudent(student, now: now) }
            for engagement in engagements { try await db.insertEngagement(engagement, now: now) }
            for session in sessions { try await db.insertSession(session, now: now) }
            for (index, request) in requests.enumerated() {
                try await db.insertRequest(request)
                try await db.appendConversation(
                    id: ids.next(), requestID: request.id, organizationID: organization.id,
                    author: .person(Caller(user: parents[index % parents.count])),
                    authorName: parents[index % parents.count].name, event: .requested, body: "Could we go over chapter \(index % 12 + 1)?",
                    time: request.requestedTime, now: now)
            }
            for (secret, user) in [(tutorSession, tutors[0]), (officeSession, office)] {
                try await db.insertAccessToken(
                    hash: SecretGenerator.hash(secret), userID: user.id, organizationID: organization.id, kind: .web, now: now,
                    expiresAt: now.addingTimeInterval(86_400))
            }
        }
        return Seeded(tutorSession: tutorSession, officeSession: officeSession)
    }
}
