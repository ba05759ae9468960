public import Foundation
import SQLKit
public import Scheduling

extension DB {
    public func insertUser(_ user: User, passwordHash: String?, now: Date) async throws {
        try await sql.raw(
            """
            INSERT INTO users (id, organization_id, role, name, email, phone, password_hash, can_request_sessions, created_at)
            VALUES (\(bind: user.id), \(bind: user.organizationID), \(bind: user.role.rawValue), \(bind: user.name),
                    \(bind: user.email), \(bind: user.phone), \(bind: passwordHash), \(bind: user.canRequestSessions),
                    \(bind: now.epochSeconds))
            """
        ).run()
    }

    public func user(id: String, organizationID: String) async throws -> User? {
        try await sql.raw("SELECT \(unsafeRaw: UserRow.columns) FROM users WHERE id = \(bind: id) AND organization_id = \(bind: organizationID)")
            .first().map { try UserRow(row: $0).model() }
    }

    public func user(email: String, organizationID: String) async throws -> User? {
        try await sql.raw(
            "SELECT \(unsafeRaw: UserRow.columns) FROM users WHERE email = \(bind: email) AND organization_id = \(bind: organizationID)"
        ).first().map { try UserRow(row: $0).model() }
    }

    /// The people with these ids, whatever their role, by name.
    public func users(organizationID: String, ids: [String]) async throws -> [User] {
        guard !ids.isEmpty else { return [] }
        return try await sql.raw(
            "SELECT \(unsafeRaw: UserRow.columns) FROM users WHERE organization_id = \(bind: organizationID) AND id IN (\(binds: ids)) ORDER BY name, id"
        ).all().map { try UserRow(row: $0).model() }
    }

    /// Everyone in the organization with `role`, by name; `ids` narrows to those people.
    public func users(organizationID: String, role: Role, ids: [String]? = nil) async throws -> [User] {
        var query: SQLQueryString =
            "SELECT \(unsafeRaw: UserRow.columns) FROM users WHERE organization_id = \(bind: organizationID) AND role = \(bind: role.rawValue)"
        if let ids {
            guard !ids.isEmpty else { return [] }
            query += " AND id IN (\(binds: ids))"
        }
        query += " ORDER BY name, id"
        return try await sql.raw(query).all().map { try UserRow(row: $0).model() }
    }

    /// Accounts with this email in every organization, with their password hashes: login
    /// checks the password against each, so one email may belong to people in several organizations.
    public func loginCandidates(email: String) async throws -> [(user: User, passwordHash: String)] {
        try await sql.raw(
            "SELECT \(unsafeRaw: UserRow.columns), password_hash FROM users WHERE email = \(bind: email) AND password_hash IS NOT NULL ORDER BY created_at, id"
        ).all().map { row in
            (
                try UserRow(row: row).model(),
                try row.decode(column: "password_hash", as: String.self)
            )
        }
    }

    /// The person's phone and how they want notifications.
    public func updateContact(userID: String, organizationID: String, phone: String?, notifyBy: NotificationChannel) async throws {
        try await sql.raw(
            """
            UPDATE users SET phone = \(bind: phone), notify_by = \(bind: notifyBy.rawValue)
            WHERE id = \(bind: userID) AND organization_id = \(bind: organizationID)
            """
        ).run()
    }

    /// What the office may change about a person: how they are named and reached, and whether a
    /// parent may request sessions.
    public func updatePerson(_ person: User) async throws {
        try await sql.raw(
            """
            UPDATE users SET name = \(bind: person.name), email = \(bind: person.email), phone = \(bind: person.phone),
                can_request_sessions = \(bind: person.canRequestSessions)
            WHERE id = \(bind: person.id) AND organization_id = \(bind: person.organizationID)
            """
        ).run()
    }

    public func setPassword(userID: String, hash: String) async throws {
        try await sql.raw("UPDATE users SET password_hash = \(bind: hash) WHERE id = \(bind: userID)").run()
    }

    /// Tutors who teach (through an active engagement) a student of `guardianID`.
    public func tutorIDs(teachingChildrenOf guardianID: String, organizationID: String) async throws -> [String] {
        try await sql.raw(
            """
            SELECT DISTINCT e.tutor_id FROM engagements e
            JOIN student_guardians g ON g.student_id = e.student_id
            WHERE g.guardian_id = \(bind: guardianID) AND e.organization_id = \(bind: organizationID) AND e.is_active = \(bind: true)
            """
        ).all(decodingColumn: "tutor_id", as: String.self)
    }

    /// Guardians of the students `tutorID` teaches through an active engagement.
    public func guardianIDs(ofStudentsTaughtBy tutorID: String, organizationID: String) async throws -> [String] {
        try await sql.raw(
            """
            SELECT DISTINCT g.guardian_id FROM student_guardians g
            JOIN engagements e ON e.student_id = g.student_id
            WHERE e.tutor_id = \(bind: tutorID) AND e.organization_id = \(bind: organizationID) AND e.is_active = \(bind: true)
            """
        ).all(decodingColumn: "guardian_id", as: String.self)
    }
}

/// Read column by column: `Decodable` row decoding costs several times more, on the query every
/// API request makes (the token's holder).
struct UserRow {
    static let columns = list(prefix: "")
    /// The same columns read through the alias `u`, for queries that join users.
    static let joinedColumns = list(prefix: "u.")

    private static func list(prefix: String) -> String {
        let plain = ["id", "organization_id", "role", "name", "email", "phone", "notify_by", "can_request_sessions"]
        return (plain.map { prefix + $0 } + ["\(prefix)password_hash IS NOT NULL AS has_password"]).joined(separator: ", ")
    }

    let id: String
    let organizationId: String
    let role: String
    let name: String
    let email: String
    let phone: String?
    let notifyBy: String
    let canRequestSessions: Bool
    let hasPassword: Bool

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        organizationId = try row.decode(column: "organization_id", as: String.self)
        role = try row.decode(column: "role", as: String.self)
        name = try row.decode(column: "name", as: String.self)
        email = try row.decode(column: "email", as: String.self)
        phone = try row.decodeNil(column: "phone") ? nil : row.decode(column: "phone", as: String.self)
        notifyBy = try row.decode(column: "notify_by", as: String.self)
        canRequestSessions = try row.decode(column: "can_request_sessions", as: Bool.self)
        hasPassword = try row.decode(column: "has_password", as: Bool.self)
    }

    func model() throws -> User {
        User(
            id: id, organizationID: organizationId, role: try decodeEnum(role), name: name, email: email, phone: phone,
            notifyBy: try decodeEnum(notifyBy), canRequestSessions: canRequestSessions, hasPassword: hasPassword)
    }
}
