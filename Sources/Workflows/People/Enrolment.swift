import Foundation
public import Scheduling
import Storage

/// The office adds tutors, students, subjects and engagements.
public struct Enrolment: Sendable {
    let dependencies: Dependencies

    public init(_ dependencies: Dependencies) { self.dependencies = dependencies }

    public struct TutorDraft: Sendable {
        public var name: String
        public var email: String
        public var phone: String?
        /// Send the tutor a link to set their password now.
        public var sendInvitation: Bool

        public init(name: String, email: String, phone: String? = nil, sendInvitation: Bool = true) {
            self.name = name
            self.email = email
            self.phone = phone
            self.sendInvitation = sendInvitation
        }
    }

    public func createTutor(_ draft: TutorDraft, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> User {
        try caller.requireAdmin(to: "add tutors")
        if draft.sendInvitation {
            return try await Invitations(dependencies).invite(
                .init(email: draft.email, name: draft.name, role: .tutor, phone: draft.phone), by: caller, once: key
            ).user
        }
        let tutor = User(
            id: dependencies.ids.next(), organizationID: caller.organizationID, role: .tutor, name: try ContactRules.name(draft.name),
            email: try ContactRules.email(draft.email), phone: try ContactRules.phone(draft.phone))
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { db in
            if try await db.user(email: tutor.email, organizationID: caller.organizationID) != nil {
                throw DomainError.conflict("Someone with the email \(tutor.email) is already in this organization.")
            }
            try await db.insertUser(tutor, passwordHash: nil, now: now)
            try await OfficeAudit(dependencies: dependencies).record(
                .tutorAdded, subjectType: "user", subjectID: tutor.id, summary: "added the tutor \(tutor.name) <\(tutor.email)>", by: caller, at: now,
                in: db)
            return tutor
        }
    }

    public struct StudentDraft: Sendable {
        public var name: String
        public var guardianIDs: [String]
        public var notes: String

        public init(name: String, guardianIDs: [String], notes: String = "") {
            self.name = name
            self.guardianIDs = guardianIDs
            self.notes = notes
        }
    }

    public func createStudent(_ draft: StudentDraft, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> Student {
        try caller.requireAdmin(to: "add students")
        let name = try ContactRules.name(draft.name)
        guard TextRules.length(draft.notes) <= 5000 else { throw DomainError.invalid("notes", "Notes can be at most 5000 characters.") }
        var seen = Set<String>()
        let guardianIDs = draft.guardianIDs.filter { seen.insert($0).inserted }
        let student = Student(
            id: dependencies.ids.next(), organizationID: caller.organizationID, name: name, guardianIDs: guardianIDs, notes: draft.notes)
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { db in
            let parents = try await db.users(organizationID: caller.organizationID, role: .parent, ids: guardianIDs)
            if let missing = guardianIDs.firstIndex(where: { id in !parents.contains { $0.id == id } }) {
                throw DomainError(
                    .notFound, "Parent not found.", issues: [FieldIssue(field: "guardianIds[\(missing)]", message: "No such parent.")])
            }
            try await db.insertStudent(student, now: now)
            let guardians = guardianIDs.compactMap { id in parents.first { $0.id == id }?.name }
            try await OfficeAudit(dependencies: dependencies).record(
                .studentAdded, subjectType: "student", subjectID: student.id,
                summary: "added the student \(student.name)\(guardians.isEmpty ? "" : ", with \(guardians.joined(separator: " and "))")", by: caller,
                at: now, in: db)
            return student
        }
    }

    public func createSubject(named rawName: String, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> Subject {
        try caller.requireAdmin(to: "add subjects")
        let name = try Subject.name(rawName)
        let subject = Subject(id: dependencies.ids.next(), organizationID: caller.organizationID, name: name)
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { db in
            if try await db.subjects(organizationID: caller.organizationID).contains(where: { $0.name.lowercased() == name.lowercased() }) {
                throw DomainError.conflict("The subject \(name) already exists.")
            }
            try await db.insertSubject(subject)
            try await OfficeAudit(dependencies: dependencies).record(
                .subjectAdded, subjectType: "subject", subjectID: subject.id, summary: "added the subject \(subject.name)", by: caller, at: now,
                in: db)
            return subject
        }
    }

    public struct EngagementDraft: Sendable {
        public var tutorID: String
        public var studentID: String
        public var subjectID: String
        /// Who pays; defaults to the student's first guardian.
        public var clientID: String?
        public var terms: EngagementTerms

        public init(tutorID: String, studentID: String, subjectID: String, clientID: String? = nil, terms: EngagementTerms) {
            self.tutorID = tutorID
            self.studentID = studentID
            self.subjectID = subjectID
            self.clientID = clientID
            self.terms = terms
        }
    }

    public func createEngagement(_ draft: EngagementDraft, by caller: Caller, once key: IdempotencyKey? = nil) async throws -> Engagement {
        try caller.requireAdmin(to: "assign tutors to students")
        try draft.terms.validate()
        let id = dependencies.ids.next()
        let now = dependencies.currentInstant()
        return try await dependencies.write(once: key, by: caller) { db in
            let organizationID = caller.organizationID
            guard let organization = try await db.organization(id: organizationID) else { throw DomainError.notFound("Organization") }
            guard let tutor = try await db.user(id: draft.tutorID, organizationID: organizationID), tutor.role == .tutor else {
                throw DomainError.notFound("Tutor")
            }
            guard let student = try await db.student(id: draft.studentID, organizationID: organizationID) else {
                throw DomainError.notFound("Student")
            }
            guard let subject = try await db.subject(id: draft.subjectID, organizationID: organizationID) else {
                throw DomainError.notFound("Subject")
            }
            let clientID: String
            if let requested = draft.clientID {
                guard let client = try await db.user(id: requested, organizationID: organizationID), client.role == .parent else {
                    throw DomainError.notFound("Client")
                }
                guard student.guardianIDs.contains(client.id) else {
                    throw DomainError.invalid("clientId", "\(client.name) is not a guardian of \(student.name); the client must be one.")
                }
                clientID = client.id
            } else {
                guard let first = student.guardianIDs.first else {
                    throw DomainError.invalid("clientId", "\(student.name) has no guardian to bill: add one to the student first.")
                }
                clientID = first
            }
            let engagement = Engagement(
                id: id, organizationID: organizationID, tutorID: tutor.id, studentID: student.id, subjectID: draft.subjectID, clientID: clientID,
                terms: draft.terms)
            try await db.insertEngagement(engagement, now: now)
            let terms = draft.terms
            try await OfficeAudit(dependencies: dependencies).record(
                .engagementAdded, subjectType: "engagement", subjectID: engagement.id,
                summary: "assigned \(tutor.name) to teach \(student.name) \(subject.name): the family pays "
                    + "\(MoneyText.plain(terms.clientRatePerHour)) \(organization.currency) an hour, the tutor earns "
                    + "\(MoneyText.plain(terms.tutorPayRatePerHour)) \(organization.currency)", by: caller, at: now, in: db)
            return engagement
        }
    }
}
