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

    static func load(organizationID: String, tutorID: String, studentID: String, subjectID: String, in db: DB) async throws -> RequestParties {
        guard let organization = try await db.organization(id: organizationID),
            let student = try await db.student(id: studentID, organizationID: organizationID),
            let subject = try await db.subject(id: subjectID, organizationID: organizationID)
        else { throw DomainError.notFound("Session request") }
        // The tutor and the family in one read: a move loads its parties inside the writer's transaction.
        let people = try await db.users(organizationID: organizationID, ids: [tutorID] + student.guardianIDs)
        guard let tutor = people.first(where: { $0.id == tutorID }) else { throw DomainError.notFound("Session request") }
        let guardians = people.filter { $0.role == .parent && student.guardianIDs.contains($0.id) }
        let admins = try await db.users(organizationID: organizationID, role: .admin)
        return RequestParties(organization: organization, tutor: tutor, student: student, subject: subject, guardians: guardians, admins: admins)
    }

    static func load(for request: SessionRequest, in db: DB) async throws -> RequestParties {
        try await load(
            organizationID: request.organizationID, tutorID: request.tutorID, studentID: request.studentID, subjectID: request.subjectID, in: db)
    }

    func lifecycleContext(now: Date) -> RequestLifecycle.Context {
        RequestLifecycle.Context(organization: organization, now: now, guardianIDs: Set(student.guardianIDs))
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
