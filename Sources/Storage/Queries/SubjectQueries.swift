import SQLKit
public import Scheduling

extension DB {
    public func insertSubject(_ subject: Subject) async throws {
        try await sql.raw(
            "INSERT INTO subjects (id, organization_id, name) VALUES (\(bind: subject.id), \(bind: subject.organizationID), \(bind: subject.name))"
        ).run()
    }

    public func renameSubject(_ subject: Subject) async throws {
        try await sql.raw(
            "UPDATE subjects SET name = \(bind: subject.name) WHERE id = \(bind: subject.id) AND organization_id = \(bind: subject.organizationID)"
        ).run()
    }

    public func subjects(organizationID: String) async throws -> [Subject] {
        try await sql.raw("SELECT id, name FROM subjects WHERE organization_id = \(bind: organizationID) ORDER BY name, id")
            .all(decoding: SubjectRow.self).map { Subject(id: $0.id, organizationID: organizationID, name: $0.name) }
    }

    public func subject(id: String, organizationID: String) async throws -> Subject? {
        try await sql.raw("SELECT id, name FROM subjects WHERE id = \(bind: id) AND organization_id = \(bind: organizationID)")
            .first(decoding: SubjectRow.self).map { Subject(id: $0.id, organizationID: organizationID, name: $0.name) }
    }
}

private struct SubjectRow: Decodable {
    let id: String
    let name: String
}
