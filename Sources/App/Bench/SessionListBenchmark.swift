import Foundation
import Scheduling
import Storage
import Workflows

/// `sessiondesk bench sessions`: the office's session list over HTTP, filtered to one tutor and a
/// month (one page of 50), and the CSV export of a stretch of about 10,000 sessions (all of them
/// in the smaller organization), in two organizations of one database, a small one (1,000
/// sessions) and a large one (`--sessions`, 100,000 by default), measured in the same run: the
/// large one's page must not cost much more than the small one's (it must not scan).
struct SessionListBenchmark {
    let dependencies: Dependencies
    let configuration: AppConfiguration
    let sessions: Int
    let iterations: Int

    static let smallSessions = 1_000
    static let exportRows = 10_000

    struct Size {
        let sessions: Int
        let page: Timings
        let export: Timings
        let exportRows: Int
    }

    struct Figures {
        let database: String
        let small: Size
        let large: Size

        var report: [String] {
            func line(_ size: Size) -> String {
                String(
                    format: "  %6d sessions: a page (one tutor, a month) median %.2f ms, p99 %.2f ms; export of %d rows median %.1f ms, p99 %.1f ms",
                    size.sessions, size.page.median / 1000, size.page.percentile(99) / 1000, size.exportRows, size.export.median / 1000,
                    size.export.percentile(99) / 1000)
            }
            return [
                "The office's session list over HTTP on loopback, one request at a time:", line(small), line(large),
                String(format: "  the large organization's page costs %.2f× the small one's", large.page.median / small.page.median),
                String(
                    format:
                        "bench=sessions database=%@ small_sessions=%d large_sessions=%d small_page_median_ms=%.2f small_page_p99_ms=%.2f large_page_median_ms=%.2f large_page_p99_ms=%.2f page_ratio=%.2f small_export_rows=%d small_export_median_ms=%.1f large_export_rows=%d large_export_median_ms=%.1f large_export_p99_ms=%.1f",
                    database, small.sessions, large.sessions, small.page.median / 1000, small.page.percentile(99) / 1000, large.page.median / 1000,
                    large.page.percentile(99) / 1000, large.page.median / small.page.median, small.exportRows, small.export.median / 1000,
                    large.exportRows, large.export.median / 1000, large.export.percentile(99) / 1000),
            ]
        }
    }

    func run() async throws -> Figures {
        let now = dependencies.now()
        try await Migrator(store: dependencies.store).migrate(now: now)
        let small = try await SessionListOrganization.seed(sessions: Self.smallSessions, dependencies: dependencies, now: now)
        let large = try await SessionListOrganization.seed(sessions: sessions, dependencies: dependencies, now: now)
        return try await BenchServer.serving(configuration: configuration, dependencies: dependencies) { port in
            func measure(_ seeded: SessionListOrganization.Seeded) async throws -> Size {
                try await BenchConnection.open(host: "127.0.0.1", port: port) { connection in
                    func get(_ path: String) async throws -> BenchConnection.Response {
                        let response = try await connection.send(.GET, path, token: seeded.officeToken)
                        guard response.status == 200 else { throw BenchConnection.Failure(description: "\(path) answered \(response.status)") }
                        return response
                    }
                    let rows = String(buffer: try await get(seeded.exportPath).body).split(separator: "\r\n").count - 1
                    let page = try await Timings.measure(iterations) { _ = try await get(seeded.pagePath) }
                    let export = try await Timings.measure(max(5, iterations / 20), warmUp: 2) { _ = try await get(seeded.exportPath) }
                    return Size(sessions: seeded.sessions, page: page, export: export, exportRows: rows)
                }
            }
            return Figures(database: dependencies.store.dialect.rawValue, small: try await measure(small), large: try await measure(large))
        }
    }
}

/// An organization of `sessions` completed sessions over the past year, 2,000 per tutor (about
/// six a day from 08:00), with a family per student, and the office's API token.
enum SessionListOrganization {
    struct Seeded {
        let sessions: Int
        let officeToken: String
        /// One tutor's sessions in the last 30 days, the first page.
        let pagePath: String
        /// The most recent days holding about `SessionListBenchmark.exportRows` sessions.
        let exportPath: String
    }

    static func seed(sessions count: Int, dependencies: Dependencies, now: Date) async throws -> Seeded {
        let ids = dependencies.ids
        let organization = Organization(id: ids.next(), name: "Benchmark Sessions", timeZone: TimeZone(identifier: "Europe/London")!, currency: "GBP")
        let office = User(
            id: ids.next(), organizationID: organization.id, role: .admin, name: "Office", email: "office-\(organization.id)@bench.example")
        let subject = Subject(id: ids.next(), organizationID: organization.id, name: "Maths")
        let tutorCount = max(1, (count + 1_999) / 2_000)
        let tutors = (0..<tutorCount).map {
            User(
                id: ids.next(), organizationID: organization.id, role: .tutor, name: "Tutor \($0)",
                email: "tutor\($0)-\(organization.id)@bench.example")
        }
        let terms = EngagementTerms(
            clientRatePerHour: 5000, tutorPayRatePerHour: 3000, defaultDurationMinutes: 60, location: "Room 1", sessionType: "In person")
        var parents: [User] = [], students: [Student] = [], engagements: [Engagement] = []
        for index in 0..<(tutorCount * 20) {
            let parent = User(
                id: ids.next(), organizationID: organization.id, role: .parent, name: "Parent \(index)",
                email: "parent\(index)-\(organization.id)@bench.example")
            let student = Student(id: ids.next(), organizationID: organization.id, name: "Student \(index)", guardianIDs: [parent.id])
            parents.append(parent)
            students.append(student)
            engagements.append(
                Engagement(
                    id: ids.next(), organizationID: organization.id, tutorID: tutors[index % tutorCount].id, studentID: student.id,
                    subjectID: subject.id, clientID: parent.id, terms: terms))
        }
        let today = organization.localDate(of: now)
        let timeline = organization.timeline(covering: today.adding(days: -366)...today)
        let token = dependencies.secrets.token()
        try await dependencies.store.write { [parents, students, engagements] db in
            try await db.insertOrganization(organization, now: now)
            for user in [office] + tutors + parents { try await db.insertUser(user, passwordHash: nil, now: now) }
            try await db.insertSubject(subject)
            for student in students { try await db.insertStudent(student, now: now) }
            for engagement in engagements { try await db.insertEngagement(engagement, now: now) }
            for index in 0..<count {
                // Session n of a tutor: day n / 6 back from yesterday, hour 08:00 + n % 6, so none overlap.
                let tutorIndex = index % tutorCount, nth = index / tutorCount
                let engagement = engagements[tutorIndex + tutorCount * (nth % 20)]
                let day = today.adding(days: -1 - nth / 6)
                let start = timeline.instants(of: day, at: LocalTime(hour: 8 + nth % 6, minute: 0)!).first!
                try await db.insertSession(
                    Session(
                        id: ids.next(), organizationID: organization.id, tutorID: engagement.tutorID, students: [SessionStudent(through: engagement)],
                        subjectID: engagement.subjectID, engagementID: engagement.id, time: TimeRange(start: start, minutes: 60), status: .completed,
                        location: "Room 1", sessionType: "In person"),
                    now: now)
            }
            try await db.insertAccessToken(
                hash: SecretGenerator.hash(token), userID: office.id, organizationID: organization.id, kind: .api, now: now,
                expiresAt: now.addingTimeInterval(86_400))
        }
        // Sessions run back from yesterday, six a day for each tutor: the days that hold the export's rows.
        let exportDays = min(366, (SessionListBenchmark.exportRows + tutorCount * 6 - 1) / (tutorCount * 6))
        return Seeded(
            sessions: count, officeToken: token,
            pagePath: "/api/v1/sessions?from=\(today.adding(days: -30).iso)&to=\(today.iso)&tutorId=\(tutors[0].id)&limit=50",
            exportPath: "/api/v1/exports/sessions?from=\(today.adding(days: -exportDays).iso)&to=\(today.adding(days: -1).iso)")
    }
}
