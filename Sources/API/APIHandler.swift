import Foundation
import Scheduling
import Workflows

/// The operations of `openapi.yaml`, each handing its typed input to a workflow and its result back.
///
/// Handlers hold no rules: refusals come from the workflows and domain as `DomainError`s, which
/// `ProblemResponses` turns into problem documents.
struct APIHandler: APIProtocol {
    let dependencies: Dependencies

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
            by: try RequestScope.caller(), once: try IdempotentCall.key(input.headers.idempotencyKey, "createInvitation", body: body))
        return .created(.init(body: .json(.init(user: .init(sent.user), expiresAt: sent.expiresAt, link: sent.link))))
    }

    func acceptInvitation(_ input: Operations.AcceptInvitation.Input) async throws -> Operations.AcceptInvitation.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let granted = try await Invitations(dependencies).accept(token: body.token, password: body.password, kind: .api)
        return .ok(.init(body: .json(.init(token: granted.token, expiresAt: granted.expiresAt, user: .init(granted.user)))))
    }
}
