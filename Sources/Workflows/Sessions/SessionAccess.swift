import Scheduling
import Storage

/// Who may see a session: the office, its tutor, the families of its students.
enum SessionAccess {
    static func allows(_ caller: Caller, toSee session: Session, guardianIDs: Set<String>) -> Bool {
        switch caller.role {
        case .admin: true
        case .tutor: caller.userID == session.tutorID
        case .parent: guardianIDs.contains(caller.userID)
        }
    }

    /// The parties of a session the caller may see; "not found" otherwise, as for a missing one.
    static func parties(of session: Session, for caller: Caller, in db: DB) async throws -> RequestParties {
        guard let studentID = session.studentIDs.first else { throw DomainError.notFound("Session") }
        let parties = try await RequestParties.load(
            organizationID: session.organizationID, tutorID: session.tutorID, studentID: studentID, subjectID: session.subjectID, in: db)
        var guardians = Set(parties.student.guardianIDs)
        for other in session.studentIDs.dropFirst() {
            if let student = try await db.student(id: other, organizationID: session.organizationID) { guardians.formUnion(student.guardianIDs) }
        }
        guard allows(caller, toSee: session, guardianIDs: guardians) else { throw DomainError.notFound("Session") }
        return parties
    }
}
