import Foundation
import Scheduling
import Storage
import Workflows

/// `sessiondesk bench slots`: 50 tutors working Monday to Friday 09:00–17:00, each with 20 sessions
/// over the next four weeks; one tutor's free slots for 28 days, computed alone and through the store.
struct SlotBenchmark {
    let dependencies: Dependencies
    static let tutorCount = 50
    static let sessionsPerTutor = 20
    static let days = 28

    struct Figures {
        let database: String
        let slots: Int
        let pure: Timings
        let store: Timings
        let iterations: Int

        var report: [String] {
            [
                "Free slots for one tutor over \(SlotBenchmark.days) days (\(slots) slots), \(SlotBenchmark.tutorCount) tutors with \(SlotBenchmark.sessionsPerTutor) sessions each, \(iterations) runs:",
                String(format: "  pure computation:      median %.1f µs, p99 %.1f µs", pure.median, pure.percentile(99)),
                String(format: "  through the store:     median %.1f µs, p99 %.1f µs", store.median, store.percentile(99)),
                String(
                    format:
                        "bench=slots database=%@ tutors=%d days=%d slots=%d iterations=%d pure_median_us=%.1f pure_p99_us=%.1f store_median_us=%.1f store_p99_us=%.1f",
                    database, SlotBenchmark.tutorCount, SlotBenchmark.days, slots, iterations, pure.median, pure.percentile(99), store.median,
                    store.percentile(99)),
            ]
        }
    }

    func run(iterations: Int) async throws -> Figures {
        let now = dependencies.now()
        try await Migrator(store: dependencies.store).migrate(now: now)
        let (admin, engagementID, organization) = try await seed(now: now)
        let from = organization.localDate(of: now)
        let to = from.adding(days: Self.days - 1)

        let listing = FreeSlotListing(dependencies)
        let sample = try await listing.slots(engagementID: engagementID, from: from, to: to, for: admin)
        let period = TimeRange(start: sample.timeline.startOfDay(from), end: sample.timeline.startOfDay(to.adding(days: 1)))!
        let (availability, busy) = try await dependencies.store.read { db in
            (
                try await db.availability(tutorID: sample.engagement.tutorID, organizationID: organization.id, dates: from...to, period: period),
                try await db.busyTimes(tutorID: sample.engagement.tutorID, organizationID: organization.id, overlapping: period)
            )
        }
        let search = FreeSlotSearch(
            dates: from...to, slotMinutes: 60, stepMinutes: organization.settings.slotStepMinutes,
            earliestStart: organization.earliestRequestStart(now: now))
        var sink = 0
        let pure = await Timings.measure(iterations) {
            let timeline = organization.timeline(covering: from...to)
            sink &+= FreeSlots.find(search, availability: availability, busy: busy, timeline: timeline).count
        }
        let store = try await Timings.measure(iterations) {
            sink &+= try await listing.slots(engagementID: engagementID, from: from, to: to, for: admin).slots.count
        }
        precondition(sink != 0, "the benchmark found no slots")
        return Figures(database: dependencies.store.dialect.rawValue, slots: sample.slots.count, pure: pure, store: store, iterations: iterations)
    }

    /// A fresh organization each run, so that a benchmark never depends on earlier data: the office,
    /// the first tutor's engagement, and the organization.
    func seed(now: Date) async throws -> (Caller, String, Organization) {
        let ids = dependencies.ids
        let organization = Organization(id: ids.next(), name: "Benchmark Tutoring", timeZone: TimeZone(identifier: "Europe/London")!, currency: "GBP")
        let admin = User(
            id: ids.next(), organizationID: organization.id, role: .admin, name: "Bench Office", email: "office-\(organization.id)@bench.example")
        let engagementID: String = try await dependencies.store.write { db in
            try await db.insertOrganization(organization, now: now)
            try await db.insertUser(admin, passwordHash: nil, now: now)
            let subject = Subject(id: ids.next(), organizationID: organization.id, name: "Maths")
            try await db.insertSubject(subject)
            let parent = User(id: ids.next(), organizationID: organization.id, role: .parent, name: "Bench Parent", email: "parent@bench.example")
            try await db.insertUser(parent, passwordHash: nil, now: now)
            let student = Student(id: ids.next(), organizationID: organization.id, name: "Bench Student", guardianIDs: [parent.id])
            try await db.insertStudent(student, now: now)
            let weekly = (1...5).map {
                WeeklyHours(
                    weekday: Weekday(isoNumber: $0)!, hours: WorkingHours(start: LocalTime(hour: 9, minute: 0)!, end: LocalTime(hour: 17, minute: 0)!)
                )
            }
            let today = organization.localDate(of: now)
            let timeline = organization.timeline(covering: today...today.adding(days: Self.days))
            var firstEngagement: String?
            var generator = SplitMix64(seed: 50)
            for index in 0..<Self.tutorCount {
                let tutor = User(
                    id: ids.next(), organizationID: organization.id, role: .tutor, name: "Tutor \(index + 1)",
                    email: "tutor\(index + 1)@bench.example")
                try await db.insertUser(tutor, passwordHash: nil, now: now)
                try await db.replaceAvailability(
                    tutorID: tutor.id, organizationID: organization.id, with: Availability(weekly: weekly), today: today, now: now)
                let engagement = Engagement(
                    id: ids.next(), organizationID: organization.id, tutorID: tutor.id, studentID: student.id, subjectID: subject.id,
                    clientID: parent.id,
                    terms: EngagementTerms(
                        clientRatePerHour: 5000, tutorPayRatePerHour: 3000, defaultDurationMinutes: 60, location: "", sessionType: "Online"))
                try await db.insertEngagement(engagement, now: now)
                firstEngagement = firstEngagement ?? engagement.id
                // 20 distinct weekday hours over the next four weeks.
                var taken = Set<Int>()
                while taken.count < Self.sessionsPerTutor {
                    let day = Int(generator.next() % UInt64(Self.days)) + 1
                    let hour = 9 + Int(generator.next() % 8)
                    let date = today.adding(days: day)
                    guard date.weekday.isoNumber <= 5, taken.insert(day * 24 + hour).inserted,
                        let start = timeline.instants(of: date, at: LocalTime(hour: hour, minute: 0)!).first
                    else { continue }
                    try await db.insertSession(
                        Session(
                            id: ids.next(), organizationID: organization.id, tutorID: tutor.id, students: [SessionStudent(through: engagement)],
                            subjectID: subject.id,
                            engagementID: engagement.id, time: TimeRange(start: start, minutes: 60), status: .scheduled, location: "",
                            sessionType: "Online"),
                        now: now)
                }
            }
            return firstEngagement!
        }
        return (Caller(user: admin), engagementID, organization)
    }
}
