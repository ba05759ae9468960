import Foundation
import Scheduling
import Workflows

/// The operations of `openapi.yaml`, each handing its typed input to a workflow and its result back.
///
/// Handlers hold no rules: refusals come from the workflows and domain as `DomainError`s, which
/// `ProblemResponses` turns into problem documents.
struct APIHandler: APIProtocol {
    let dependencies: Dependencies

    // MARK: Accounts

    func login(_ input: Operations.Login.Input) async throws -> Operations.Login.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let granted = try await Authentication(dependencies).logIn(
            .init(
                email: body.email, password: body.password, organizationID: body.organizationId,
                remoteAddress: RequestScope.current.remoteAddress, kind: .api))
        return .ok(.init(body: .json(.init(token: granted.token, expiresAt: granted.expiresAt, user: .init(granted.user)))))
    }

    func logout(_ input: Operations.Logout.Input) async throws -> Operations.Logout.Output {
        _ = try RequestScope.caller()
        if let token = RequestScope.current.token { try await Authentication(dependencies).logOut(token: token) }
        return .noContent(.init())
    }

    func getCurrentUser(_ input: Operations.GetCurrentUser.Input) async throws -> Operations.GetCurrentUser.Output {
        let caller = try RequestScope.caller()
        let me = try await Directory(dependencies).me(caller)
        return .ok(.init(body: .json(.init(me))))
    }

    func createInvitation(_ input: Operations.CreateInvitation.Input) async throws -> Operations.CreateInvitation.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let sent = try await Invitations(dependencies).invite(
            .init(
                email: body.email, name: body.name, role: Role(rawValue: body.role.rawValue)!, phone: body.phone,
                canRequestSessions: body.canRequestSessions ?? false),
            by: try RequestScope.caller())
        return .created(.init(body: .json(.init(user: .init(sent.user), expiresAt: sent.expiresAt, link: sent.link))))
    }

    func acceptInvitation(_ input: Operations.AcceptInvitation.Input) async throws -> Operations.AcceptInvitation.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let granted = try await Invitations(dependencies).accept(token: body.token, password: body.password, kind: .api)
        return .ok(.init(body: .json(.init(token: granted.token, expiresAt: granted.expiresAt, user: .init(granted.user)))))
    }

    // MARK: Organization

    func getOrganization(_ input: Operations.GetOrganization.Input) async throws -> Operations.GetOrganization.Output {
        let organization = try await Directory(dependencies).organization(for: try RequestScope.caller())
        return .ok(.init(body: .json(.init(organization))))
    }

    func updateOrganizationSettings(
        _ input: Operations.UpdateOrganizationSettings.Input
    ) async throws -> Operations.UpdateOrganizationSettings.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        var changes = OrganizationSettingsUpdate.Changes()
        changes.name = body.name
        changes.timeZone = body.timeZone
        changes.requestNoticeHours = body.requestNoticeHours
        changes.responseWindowHours = body.responseWindowHours
        changes.responseCutoff = body.responseCutoff.map { ResponseCutoff(rawValue: $0.rawValue)! }
        changes.cancellationMode = body.cancellationMode.map { CancellationMode(rawValue: $0.rawValue)! }
        changes.cancellationNoticeHours = body.cancellationNoticeHours
        changes.cancellationBufferHours = body.cancellationBufferHours
        changes.cancellationWarningBufferHours = body.cancellationWarningBufferHours
        changes.cancellationWarningText = body.cancellationWarningText
        changes.declinedRescheduleCancelsOriginal = body.declinedRescheduleCancelsOriginal
        changes.requestRouting = body.requestRouting.map { RequestRouting(rawValue: $0.rawValue)! }
        changes.slotStepMinutes = body.slotStepMinutes
        let organization = try await OrganizationSettingsUpdate(dependencies).apply(changes, by: try RequestScope.caller())
        return .ok(.init(body: .json(.init(organization))))
    }

    // MARK: People

    func listTutors(_ input: Operations.ListTutors.Input) async throws -> Operations.ListTutors.Output {
        let tutors = try await Directory(dependencies).tutors(for: try RequestScope.caller())
        return .ok(.init(body: .json(.init(items: tutors.map(Components.Schemas.Person.init)))))
    }

    func createTutor(_ input: Operations.CreateTutor.Input) async throws -> Operations.CreateTutor.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let tutor = try await Enrolment(dependencies).createTutor(
            .init(name: body.name, email: body.email, phone: body.phone, sendInvitation: body.sendInvitation ?? true),
            by: try RequestScope.caller())
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
            .init(name: body.name, guardianIDs: body.guardianIds, notes: body.notes ?? ""), by: caller)
        return .created(.init(body: .json(.init(student, for: caller))))
    }

    func listSubjects(_ input: Operations.ListSubjects.Input) async throws -> Operations.ListSubjects.Output {
        let subjects = try await Directory(dependencies).subjects(for: try RequestScope.caller())
        return .ok(.init(body: .json(.init(items: subjects.map(Components.Schemas.Subject.init)))))
    }

    func createSubject(_ input: Operations.CreateSubject.Input) async throws -> Operations.CreateSubject.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let subject = try await Enrolment(dependencies).createSubject(named: body.name, by: try RequestScope.caller())
        return .created(.init(body: .json(.init(subject))))
    }

    // MARK: Engagements

    func listEngagements(_ input: Operations.ListEngagements.Input) async throws -> Operations.ListEngagements.Output {
        let caller = try RequestScope.caller()
        let directory = Directory(dependencies)
        let organization = try await directory.organization(for: caller)
        let engagements = try await directory.engagements(for: caller, tutorID: input.query.tutorId, studentID: input.query.studentId)
        return .ok(.init(body: .json(.init(items: engagements.map { .init($0, currency: organization.currency, for: caller) }))))
    }

    func createEngagement(_ input: Operations.CreateEngagement.Input) async throws -> Operations.CreateEngagement.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let terms = EngagementTerms(
            clientRatePerHour: body.clientRatePerHour, tutorPayRatePerHour: body.tutorPayRatePerHour,
            defaultDurationMinutes: body.defaultDurationMinutes ?? 60, location: body.location ?? "",
            sessionType: body.sessionType ?? "In person")
        let engagement = try await Enrolment(dependencies).createEngagement(
            .init(tutorID: body.tutorId, studentID: body.studentId, subjectID: body.subjectId, clientID: body.clientId, terms: terms),
            by: caller)
        let organization = try await Directory(dependencies).organization(for: caller)
        return .created(.init(body: .json(.init(engagement, currency: organization.currency, for: caller))))
    }

    // MARK: Availability

    func getAvailability(_ input: Operations.GetAvailability.Input) async throws -> Operations.GetAvailability.Output {
        let current = try await AvailabilityEditing(dependencies).current(tutorID: input.path.tutorId, for: try RequestScope.caller())
        return .ok(.init(body: .json(.init(current))))
    }

    func updateAvailability(_ input: Operations.UpdateAvailability.Input) async throws -> Operations.UpdateAvailability.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let current = try await AvailabilityEditing(dependencies).replace(
            tutorID: input.path.tutorId, with: try body.availability(), by: try RequestScope.caller())
        return .ok(.init(body: .json(.init(current))))
    }

    func listFreeSlots(_ input: Operations.ListFreeSlots.Input) async throws -> Operations.ListFreeSlots.Output {
        let caller = try RequestScope.caller()
        var issues = IssueList()
        let from = LocalDate(iso: input.query.from)
        let to = LocalDate(iso: input.query.to)
        issues.check(from != nil, "from", "\"\(input.query.from)\" is not a date: use YYYY-MM-DD.")
        issues.check(to != nil, "to", "\"\(input.query.to)\" is not a date: use YYYY-MM-DD.")
        try issues.throwIfAny()
        let result = try await FreeSlotListing(dependencies).slots(
            engagementID: input.path.engagementId, from: from!, to: to!, durationMinutes: input.query.durationMinutes, for: caller)
        let timeline = result.timeline
        return .ok(
            .init(
                body: .json(
                    .init(
                        engagementId: result.engagement.id, tutorId: result.engagement.tutorID,
                        timeZone: result.organization.timeZone.identifier, from: result.dates.lowerBound.iso, to: result.dates.upperBound.iso,
                        slotMinutes: result.slotMinutes, earliestStart: result.earliestStart,
                        slots: result.slots.map { slot in
                            .init(
                                start: slot.start, end: slot.end, localStart: timeline.local(slot.start).rfc3339,
                                localEnd: timeline.local(slot.end).rfc3339, label: timeline.describe(slot.start))
                        }))))
    }
}

extension Components.Schemas.Availability {
    init(_ current: AvailabilityEditing.Current) {
        self.init(tutorID: current.tutor.id, timeZone: current.organization.timeZone, availability: current.availability)
    }
}
