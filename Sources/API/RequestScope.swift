import Scheduling

/// What the HTTP layer learned about a request before the generated handler runs: handlers
/// generated from the OpenAPI document see only their typed input, so this travels as a task local.
struct RequestScope: Sendable {
    /// Nil only on the operations that need no login.
    var caller: Caller?
    /// The caller's organization, read with their token: what answers are worded and timed in.
    var organization: Organization?
    /// The bearer token presented, for `logout`.
    var token: String?
    /// The client's address, for login throttling.
    var remoteAddress: String

    @TaskLocal static var current = RequestScope(caller: nil, organization: nil, token: nil, remoteAddress: "unknown")

    /// The caller, or 401: the auth middleware admits no request without one to a protected operation.
    static func caller() throws -> Caller {
        guard let caller = current.caller else { throw DomainError(.unauthenticated, "Log in first: send Authorization: Bearer <token>.") }
        return caller
    }

    /// The caller's organization; like `caller()`, present on every protected operation.
    static func organization() throws -> Organization {
        guard let organization = current.organization else {
            throw DomainError(.unauthenticated, "Log in first: send Authorization: Bearer <token>.")
        }
        return organization
    }
}
