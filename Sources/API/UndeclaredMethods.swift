import HTTPTypes
import Hummingbird

/// A path of the API asked with a method it does not have answers 405 with `Allow`, not 404.
struct UndeclaredMethods<Context: RequestContext>: RouterMiddleware {
    let routes: DeclaredRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let methods = routes.methods(forPath: request.uri.path), !methods.contains(request.method) else { throw error }
            var response = ProblemResponses<Context>.problem(
                status: .methodNotAllowed, kind: "method-not-allowed",
                detail: "\(request.uri.path) answers \(methods.map(\.rawValue).joined(separator: ", ")), not \(request.method.rawValue).")
            response.headers[.allow] = methods.map(\.rawValue).joined(separator: ", ")
            return response
        }
    }
}
