public import Foundation
import SQLKit
public import Scheduling
public import Storage
import Workflows

extension TestOrganization {
    /// Adds `count` families, each a parent who may request sessions with one child taught by
    /// `tutor` (engagement rates as the others), for tests where many families compete.
    public func addFamilies(_ count: Int, taughtBy tutor: User, in store: any Store, now: Date) async throws -> [(
        parent: User, engagement: Engagement
    )] {
        let ids = IDGenerator.random
        var families: [(User, Engagement)] = []
        for index in 0..<count {
            let parent = User(
                id: ids.next(), organizationID: organization.id, role: .parent, name: "Family \(index)",
                email: "family\(index)-\(ids.next().prefix(6))@crowd.example",
                canRequestSessions: true, hasPassword: true)
            let student = Student(id: ids.next(), organizationID: organization.id, name: "Child \(index)", guardianIDs: [parent.id])
            let engagement = Engagement(
                id: ids.next(), organizationID: organization.id, tutorID: tutor.id, studentID: student.id, subjectID: subjects[0].id,
                clientID: parent.id, terms: engagements[0].terms)
            families.append((parent, engagement))
        }
        try await store.write { [families] db in
            for (parent, engagement) in families {
                try await db.insertUser(parent, passwordHash: nil, now: now)
                try await db.insertStudent(
                    Student(id: engagement.studentID, organizationID: organization.id, name: parent.name + "'s child", guardianIDs: [parent.id]),
                    now: now)
                try await db.insertEngagement(engagement, now: now)
            }
        }
        return families
    }

    /// Lets `parent` request sessions (the fixture's second parent may not, until this).
    public func allowRequests(by parent: User, in store: any Store) async throws -> User {
        try await store.write { db in
            try await db.sql.raw("UPDATE users SET can_request_sessions = \(bind: true) WHERE id = \(bind: parent.id)").run()
        }
        var allowed = parent
        allowed.canRequestSessions = true
        return allowed
    }

    /// Changes organization settings directly, for tests of rules that depend on them.
    public func changeSettings(in store: any Store, _ change: @Sendable (inout OrganizationSettings) -> Void) async throws -> Organization {
        var changed = organization
        change(&changed.settings)
        try await store.write { [changed] db in try await db.updateOrganization(changed) }
        return changed
    }
}
