import Foundation
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

@Suite struct PeopleChangesTests {
    private func lastAudit(_ org: TestOrganization, _ dependencies: Dependencies) async throws -> AuditEvent? {
        try await AuditLog(dependencies).events(limit: 1, for: org.caller(org.admin)).first
    }

    @Test(arguments: TestDatabase.available)
    func theOfficeCorrectsAParentAndTheLogSaysWhat(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let changes = PeopleChanges(dependencies)
            let parent = org.parents[0]
            let changed = try await changes.updatePerson(
                parent.id, .init(name: "  Grace Adeyemi ", email: "Grace@Family.example", phone: "+44 7700 900123", canRequestSessions: false),
                by: org.caller(org.admin))
            #expect(changed.person.name == "Grace Adeyemi" && changed.person.email == "grace@family.example")
            #expect(changed.person.phone == "+447700900123" && !changed.person.canRequestSessions)
            #expect(!changed.invitationEnded, "she has a password: there was no invitation to end")
            let stored = try await Directory(dependencies).parents(for: org.caller(org.admin)).first { $0.id == parent.id }
            #expect(stored == changed.person)
            let event = try await lastAudit(org, dependencies)
            #expect(event?.action == .office(.personChanged))
            #expect(
                event?.summary
                    == "changed Parent Zero's name to Grace Adeyemi, email to grace@family.example, phone to +447700900123, permission: may no longer request sessions"
            )
            // She can no longer request: the rule the lifecycle already enforces now applies to her.
            await expectRefusal(.forbidden) {
                try await SessionRequesting(dependencies).request(
                    .init(engagementID: org.engagements[0].id, start: at("2026-03-26T14:00:00Z")), by: Caller(user: changed.person))
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func anEditIsRefusedWithTheReasonAndChangesNothing(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let changes = PeopleChanges(dependencies)
            let admin = org.caller(org.admin)
            let tutor = org.tutors[0]
            await expectRefusal(.conflict) {
                try await changes.updatePerson(tutor.id, .init(name: tutor.name, email: org.tutors[1].email, phone: nil), by: admin)
            }
            await expectRefusal(.invalid) {
                try await changes.updatePerson(tutor.id, .init(name: "\u{202E}x", email: tutor.email, phone: nil), by: admin)
            }
            await expectRefusal(.forbidden) {
                try await changes.updatePerson(tutor.id, .init(name: "Me", email: tutor.email, phone: nil), by: org.caller(tutor))
            }
            await expectRefusal(.notFound) {
                try await changes.updatePerson(org.admin.id, .init(name: "Office", email: org.admin.email, phone: nil), by: admin)
            }
            // Someone who chose text messages keeps a number that can receive them.
            try await dependencies.store.write { db in
                try await db.updateContact(userID: tutor.id, organizationID: org.organization.id, phone: "+447700900456", notifyBy: .sms)
            }
            do {
                _ = try await changes.updatePerson(tutor.id, .init(name: tutor.name, email: tutor.email, phone: nil), by: admin)
                Issue.record("a texting tutor's phone was removed")
            } catch let refusal as DomainError {
                #expect(refusal.issues.map(\.field) == ["phone"])
            }
            let stored = try await Directory(dependencies).tutors(for: admin).first { $0.id == tutor.id }
            #expect(stored?.name == tutor.name && stored?.phone == "+447700900456")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aNewAddressEndsTheOldInvitationAndTheOfficeCanWithdrawOrResend(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let admin = org.caller(org.admin)
            let invitations = Invitations(dependencies)
            let changes = PeopleChanges(dependencies)
            let sent = try await invitations.invite(.init(email: "typo@family.exmaple", name: "Ada Obi", role: .parent), by: admin)
            let open = try await Directory(dependencies).openInvitations(for: admin)
            #expect(open[sent.user.id] == sent.expiresAt)

            let changed = try await changes.updatePerson(
                sent.user.id, .init(name: "Ada Obi", email: "ada@family.example", phone: nil), by: admin)
            #expect(changed.invitationEnded)
            await expectRefusal(.conflict) {
                try await invitations.accept(token: String(sent.link!.split(separator: "/").last!), password: "long enough pass", kind: .web)
            }
            await expectRefusal(.conflict) { try await changes.revokeInvitation(of: sent.user.id, by: admin) }

            let again = try await invitations.resend(to: sent.user.id, by: admin)
            let mail = try await dependencies.store.read { db in try await db.outboxMessages(organizationID: org.organization.id) }
            #expect(mail.contains { $0.address == "ada@family.example" && $0.body.contains(again.link!) })
            _ = try await changes.revokeInvitation(of: sent.user.id, by: admin)
            #expect(try await Directory(dependencies).openInvitations(for: admin)[sent.user.id] == nil)
            await expectRefusal(.conflict) {
                try await invitations.accept(token: String(again.link!.split(separator: "/").last!), password: "long enough pass", kind: .web)
            }
            #expect(try await lastAudit(org, dependencies)?.summary == "withdrew the invitation of Ada Obi <ada@family.example>")
            await expectRefusal(.conflict) { try await invitations.resend(to: org.parents[0].id, by: admin) }
            await expectRefusal(.forbidden) { try await changes.revokeInvitation(of: sent.user.id, by: org.caller(org.tutors[0])) }
        }
    }

    @Test(arguments: TestDatabase.available)
    func aGuardianWhoPaysStaysUntilAnotherPays(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let admin = org.caller(org.admin)
            let changes = PeopleChanges(dependencies)
            let student = org.students[0]
            do {
                _ = try await changes.updateStudent(student.id, .init(name: student.name, guardianIDs: [org.parents[1].id]), by: admin)
                Issue.record("the paying guardian was removed")
            } catch let refusal as DomainError {
                #expect(refusal.message.contains("Parent Zero pays for one of Student Zero's engagements"))
            }
            let both = try await changes.updateStudent(
                student.id, .init(name: "Sam Zero", guardianIDs: [org.parents[0].id, org.parents[1].id], notes: "Prefers mornings"), by: admin)
            #expect(Set(both.guardianIDs) == [org.parents[0].id, org.parents[1].id])
            _ = try await EngagementChanges(dependencies).update(
                org.engagements[0].id, terms: org.engagements[0].terms, clientID: org.parents[1].id, by: admin)
            let moved = try await changes.updateStudent(student.id, .init(name: "Sam Zero", guardianIDs: [org.parents[1].id]), by: admin)
            #expect(moved.guardianIDs == [org.parents[1].id])
            // The parent who is no longer a guardian no longer sees the student.
            #expect(try await Directory(dependencies).students(for: org.caller(org.parents[0])).map(\.id) == [org.students[1].id])
            #expect(try await lastAudit(org, dependencies)?.summary == "set Sam Zero's guardians to Parent One; changed Sam Zero's notes")
        }
    }

    @Test(arguments: TestDatabase.available)
    func newTermsApplyToNewRequestsAndThePayerMustBeAGuardian(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let admin = org.caller(org.admin)
            let engagement = org.engagements[0]
            var terms = engagement.terms
            terms.clientRatePerHour = 5500
            terms.defaultDurationMinutes = 90
            terms.location = "Library"
            let changed = try await EngagementChanges(dependencies).update(engagement.id, terms: terms, clientID: nil, by: admin)
            #expect(changed.terms == terms && changed.clientID == engagement.clientID)
            #expect(
                try await lastAudit(org, dependencies)?.summary
                    == "changed Tutor Zero teaching Student Zero Maths: the family pays 55.00 GBP an hour (was 50.00), usual length 90 minutes (was 60), longest request 90 minutes (was 60), location Library"
            )
            let request = try await SessionRequesting(dependencies).request(
                .init(engagementID: engagement.id, start: at("2026-03-26T14:00:00Z")), by: org.caller(org.parents[0]))
            #expect(
                request.requestedTime.end.timeIntervalSince(request.requestedTime.start) == 90 * 60,
                "a request takes the engagement's new usual length")
            await expectRefusal(.invalid) {
                try await EngagementChanges(dependencies).update(engagement.id, terms: terms, clientID: org.parents[1].id, by: admin)
            }
            terms.defaultDurationMinutes = 7
            await expectRefusal(.invalid) { try await EngagementChanges(dependencies).update(engagement.id, terms: terms, clientID: nil, by: admin) }
            await expectRefusal(.forbidden) {
                try await EngagementChanges(dependencies).update(engagement.id, terms: engagement.terms, clientID: nil, by: org.caller(org.tutors[0]))
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func anEngagementEndsOnlyWithNoRequestWaitingAndKeepsItsSessions(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let admin = org.caller(org.admin)
            let parent = org.caller(org.parents[0])
            let engagement = org.engagements[0]
            _ = try await SessionBooking(dependencies).book(.init(engagementID: engagement.id, start: at("2026-03-27T10:00:00Z")), by: admin)
            let waiting = try await SessionRequesting(dependencies).request(
                .init(engagementID: engagement.id, start: at("2026-03-26T14:00:00Z")), by: parent)
            do {
                _ = try await EngagementChanges(dependencies).end(engagement.id, by: admin)
                Issue.record("an engagement ended under a waiting request")
            } catch let refusal as DomainError {
                #expect(
                    refusal.message == "A request through Tutor Zero teaching Student Zero Maths waits for an answer: answer or decline it first.")
            }
            _ = try await RequestMoves(dependencies).decline(waiting.id, reason: "Away", by: org.caller(org.tutors[0]))
            let ended = try await EngagementChanges(dependencies).end(engagement.id, by: admin)
            #expect(!ended.engagement.isActive && ended.sessionsStillBooked == 1)
            #expect(try await lastAudit(org, dependencies)?.summary == "ended Tutor Zero teaching Student Zero Maths; 1 booked session kept")
            await expectRefusal(.conflict) {
                try await SessionRequesting(dependencies).request(.init(engagementID: engagement.id, start: at("2026-03-26T15:00:00Z")), by: parent)
            }
            await expectRefusal(.conflict) { try await EngagementChanges(dependencies).end(engagement.id, by: admin) }
            let sessions = try await dependencies.store.read { db in
                try await db.sessions(organizationID: org.organization.id, filter: .init(statuses: [.scheduled]))
            }
            #expect(sessions.count == 1, "the booked session stays")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aRenamedSubjectIsNamedAnewAndNamesStayUnique(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let admin = org.caller(org.admin)
            let changes = PeopleChanges(dependencies)
            let renamed = try await changes.renameSubject(org.subjects[0].id, to: " GCSE Maths ", by: admin)
            #expect(renamed.name == "GCSE Maths")
            let names = try await Directory(dependencies).subjects(for: org.caller(org.parents[0])).map(\.name)
            #expect(names == ["English", "GCSE Maths"])
            #expect(try await lastAudit(org, dependencies)?.summary == "renamed the subject Maths to GCSE Maths")
            await expectRefusal(.conflict) { try await changes.renameSubject(org.subjects[0].id, to: "english", by: admin) }
            await expectRefusal(.invalid) { try await changes.renameSubject(org.subjects[0].id, to: "  ", by: admin) }
            await expectRefusal(.forbidden) { try await changes.renameSubject(org.subjects[0].id, to: "Sums", by: org.caller(org.tutors[0])) }
            // A request made after the rename names the new subject in its messages.
            _ = try await SessionRequesting(dependencies).request(
                .init(engagementID: org.engagements[0].id, start: at("2026-03-26T14:00:00Z")), by: org.caller(org.parents[0]))
            let mail = try await dependencies.store.read { db in try await db.outboxMessages(organizationID: org.organization.id) }
            #expect(mail.contains { $0.subject.contains("GCSE Maths with Tutor Zero") })
        }
    }
}
