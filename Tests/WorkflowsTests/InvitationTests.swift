import Foundation
import Scheduling
import Storage
import TestSupport
import Testing
import Workflows

@Suite struct InvitationTests {
    private func draft(_ email: String = "new.parent@family.example", role: Role = .parent) -> Invitations.Draft {
        .init(email: email, name: "New Parent", role: role, phone: "+44 7700 900999", canRequestSessions: true)
    }

    private func token(from link: String) -> String { String(link.split(separator: "/").last!) }

    @Test(arguments: TestDatabase.available)
    func anInvitationEmailsAOneTimeLinkThatSetsThePassword(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let invitations = Invitations(dependencies)
            let sent = try await invitations.invite(draft(), by: org.caller(org.admin))
            #expect(sent.link!.hasPrefix("https://desk.test/invitations/"))
            #expect(token(from: sent.link!).count >= 43, "at least 256 bits of randomness, base64url")
            #expect(!sent.user.hasPassword && sent.user.canRequestSessions)

            let mail = try await dependencies.store.read { db in try await db.outboxMessages(organizationID: org.organization.id) }
            #expect(mail.count == 1)
            #expect(mail.first?.address == "new.parent@family.example")
            #expect(mail.first?.body.contains(sent.link!) == true)
            #expect(mail.first?.kind == "invitation")

            let granted = try await invitations.accept(token: token(from: sent.link!), password: "a brand new password", kind: .api)
            #expect(granted.user.id == sent.user.id && granted.user.hasPassword)
            _ = try await Authentication(dependencies).logIn(
                .init(email: "new.parent@family.example", password: "a brand new password", remoteAddress: "x", kind: .api))

            await expectRefusal(.conflict) {
                try await invitations.accept(token: token(from: sent.link!), password: "another password!", kind: .api)
            }
            await expectRefusal(.conflict) { try await invitations.invite(draft(), by: org.caller(org.admin)) }
        }
    }

    @Test(arguments: TestDatabase.available)
    func linksExpireAfterAWeekAndANewInvitationReplacesTheOld(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, clock in
            let invitations = Invitations(dependencies)
            let first = try await invitations.invite(draft(), by: org.caller(org.admin))
            let second = try await invitations.invite(draft(), by: org.caller(org.admin))
            #expect(first.user.id == second.user.id)
            await expectRefusal(.conflict) {
                try await invitations.accept(token: token(from: first.link!), password: "long enough pass", kind: .api)
            }
            clock.advance(by: Invitations.lifetime)
            do {
                _ = try await invitations.accept(token: token(from: second.link!), password: "long enough pass", kind: .api)
                Issue.record("an expired link was accepted")
            } catch let error as DomainError {
                #expect(error.kind == .conflict)
                #expect(error.message == "This invitation expired on Mon 30 Mar 2026. Ask the office to send a new one.")
            }
            await expectRefusal(.notFound) {
                try await invitations.accept(token: "not-a-real-token", password: "long enough pass", kind: .api)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func onlyTheOfficeInvitesAndInputIsChecked(_ database: TestDatabase) async throws {
        try await withOrganization(database) { org, dependencies, _ in
            let invitations = Invitations(dependencies)
            await expectRefusal(.forbidden) { try await invitations.invite(draft(), by: org.caller(org.tutors[0])) }
            await expectRefusal(.forbidden) { try await invitations.invite(draft(), by: org.caller(org.parents[0])) }
            await expectRefusal(.invalid) { try await invitations.invite(draft("not an email"), by: org.caller(org.admin)) }
            await expectRefusal(.conflict) {
                try await invitations.invite(draft(org.tutors[0].email), by: org.caller(org.admin))
            }
            let sent = try await invitations.invite(draft(), by: org.caller(org.admin))
            await expectRefusal(.invalid) {
                try await invitations.accept(token: token(from: sent.link!), password: "short", kind: .api)
            }
        }
    }
}
