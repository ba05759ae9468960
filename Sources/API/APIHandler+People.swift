import Foundation
import Scheduling
import Workflows

extension APIHandler {
    func listTutors(_ input: Operations.ListTutors.Input) async throws -> Operations.ListTutors.Output {
        let tutors = try await Directory(dependencies).tutors(for: try RequestScope.caller())
        return .ok(.init(body: .json(.init(items: tutors.map(Components.Schemas.Person.init)))))
    }

    func createTutor(_ input: Operations.CreateTutor.Input) async throws -> Operations.CreateTutor.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let tutor = try await Enrolment(dependencies).createTutor(
            .init(name: body.name, email: body.email, phone: body.phone, sendInvitation: body.sendInvitation ?? true),
            by: try RequestScope.caller(), once: try IdempotentCall.key(input.headers.idempotencyKey, "createTutor", body: body))
        return .created(.init(body: .json(.init(tutor))))
    }

    func listParents(_ input: Operations.ListParents.Input) async throws -> Operations.ListParents.Output {
        let parents = try await Directory(dependencies).parents(for: try RequestScope.caller())
        return .ok(.init(body: .json(.init(items: parents.map(Components.Schemas.Person.init)))))
    }

    func listStudents(_ input: Operations.ListStudents.Input) async throws -> Operations.ListStudents.Output {
        let caller = try RequestScope.caller()
        let students = try await Directory(dependencies).students(for: caller)
        return .ok(.init(body: .json(.init(items: students.map { .init($0, for: caller) }))))
    }

    func createStudent(_ input: Operations.CreateStudent.Input) async throws -> Operations.CreateStudent.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let student = try await Enrolment(dependencies).createStudent(
            .init(name: body.name, guardianIDs: body.guardianIds, notes: body.notes ?? ""), by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "createStudent", body: body))
        return .created(.init(body: .json(.init(student, for: caller))))
    }

    func listSubjects(_ input: Operations.ListSubjects.Input) async throws -> Operations.ListSubjects.Output {
        let subjects = try await Directory(dependencies).subjects(for: try RequestScope.caller())
        return .ok(.init(body: .json(.init(items: subjects.map(Components.Schemas.Subject.init)))))
    }

    func createSubject(_ input: Operations.CreateSubject.Input) async throws -> Operations.CreateSubject.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let subject = try await Enrolment(dependencies).createSubject(
            named: body.name, by: try RequestScope.caller(), once: try IdempotentCall.key(input.headers.idempotencyKey, "createSubject", body: body))
        return .created(.init(body: .json(.init(subject))))
    }

    func listEngagements(_ input: Operations.ListEngagements.Input) async throws -> Operations.ListEngagements.Output {
        let caller = try RequestScope.caller()
        let directory = Directory(dependencies)
        let organization = try RequestScope.organization()
        let engagements = try await directory.engagements(for: caller, tutorID: input.query.tutorId, studentID: input.query.studentId)
        return .ok(.init(body: .json(.init(items: engagements.map { .init($0, currency: organization.currency, for: caller) }))))
    }

    func createEngagement(_ input: Operations.CreateEngagement.Input) async throws -> Operations.CreateEngagement.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let terms = EngagementTerms(
            clientRatePerHour: body.clientRatePerHour, tutorPayRatePerHour: body.tutorPayRatePerHour,
            defaultDurationMinutes: body.defaultDurationMinutes ?? 60, location: body.location ?? "",
            sessionType: body.sessionType ?? "In person", longestRequestMinutes: body.longestRequestMinutes)
        let engagement = try await Enrolment(dependencies).createEngagement(
            .init(tutorID: body.tutorId, studentID: body.studentId, subjectID: body.subjectId, clientID: body.clientId, terms: terms),
            by: caller, once: try IdempotentCall.key(input.headers.idempotencyKey, "createEngagement", body: body))
        let organization = try RequestScope.organization()
        return .created(.init(body: .json(.init(engagement, currency: organization.currency, for: caller))))
    }
}

/// The office's corrections: people, students, engagements, invitations.
extension APIHandler {
    func updatePerson(_ input: Operations.UpdatePerson.Input) async throws -> Operations.UpdatePerson.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let changed = try await PeopleChanges(dependencies).updatePerson(
            input.path.personId, .init(name: body.name, email: body.email, phone: body.phone, canRequestSessions: body.canRequestSessions),
            by: try RequestScope.caller(), once: try IdempotentCall.key(input.headers.idempotencyKey, "updatePerson", input.path.personId, body: body)
        )
        return .ok(.init(body: .json(.init(changed.person))))
    }

    func revokeInvitation(_ input: Operations.RevokeInvitation.Input) async throws -> Operations.RevokeInvitation.Output {
        _ = try await PeopleChanges(dependencies).revokeInvitation(
            of: input.path.personId, by: try RequestScope.caller(),
            once: try IdempotentCall.key(input.headers.idempotencyKey, "revokeInvitation", input.path.personId, body: input.path.personId))
        return .noContent(.init())
    }

    func updateStudent(_ input: Operations.UpdateStudent.Input) async throws -> Operations.UpdateStudent.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let student = try await PeopleChanges(dependencies).updateStudent(
            input.path.studentId, .init(name: body.name, guardianIDs: body.guardianIds, notes: body.notes ?? ""), by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "updateStudent", input.path.studentId, body: body))
        return .ok(.init(body: .json(.init(student, for: caller))))
    }

    func updateEngagement(_ input: Operations.UpdateEngagement.Input) async throws -> Operations.UpdateEngagement.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let terms = EngagementTerms(
            clientRatePerHour: body.clientRatePerHour, tutorPayRatePerHour: body.tutorPayRatePerHour,
            defaultDurationMinutes: body.defaultDurationMinutes, location: body.location ?? "", sessionType: body.sessionType,
            longestRequestMinutes: body.longestRequestMinutes)
        let engagement = try await EngagementChanges(dependencies).update(
            input.path.engagementId, terms: terms, clientID: body.clientId, by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "updateEngagement", input.path.engagementId, body: body))
        let organization = try RequestScope.organization()
        return .ok(.init(body: .json(.init(engagement, currency: organization.currency, for: caller))))
    }

    func endEngagement(_ input: Operations.EndEngagement.Input) async throws -> Operations.EndEngagement.Output {
        let caller = try RequestScope.caller()
        let ended = try await EngagementChanges(dependencies).end(
            input.path.engagementId, by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "endEngagement", input.path.engagementId, body: input.path.engagementId))
        let organization = try RequestScope.organization()
        return .ok(
            .init(
                body: .json(
                    .init(
                        engagement: .init(ended.engagement, currency: organization.currency, for: caller),
                        sessionsStillBooked: ended.sessionsStillBooked))))
    }

    func updateSubject(_ input: Operations.UpdateSubject.Input) async throws -> Operations.UpdateSubject.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let subject = try await PeopleChanges(dependencies).renameSubject(
            input.path.subjectId, to: body.name, by: try RequestScope.caller(),
            once: try IdempotentCall.key(input.headers.idempotencyKey, "updateSubject", input.path.subjectId, body: body))
        return .ok(.init(body: .json(.init(subject))))
    }
}
