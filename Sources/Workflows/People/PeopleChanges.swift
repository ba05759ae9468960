import Foundation
public import Scheduling
import Storage

/// The office corrects a person's, a student's or a subject's details and withdraws invitations.
public struct PeopleChanges: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    /// A tutor's or parent's details as the office sets them; the role never changes.
    public struct PersonEdit: Sendable {
        public var name: String
        public var email: String
        public var phone: String?
        /// Parents only; nil keeps what it was.
        public var canRequestSessions: Bool?

        public init(name: String, email: String, phone: String?, canRequestSessions: Bool? = nil) {
            self.name = name
            self.email = email
            self.phone = phone
            self.canRequestSessions = canRequestSessions
        }
    }

    /// What an edit did, for the page that made it: `invitationEnded` when a new address left
    /// an invitation sent to the old one unusable.
    public struct PersonChanged: Sendable, Codable {
        public let person: User
        public let invitationEnded: Bool
    }

    public func updatePerson(_ id: String, _ edit: PersonEdit, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> PersonChanged {
        try caller.requireAdmin(to: "change people's details")
        let name = try ContactRules.name(edit.name)
        let email = try ContactRules.email(edit.email)
        let phone = try ContactRules.phone(edit.phone)
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { db in
            guard let before = try await db.user(id: id, organizationID: caller.organizationID), before.role != .admin else {
                throw DomainError.notFound("Person")
            }
            var person = before
            (person.name, person.email, person.phone) = (name, email, phone)
            if person.role == .parent, let canRequest = edit.canRequestSessions { person.canRequestSessions = canRequest }
            try ContactRules.notificationChoice(person.notifyBy, phone: person.phone, field: "phone")
            if person.email != before.email, try await db.user(email: person.email, organizationID: caller.organizationID) != nil {
                throw DomainError.conflict("Someone with the email \(person.email) is already in this organization.")
            }
            let changes = Self.changes(from: before, to: person)
            guard !changes.isEmpty else { return PersonChanged(person: person, invitationEnded: false) }
            try await db.updatePerson(person)
            // A link sent to an address the office has just corrected should not stay usable.
            let invitationEnded =
                person.email != before.email && !person.hasPassword ? try await db.revokeOpenInvitations(userID: id, now: now) : false
            try await OfficeAudit(dependencies: dependencies).record(
                .personChanged, subjectType: "user", subjectID: id, summary: "changed \(before.name)'s \(changes.joined(separator: ", "))",
                by: caller,
                at: now, in: db)
            return PersonChanged(person: person, invitationEnded: invitationEnded)
        }
    }

    /// "name to Ann Lee", "phone to none", … for the audit log.
    private static func changes(from before: User, to after: User) -> [String] {
        var changes: [String] = []
        if after.name != before.name { changes.append("name to \(after.name)") }
        if after.email != before.email { changes.append("email to \(after.email)") }
        if after.phone != before.phone { changes.append("phone to \(after.phone ?? "none")") }
        if after.canRequestSessions != before.canRequestSessions {
            changes.append(after.canRequestSessions ? "permission: may now request sessions" : "permission: may no longer request sessions")
        }
        return changes
    }

    /// Makes the person's unused invitation links stop working; sending one again is `Invitations.invite`.
    public func revokeInvitation(of id: String, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> User {
        try caller.requireAdmin(to: "withdraw invitations")
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { db in
            guard let person = try await db.user(id: id, organizationID: caller.organizationID) else { throw DomainError.notFound("Person") }
            guard try await db.revokeOpenInvitations(userID: id, now: now) else {
                throw DomainError.conflict(
                    person.hasPassword
                        ? "\(person.name) has already set a password; there is no invitation to withdraw."
                        : "\(person.name) has no invitation that can still be used.")
            }
            try await OfficeAudit(dependencies: dependencies).record(
                .invitationRevoked, subjectType: "user", subjectID: id, summary: "withdrew the invitation of \(person.name) <\(person.email)>",
                by: caller, at: now, in: db)
            return person
        }
    }

    /// A student's name, office notes and guardians as the office sets them. A guardian who pays
    /// for one of the student's engagements stays until another guardian pays for it.
    public func updateStudent(_ id: String, _ edit: Enrolment.StudentDraft, by caller: Caller, once key: IdempotencyKey? = nil) async throws
        -> Student
    {
        try caller.requireAdmin(to: "change students")
        let name = try ContactRules.name(edit.name)
        guard TextRules.length(edit.notes) <= 5000 else { throw DomainError.invalid("notes", "Notes can be at most 5000 characters.") }
        var seen = Set<String>()
        let guardianIDs = edit.guardianIDs.filter { seen.insert($0).inserted }
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { db in
            let organizationID = caller.organizationID
            guard let before = try await db.student(id: id, organizationID: organizationID) else { throw DomainError.notFound("Student") }
            let parents = try await db.users(organizationID: organizationID, role: .parent, ids: guardianIDs)
            if let missing = guardianIDs.firstIndex(where: { id in !parents.contains { $0.id == id } }) {
                throw DomainError(
                    .notFound, "Parent not found.", issues: [FieldIssue(field: "guardianIds[\(missing)]", message: "No such parent.")])
            }
            for engagement in try await db.engagements(organizationID: organizationID, filter: .init(studentID: id))
            where engagement.isActive && !guardianIDs.contains(engagement.clientID) {
                let payer = try await db.user(id: engagement.clientID, organizationID: organizationID)?.name ?? "The guardian"
                throw DomainError.invalid(
                    "guardianIds", "\(payer) pays for one of \(before.name)'s engagements: choose who pays for it instead before removing them.")
            }
            let student = Student(id: id, organizationID: organizationID, name: name, guardianIDs: guardianIDs, notes: edit.notes)
            try await db.updateStudent(student)
            let guardians = guardianIDs.compactMap { id in parents.first { $0.id == id }?.name }
            var changes: [String] = []
            if name != before.name { changes.append("renamed \(before.name) to \(name)") }
            if Set(guardianIDs) != Set(before.guardianIDs) {
                changes.append("set \(name)'s guardians to \(guardians.isEmpty ? "none" : guardians.joined(separator: " and "))")
            }
            if edit.notes != before.notes { changes.append("changed \(name)'s notes") }
            if !changes.isEmpty {
                try await OfficeAudit(dependencies: dependencies).record(
                    .studentChanged, subjectType: "student", subjectID: id, summary: changes.joined(separator: "; "), by: caller, at: now, in: db)
            }
            return student
        }
    }

    /// Renames a subject; engagements, sessions and messages name it anew from then on.
    public func renameSubject(_ id: String, to rawName: String, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> Subject {
        try caller.requireAdmin(to: "rename subjects")
        let name = try Subject.name(rawName)
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { db in
            guard let before = try await db.subject(id: id, organizationID: caller.organizationID) else { throw DomainError.notFound("Subject") }
            let subjects = try await db.subjects(organizationID: caller.organizationID)
            if subjects.contains(where: { $0.id != id && $0.name.lowercased() == name.lowercased() }) {
                throw DomainError.conflict("The subject \(name) already exists.")
            }
            var subject = before
            subject.name = name
            guard name != before.name else { return subject }
            try await db.renameSubject(subject)
            try await OfficeAudit(dependencies: dependencies).record(
                .subjectRenamed, subjectType: "subject", subjectID: id, summary: "renamed the subject \(before.name) to \(name)", by: caller,
                at: now, in: db)
            return subject
        }
    }
}
