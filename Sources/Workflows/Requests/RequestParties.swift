import Foundation
public import Scheduling
import Storage

/// Everyone and everything a request or session concerns, loaded once per move: for the rules,
/// the conversation, the audit log and the notifications.
public struct RequestParties: Sendable {
    public let organization: Organization
    public let tutor: User
    public let student: Student
    public let subject: Subject
    /// The student's guardians: the family.
    public let guardians: [User]
    /// The office.
    public let admins: [User]

    /// The organization's directory stamp when they were read (see `DirectoryCache`).
    let directoryStamp: Int64

    /// With `cache`, only the organization is read whenever the cache holds the rest at its stamp.
    static func load(
        organizationID: String, tutorID: String, studentID: String, subjectID: String, cache: DirectoryCache? = nil, in db: DB
    ) async throws -> RequestParties {
        guard let (organization, stamp) = try await db.stampedOrganization(id: organizationID) else {
            throw DomainError.notFound("Session request")
        }
        return try await load(
            organization: organization, stamp: stamp, tutorID: tutorID, studentID: studentID, subjectID: subjectID, cache: cache, in: db)
    }

    /// For a move that has read its organization (and directory stamp) already.
    static func load(
        organization: Organization, stamp: Int64, tutorID: String, studentID: String, subjectID: String, cache: DirectoryCache?, in db: DB
    ) async throws -> RequestParties {
        let organizationID = organization.id
        let key = DirectoryCache.PartiesKey(tutorID: tutorID, studentID: studentID, subjectID: subjectID)
        let people: DirectoryCache.People
        if let kept = cache?.people(key, organizationID: organizationID, stamp: stamp) {
            people = kept
        } else {
            people = try await read(key, organizationID: organizationID, in: db)
            cache?.keep(people, for: key, organizationID: organizationID, stamp: stamp)
        }
        return RequestParties(
            organization: organization, tutor: people.tutor, student: people.student, subject: people.subject, guardians: people.guardians,
            admins: people.admins, directoryStamp: stamp)
    }

    static func load(for request: SessionRequest, cache: DirectoryCache? = nil, in db: DB) async throws -> RequestParties {
        try await load(
            organizationID: request.organizationID, tutorID: request.tutorID, studentID: request.studentID, subjectID: request.subjectID,
            cache: cache, in: db)
    }

    private static func read(_ key: DirectoryCache.PartiesKey, organizationID: String, in db: DB) async throws -> DirectoryCache.People {
        guard let student = try await db.student(id: key.studentID, organizationID: organizationID),
            let subject = try await db.subject(id: key.subjectID, organizationID: organizationID)
        else { throw DomainError.notFound("Session request") }
        // The tutor and the family in one read.
        let people = try await db.users(organizationID: organizationID, ids: [key.tutorID] + student.guardianIDs)
        guard let tutor = people.first(where: { $0.id == key.tutorID }) else { throw DomainError.notFound("Session request") }
        return DirectoryCache.People(
            tutor: tutor, student: student, subject: subject,
            guardians: people.filter { $0.role == .parent && student.guardianIDs.contains($0.id) },
            admins: try await db.users(organizationID: organizationID, role: .admin))
    }

    /// `answerBy`: for a reschedule, the moved session's cancellation cutoff.
    func lifecycleContext(now: Date, answerBy: Date? = nil) -> RequestLifecycle.Context {
        RequestLifecycle.Context(organization: organization, now: now, guardianIDs: Set(student.guardianIDs), answerBy: answerBy)
    }

    /// The people in `audiences`, each once.
    func recipients(_ audiences: Set<Audience>) -> [User] {
        var people: [User] = []
        if audiences.contains(.family) { people += guardians }
        if audiences.contains(.tutor) { people.append(tutor) }
        if audiences.contains(.office) { people += admins }
        var seen = Set<String>()
        return people.filter { seen.insert($0.id).inserted }
    }

    /// "Maths with Amara Okafor for Tobi Adeyemi"
    var summary: String { "\(subject.name) with \(tutor.name) for \(student.name)" }
}
