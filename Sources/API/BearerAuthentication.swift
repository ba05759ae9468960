import Foundation
import HTTPTypes
import Hummingbird
import Scheduling
import Storage
import Workflows

/// Recognises the caller from `Authorization: Bearer <token>` and refuses protected operations without one.
struct BearerAuthentication<Context: RequestContext>: RouterMiddleware {
    let authentication: Authentication
    /// The operations anyone may call.
    static var publicPaths: Set<String> { ["/api/v1/login", "/api/v1/invitations/accept"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let remote = (context as? any RemoteAddressRequestContext)?.remoteAddress?.ipAddress ?? "unknown"
        let token = Self.bearerToken(request.headers[.authorization])
        var scope = RequestScope(caller: nil, organization: nil, token: token, remoteAddress: remote)
        if let token, let signedIn = try await authentication.signedIn(token: token, kind: .api) {
            (scope.caller, scope.organization) = (signedIn.caller, signedIn.organization)
        }
        if scope.caller == nil && !Self.publicPaths.contains(request.uri.path) {
            throw DomainError(
                .unauthenticated,
                token == nil ? "Log in first: send Authorization: Bearer <token>." : "This token is unknown or has expired: log in again.")
        }
        return try await RequestScope.$current.withValue(scope) { try await next(request, context) }
    }

    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        // Spaces and tabs around the token go; trimmed by hand, as Foundation's character sets cost
        // more than the rest of this on every request.
        var token = parts[1]
        while let first = token.first, first == " " || first == "\t" { token.removeFirst() }
        while let last = token.last, last == " " || last == "\t" { token.removeLast() }
        return token.isEmpty ? nil : String(token)
    }
}
