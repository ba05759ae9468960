import Foundation
import Scheduling
import Storage
import Workflows

extension DemoOrganization {
    /// Builds the demo's rows in order, remembering what it made for the steps after.
    struct Plan {
        let organization: Organization
        let ids: IDGenerator
        let now: Date
        var tutors: [(user: User, roster: DemoRoster.Tutor)] = []
        var parents: [User] = []
        var students: [Student] = []
        var subjects: [String: Subject] = [:]

        init(organization: Organization, ids: IDGenerator, now: Date) {
            self.organization = organization
            self.ids = ids
            self.now = now
        }

        mutating func insertPeople(passwordHash: String, in db: DB) async throws {
            let office = User(
                id: ids.next(), organizationID: organization.id, role: .admin, name: DemoRoster.officeName, email: "office@\(domain)",
                hasPassword: true)
            try await db.insertUser(office, passwordHash: passwordHash, now: now)
            for (index, roster) in DemoRoster.tutors.enumerated() {
                let tutor = User(
                    id: ids.next(), organizationID: organization.id, role: .tutor, name: roster.name, email: "tutor\(index + 1)@\(domain)",
                    phone: "+44 7700 9002\(String(format: "%02d", index + 1))", hasPassword: true)
                try await db.insertUser(tutor, passwordHash: passwordHash, now: now)
                try await db.replaceAvailability(
                    tutorID: tutor.id, organizationID: organization.id,
                    with: Availability(
                        weekly: roster.hours.map { day, start, end in
                            WeeklyHours(
                                weekday: Weekday(isoNumber: day)!, hours: WorkingHours(start: LocalTime(iso: start)!, end: LocalTime(iso: end)!))
                        }),
                    today: organization.localDate(of: now), now: now)
                tutors.append((tutor, roster))
            }
            for name in DemoRoster.subjects {
                let subject = Subject(id: ids.next(), organizationID: organization.id, name: name)
                try await db.insertSubject(subject)
                subjects[name] = subject
            }
            for (index, family) in DemoRoster.families.enumerated() {
                let parent = User(
                    id: ids.next(), organizationID: organization.id, role: .parent, name: family.parent, email: "parent\(index + 1)@\(domain)",
                    phone: try ContactRules.phone(family.phone), canRequestSessions: true, hasPassword: true)
                try await db.insertUser(parent, passwordHash: passwordHash, now: now)
                parents.append(parent)
                for child in family.children {
                    let student = Student(id: ids.next(), organizationID: organization.id, name: child, guardianIDs: [parent.id])
                    try await db.insertStudent(student, now: now)
                    students.append(student)
                }
            }
        }

        /// Every student has one engagement, every other student a second with another tutor, so that
        /// each tutor teaches several students of several families. Each engagement meets weekly.
        mutating func insertTeaching(in db: DB) async throws {
            var engagements: [(Engagement, DemoRoster.Tutor)] = []
            for (index, student) in students.enumerated() {
                var tutorIndexes = [index % tutors.count]
                if index % 2 == 0 { tutorIndexes.append((index + 2) % tutors.count) }
                for tutorIndex in tutorIndexes {
                    let tutor = tutors[tutorIndex]
                    let subjectName = tutor.roster.subjects[(index / tutors.count) % tutor.roster.subjects.count]
                    let rates = DemoRoster.rates(for: subjectName)
                    let engagement = Engagement(
                        id: ids.next(), organizationID: organization.id, tutorID: tutor.user.id, studentID: student.id,
                        subjectID: subjects[subjectName]!.id, clientID: student.guardianIDs[0],
                        terms: EngagementTerms(
                            clientRatePerHour: rates.client, tutorPayRatePerHour: rates.tutor, defaultDurationMinutes: 60,
                            location: tutorIndex % 2 == 0 ? "Northside centre, room \(tutorIndex + 1)" : "Online",
                            sessionType: tutorIndex % 2 == 0 ? "In person" : "Online"))
                    try await db.insertEngagement(engagement, now: now)
                    engagements.append((engagement, tutor.roster))
                }
            }
            try await insertWeeklySessions(for: engagements, in: db)
            try await insertExpiredRequest(through: engagements[0].0, in: db)
        }

        /// The first family's request that nobody answered in time, so that the expired state can be
        /// seen (it asked five days ago for yesterday at 16:00; its deadline passed two days ago).
        private func insertExpiredRequest(through engagement: Engagement, in db: DB) async throws {
            let parent = parents.first { $0.id == engagement.clientID }!
            let yesterday = organization.localDate(of: now).adding(days: -1)
            let start = organization.timeline(covering: yesterday...yesterday).instants(of: yesterday, at: LocalTime(hour: 16, minute: 0)!).first!
            let time = TimeRange(start: start, minutes: engagement.terms.defaultDurationMinutes)
            let asked = now.addingTimeInterval(-5 * 86_400)
            let due = asked.addingTimeInterval(72 * 3600)
            let request = SessionRequest(
                id: ids.next(), organizationID: organization.id, engagementID: engagement.id, tutorID: engagement.tutorID,
                studentID: engagement.studentID, subjectID: engagement.subjectID, parentID: parent.id, replacesSessionID: nil, createdAt: asked,
                state: .expired, requestedTime: time, respondBy: due, updatedAt: due, closedAt: due)
            try await db.insertRequest(request)
            try await db.appendConversation(
                id: ids.next(), requestID: request.id, organizationID: organization.id, author: .person(Caller(user: parent)),
                authorName: parent.name, event: .requested, body: "Could we fit in one more session before the test?", time: time, now: asked)
            try await db.appendConversation(
                id: ids.next(), requestID: request.id, organizationID: organization.id, author: .system, authorName: "SessionDesk",
                event: .expired, body: "Nobody answered in time.", time: time, now: due)
        }

        /// Gives each engagement a fixed weekly hour inside its tutor's hours (the tutor's stretches
        /// are filled in order, an hour apart), from two weeks before this week to two weeks after it.
        private func insertWeeklySessions(for engagements: [(Engagement, DemoRoster.Tutor)], in db: DB) async throws {
            let today = organization.localDate(of: now)
            let monday = today.adding(days: -(today.weekday.isoNumber - 1))
            let weeks = -2...2
            let timeline = organization.timeline(covering: monday.adding(days: 7 * weeks.lowerBound)...monday.adding(days: 7 * weeks.upperBound + 6))
            var nextFree: [String: Int] = [:]
            for (engagement, roster) in engagements {
                let slot = nextFree[engagement.tutorID, default: 0]
                nextFree[engagement.tutorID] = slot + 1
                let (day, start, _) = roster.hours[slot % roster.hours.count]
                let time = LocalTime(minuteOfDay: LocalTime(iso: start)!.minuteOfDay + 60 * (slot / roster.hours.count))!
                for week in weeks {
                    let date = monday.adding(days: 7 * week + day - 1)
                    guard let startInstant = timeline.instants(of: date, at: time).first else { continue }
                    let range = TimeRange(start: startInstant, minutes: engagement.terms.defaultDurationMinutes)
                    let session = Session(
                        id: ids.next(), organizationID: organization.id, tutorID: engagement.tutorID, students: [SessionStudent(through: engagement)],
                        subjectID: engagement.subjectID, engagementID: engagement.id, time: range,
                        status: range.end <= now ? .completed : .scheduled, location: engagement.terms.location,
                        sessionType: engagement.terms.sessionType)
                    try await db.insertSession(session, now: now)
                    if session.status == .scheduled {
                        try await SessionReminders.schedule(session, in: organization, ids: ids, now: now, db: db)
                    }
                }
            }
        }
    }
}
