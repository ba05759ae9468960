public import Foundation
import SQLKit
public import Scheduling

/// Which students a list holds: everyone's, one guardian's, or one tutor's.
public enum StudentScope: Sendable {
    case organization
    case guardian(String)
    /// Taught through an active engagement.
    case tutor(String)
}

extension DB {
    public func insertStudent(_ student: Student, now: Date) async throws {
        try await sql.raw(
            """
            INSERT INTO students (id, organization_id, name, notes, created_at)
            VALUES (\(bind: student.id), \(bind: student.organizationID), \(bind: student.name), \(bind: student.notes), \(bind: now.epochSeconds))
            """
        ).run()
        for guardianID in student.guardianIDs {
            try await sql.raw(
                """
                INSERT INTO student_guardians (student_id, guardian_id, organization_id)
                VALUES (\(bind: student.id), \(bind: guardianID), \(bind: student.organizationID))
                """
            ).run()
        }
    }

    /// Replaces the student's name, notes and guardians.
    public func updateStudent(_ student: Student) async throws {
        try await sql.raw(
            """
            UPDATE students SET name = \(bind: student.name), notes = \(bind: student.notes)
            WHERE id = \(bind: student.id) AND organization_id = \(bind: student.organizationID)
            """
        ).run()
        try await sql.raw(
            "DELETE FROM student_guardians WHERE student_id = \(bind: student.id) AND organization_id = \(bind: student.organizationID)"
        ).run()
        for guardianID in student.guardianIDs {
            try await sql.raw(
                """
                INSERT INTO student_guardians (student_id, guardian_id, organization_id)
                VALUES (\(bind: student.id), \(bind: guardianID), \(bind: student.organizationID))
                """
            ).run()
        }
    }

    public func students(organizationID: String, scope: StudentScope = .organization, ids: [String]? = nil) async throws -> [Student] {
        var query: SQLQueryString = "SELECT s.id, s.name, s.notes FROM students s WHERE s.organization_id = \(bind: organizationID)"
        switch scope {
        case .organization: break
        case .guardian(let guardianID):
            query += " AND s.id IN (SELECT student_id FROM student_guardians WHERE guardian_id = \(bind: guardianID))"
        case .tutor(let tutorID):
            query += " AND s.id IN (SELECT student_id FROM engagements WHERE tutor_id = \(bind: tutorID) AND is_active = \(bind: true))"
        }
        if let ids {
            guard !ids.isEmpty else { return [] }
            query += " AND s.id IN (\(binds: ids))"
        }
        query += " ORDER BY s.name, s.id"
        let rows = try await sql.raw(query).all(decoding: StudentRow.self)
        guard !rows.isEmpty else { return [] }
        let links = try await sql.raw(
            "SELECT student_id, guardian_id FROM student_guardians WHERE student_id IN (\(binds: rows.map(\.id))) ORDER BY guardian_id"
        ).all(decoding: GuardianLink.self, keyDecodingStrategy: .snakeCaseColumns)
        let guardians = Dictionary(grouping: links, by: \.studentId)
        return rows.map { row in
            Student(
                id: row.id, organizationID: organizationID, name: row.name,
                guardianIDs: guardians[row.id, default: []].map(\.guardianId), notes: row.notes)
        }
    }

    public func student(id: String, organizationID: String) async throws -> Student? {
        try await students(organizationID: organizationID, ids: [id]).first
    }
}

private struct StudentRow: Decodable {
    let id: String
    let name: String
    let notes: String
}

private struct GuardianLink: Decodable {
    let studentId: String
    let guardianId: String
}
