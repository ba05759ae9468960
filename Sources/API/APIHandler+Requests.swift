import Foundation
import Scheduling
import Workflows

extension APIHandler {
    func listSessionRequests(_ input: Operations.ListSessionRequests.Input) async throws -> Operations.ListSessionRequests.Output {
        let query = RequestDirectory.Query(
            states: input.query.state?.map { RequestState(rawValue: $0.rawValue)! }, needsAction: input.query.needsAction ?? false,
            tutorID: input.query.tutorId, studentID: input.query.studentId, from: try QueryDate.parseOptional(input.query.from, field: "from"),
            to: try QueryDate.parseOptional(input.query.to, field: "to"))
        let listing = try await RequestDirectory(dependencies).list(query, for: try RequestScope.caller())
        return .ok(.init(body: .json(.init(items: listing.requests.map { .init($0, in: listing.organization) }))))
    }

    func createSessionRequest(_ input: Operations.CreateSessionRequest.Input) async throws -> Operations.CreateSessionRequest.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let request = try await SessionRequesting(dependencies).request(
            .init(
                engagementID: body.engagementId, start: body.start, durationMinutes: body.durationMinutes, note: body.note ?? "",
                replacesSessionID: body.replacesSessionId, readWarning: body.readWarning ?? false),
            by: caller, once: try IdempotentCall.key(input.headers.idempotencyKey, "createSessionRequest", body: body))
        return .created(.init(body: .json(try schema(request, for: caller))))
    }

    func getSessionRequest(_ input: Operations.GetSessionRequest.Input) async throws -> Operations.GetSessionRequest.Output {
        let detail = try await RequestDirectory(dependencies).request(input.path.requestId, for: try RequestScope.caller())
        return .ok(.init(body: .json(.init(detail.request, in: detail.parties.organization))))
    }

    func acceptSessionRequest(_ input: Operations.AcceptSessionRequest.Input) async throws -> Operations.AcceptSessionRequest.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let details = SessionDetails(location: body.location, sessionType: body.sessionType, className: body.className ?? "", room: body.room ?? "")
        let request = try await RequestMoves(dependencies).accept(
            input.path.requestId, details: details, by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "acceptSessionRequest", input.path.requestId, body: body))
        return .ok(.init(body: .json(try schema(request, for: caller))))
    }

    func declineSessionRequest(_ input: Operations.DeclineSessionRequest.Input) async throws -> Operations.DeclineSessionRequest.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let request = try await RequestMoves(dependencies).decline(
            input.path.requestId, reason: body.reason, by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "declineSessionRequest", input.path.requestId, body: body))
        return .ok(.init(body: .json(try schema(request, for: caller))))
    }

    func proposeSessionTime(_ input: Operations.ProposeSessionTime.Input) async throws -> Operations.ProposeSessionTime.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let request = try await RequestMoves(dependencies).propose(
            input.path.requestId, start: body.start, note: body.note, by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "proposeSessionTime", input.path.requestId, body: body))
        return .ok(.init(body: .json(try schema(request, for: caller))))
    }

    func respondToProposal(_ input: Operations.RespondToProposal.Input) async throws -> Operations.RespondToProposal.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let moves = RequestMoves(dependencies)
        let id = input.path.requestId
        let key = try IdempotentCall.key(input.headers.idempotencyKey, "respondToProposal", id, body: body)
        let request =
            switch body.action {
            case .accept: try await moves.acceptProposal(id, by: caller, once: key)
            case .decline: try await moves.declineProposal(id, message: body.message ?? "", by: caller, once: key)
            case .reply: try await moves.reply(id, message: body.message ?? "", start: body.start, by: caller, once: key)
            }
        return .ok(.init(body: .json(try schema(request, for: caller))))
    }

    func withdrawSessionRequest(_ input: Operations.WithdrawSessionRequest.Input) async throws -> Operations.WithdrawSessionRequest.Output {
        guard case .json(let body) = input.body else { preconditionFailure("the document declares JSON only") }
        let caller = try RequestScope.caller()
        let request = try await RequestMoves(dependencies).withdraw(
            input.path.requestId, message: body.message ?? "", by: caller,
            once: try IdempotentCall.key(input.headers.idempotencyKey, "withdrawSessionRequest", input.path.requestId, body: body))
        return .ok(.init(body: .json(try schema(request, for: caller))))
    }

    func getConversation(_ input: Operations.GetConversation.Input) async throws -> Operations.GetConversation.Output {
        let conversation = try await RequestDirectory(dependencies).conversation(input.path.requestId, for: try RequestScope.caller())
        return .ok(
            .init(
                body: .json(
                    .init(requestId: input.path.requestId, items: conversation.entries.map { .init($0, in: conversation.organization) }))))
    }

    /// A request as its schema, in the caller's organization's time zone (read with their token).
    private func schema(_ request: SessionRequest, for caller: Caller) throws -> Components.Schemas.SessionRequest {
        .init(request, in: try RequestScope.organization())
    }
}
