import Foundation
public import Scheduling
import Storage
public import Workflows

/// A deterministic demo organization: an office, 5 tutors with weekly hours, 12 parents, 20
/// students, their engagements, and weekly sessions from two weeks before this week to two weeks after it.
public struct DemoOrganization: Sendable {
    public static let password = "sessiondesk-demo"
    public static let domain = "northside.example"

    public struct Login: Sendable {
        public let role: Role
        public let name: String
        public let email: String
    }

    public let organization: Organization
    public let logins: [Login]
    public let studentCount: Int
    public let engagementCount: Int
    public let sessionCount: Int

    /// Seeds only into a database with no organization at all; returns nil otherwise.
    public static func seedIfEmpty(_ dependencies: Dependencies) async throws -> DemoOrganization? {
        try await seed(dependencies, onlyIntoAnEmptyDatabase: true)
    }

    /// Seeds the demo organization, or describes it if it already exists.
    public static func seed(_ dependencies: Dependencies) async throws -> DemoOrganization {
        try await seed(dependencies, onlyIntoAnEmptyDatabase: false)!
    }

    /// Under the setup lock, so that instances started together on one empty database seed it once.
    private static func seed(_ dependencies: Dependencies, onlyIntoAnEmptyDatabase: Bool) async throws -> DemoOrganization? {
        // Most starts find data already there: skip hashing the demo password for nothing.
        if onlyIntoAnEmptyDatabase, try await dependencies.store.read({ db in try await db.hasOrganizations() }) { return nil }
        let ids = IDGenerator.seeded(20_261_123)
        let now = Date(epochSeconds: dependencies.now().epochSeconds)
        let organization = Organization(
            id: ids.next(), name: DemoRoster.organizationName, timeZone: TimeZone(identifier: DemoRoster.timeZone)!, currency: "GBP",
            contact: OfficeContact(
                email: "office@northside.example", phone: "020 7946 0000", address: "12 Northside Road\nLondon N1 4AB"))
        let passwordHash = try await dependencies.passwords.hash(password)
        let seeded: (demo: DemoOrganization, new: Bool)? = try await dependencies.store.write { db in
            try await db.lockSetup()
            if onlyIntoAnEmptyDatabase, try await db.hasOrganizations() { return nil }
            if try await db.organization(id: organization.id) != nil {
                return (try await describe(organization, in: db), false)
            }
            try await db.insertOrganization(organization, now: now)
            var plan = Plan(organization: organization, ids: ids, now: now)
            try await plan.insertPeople(passwordHash: passwordHash, in: db)
            try await plan.insertTeaching(in: db)
            return (try await describe(organization, in: db), true)
        }
        if seeded?.new == true { try await DemoInvoices.insert(for: organization, dependencies) }
        return seeded?.demo
    }

    private static func describe(_ organization: Organization, in db: DB) async throws -> DemoOrganization {
        let office = try await db.users(organizationID: organization.id, role: .admin)
        let tutors = try await db.users(organizationID: organization.id, role: .tutor)
        let parents = try await db.users(organizationID: organization.id, role: .parent)
        let logins =
            (office + tutors.sorted { $0.email.localizedStandardCompare($1.email) == .orderedAscending }
            + parents.sorted { $0.email.localizedStandardCompare($1.email) == .orderedAscending })
            .map { Login(role: $0.role, name: $0.name, email: $0.email) }
        let sessions =
            try await db.sql.raw("SELECT COUNT(*) AS n FROM sessions WHERE organization_id = \(bind: organization.id)")
            .first(decodingColumn: "n", as: Int.self) ?? 0
        return DemoOrganization(
            organization: organization, logins: logins,
            studentCount: try await db.students(organizationID: organization.id).count,
            engagementCount: try await db.engagements(organizationID: organization.id).count, sessionCount: sessions)
    }

    /// What `sessiondesk demo` prints.
    public var summary: String {
        var lines = [
            "\(organization.name) (\(organization.timeZone.identifier)): \(logins.count) logins, \(studentCount) students, "
                + "\(engagementCount) engagements, \(sessionCount) sessions.",
            "Every login uses the password \(Self.password) (demo data only).",
            "",
        ]
        for login in logins {
            lines.append(
                "  \(login.role.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(login.email.padding(toLength: 30, withPad: " ", startingAt: 0)) \(login.name)"
            )
        }
        return lines.joined(separator: "\n")
    }
}
