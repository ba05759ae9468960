import Foundation
import Scheduling
import Storage

/// What a client is billed for a set of sessions, each line with the names as they are today.
enum InvoiceLines {
    static func lines(billing clientID: String, sessionIDs: [String], organization: Organization, in db: DB) async throws -> [InvoiceLine] {
        let sessions = try await db.sessions(organizationID: organization.id, ids: sessionIDs, filter: .init(limit: 5000))
        guard !sessions.isEmpty else { return [] }
        let students = try await db.students(organizationID: organization.id, ids: Array(Set(sessions.flatMap(\.studentIDs))))
        let subjects = try await db.subjects(organizationID: organization.id)
        let tutors = try await db.users(organizationID: organization.id, ids: Array(Set(sessions.map(\.tutorID))))
        let studentNames = Dictionary(students.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let subjectNames = Dictionary(subjects.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let tutorNames = Dictionary(tutors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return sessions.flatMap { session in
            InvoiceLine.lines(
                billing: clientID, for: session, settings: organization.settings, studentName: { studentNames[$0] ?? "" },
                subjectName: subjectNames[session.subjectID] ?? "", tutorName: tutorNames[session.tutorID] ?? "")
        }
    }
}
