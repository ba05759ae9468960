public import Foundation
public import Scheduling
import Storage

/// Who and what a caller may see in their organization: the office sees everything, a tutor
/// their own students and those students' families, a parent their own children and their tutors.
public struct Directory: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public func organization(for caller: Caller) async throws -> Organization {
        try await dependencies.store.read { db in
            guard let organization = try await db.organization(id: caller.organizationID) else { throw DomainError.notFound("Organization") }
            return organization
        }
    }

    /// The caller's own account.
    public func me(_ caller: Caller) async throws -> User {
        try await dependencies.store.read { db in
            guard let user = try await db.user(id: caller.userID, organizationID: caller.organizationID) else { throw DomainError.notFound("User") }
            return user
        }
    }

    public func tutors(for caller: Caller) async throws -> [User] {
        try await dependencies.store.read { db in
            switch caller.role {
            case .admin, .tutor:
                return try await db.users(organizationID: caller.organizationID, role: .tutor)
            case .parent:
                let ids = try await db.tutorIDs(teachingChildrenOf: caller.userID, organizationID: caller.organizationID)
                return try await db.users(organizationID: caller.organizationID, role: .tutor, ids: ids)
            }
        }
    }

    /// The office's own people (office only).
    public func officeStaff(for caller: Caller) async throws -> [User] {
        try caller.requireAdmin(to: "see the office's people")
        return try await dependencies.store.read { db in try await db.users(organizationID: caller.organizationID, role: .admin) }
    }

    public func parents(for caller: Caller) async throws -> [User] {
        try await dependencies.store.read { db in
            switch caller.role {
            case .admin:
                return try await db.users(organizationID: caller.organizationID, role: .parent)
            case .tutor:
                let ids = try await db.guardianIDs(ofStudentsTaughtBy: caller.userID, organizationID: caller.organizationID)
                return try await db.users(organizationID: caller.organizationID, role: .parent, ids: ids)
            case .parent:
                throw DomainError.forbidden("Parents cannot list other families.")
            }
        }
    }

    /// When each person's invitation link stops working, for those who have one that still works (office only).
    public func openInvitations(for caller: Caller) async throws -> [String: Date] {
        try caller.requireAdmin(to: "see invitations")
        let now = dependencies.currentInstant()
        return try await dependencies.store.read { db in try await db.openInvitationExpiries(organizationID: caller.organizationID, now: now) }
    }

    public func students(for caller: Caller) async throws -> [Student] {
        try await dependencies.store.read { db in
            try await db.students(organizationID: caller.organizationID, scope: Self.studentScope(caller))
        }
    }

    public func subjects(for caller: Caller) async throws -> [Subject] {
        try await dependencies.store.read { db in try await db.subjects(organizationID: caller.organizationID) }
    }

    /// `tutorID` and `studentID` narrow the list; they never widen what the caller may see.
    public func engagements(for caller: Caller, tutorID: String? = nil, studentID: String? = nil) async throws -> [Engagement] {
        var filter = Self.engagementScope(caller)
        if let tutorID {
            if let own = filter.tutorID, own != tutorID { return [] }
            filter.tutorID = tutorID
        }
        filter.studentID = studentID
        return try await dependencies.store.read { [filter] db in
            try await db.engagements(organizationID: caller.organizationID, filter: filter)
        }
    }

    /// The engagement if the caller may see it; otherwise "not found", exactly as for a missing one.
    public func engagement(_ id: String, for caller: Caller) async throws -> Engagement {
        try await dependencies.store.read { db in try await Self.engagement(id, for: caller, in: db) }
    }

    static func engagement(_ id: String, for caller: Caller, in db: DB) async throws -> Engagement {
        guard let engagement = try await db.engagement(id: id, organizationID: caller.organizationID) else {
            throw DomainError.notFound("Engagement")
        }
        let guardianIDs = caller.role == .parent ? try await guardians(of: engagement, in: db) : []
        return try visible(engagement, guardianIDs: guardianIDs, to: caller)
    }

    /// The same, through `cache` while the organization's directory stays at `stamp`.
    static func engagement(_ id: String, for caller: Caller, stamp: Int64, cache: DirectoryCache, in db: DB) async throws -> Engagement {
        let entry: DirectoryCache.EngagementEntry
        if let kept = cache.engagement(id, organizationID: caller.organizationID, stamp: stamp) {
            entry = kept
        } else {
            guard let engagement = try await db.engagement(id: id, organizationID: caller.organizationID) else {
                throw DomainError.notFound("Engagement")
            }
            entry = DirectoryCache.EngagementEntry(engagement: engagement, guardianIDs: try await guardians(of: engagement, in: db))
            cache.keep(entry, organizationID: caller.organizationID, stamp: stamp)
        }
        return try visible(entry.engagement, guardianIDs: entry.guardianIDs, to: caller)
    }

    private static func guardians(of engagement: Engagement, in db: DB) async throws -> [String] {
        try await db.student(id: engagement.studentID, organizationID: engagement.organizationID)?.guardianIDs ?? []
    }

    /// The office sees every engagement, a tutor their own, a family their children's.
    private static func visible(_ engagement: Engagement, guardianIDs: [String], to caller: Caller) throws -> Engagement {
        switch caller.role {
        case .admin: return engagement
        case .tutor where engagement.tutorID == caller.userID: return engagement
        case .parent where guardianIDs.contains(caller.userID): return engagement
        default: throw DomainError.notFound("Engagement")
        }
    }

    static func studentScope(_ caller: Caller) -> StudentScope {
        switch caller.role {
        case .admin: .organization
        case .tutor: .tutor(caller.userID)
        case .parent: .guardian(caller.userID)
        }
    }

    static func engagementScope(_ caller: Caller) -> EngagementFilter {
        switch caller.role {
        case .admin: EngagementFilter()
        case .tutor: EngagementFilter(tutorID: caller.userID)
        case .parent: EngagementFilter(guardianID: caller.userID)
        }
    }
}
