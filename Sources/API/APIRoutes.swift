public import Foundation
public import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime
public import Workflows

/// The JSON API under `/api/v1`, and its description at `/openapi.yaml`.
public enum APIRoutes {
    public static func add<Context: RequestContext>(to router: Router<Context>, dependencies: Dependencies) throws {
        router.get("/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8", .cacheControl: "no-cache"],
                body: .init(byteBuffer: ByteBuffer(bytes: openAPIDocument)))
        }
        let api = router.group()
            .add(middleware: ProblemResponses<Context>())
            .add(middleware: BearerAuthentication<Context>(authentication: Authentication(dependencies)))
            .add(middleware: JSONInputRules<Context>())
        let routes = DeclaredRoutes()
        try APIHandler(dependencies: dependencies).registerHandlers(
            on: routes.recording(into: api), serverURL: Servers.Server1.url(),
            // Compact JSON: pretty printing costs time on every response and no client needs it.
            configuration: .init(dateTranscoder: FlexibleDateTranscoder(), jsonEncodingOptions: [.sortedKeys]))
        router.add(middleware: UndeclaredMethods<Context>(routes: routes))
    }

    /// The document as shipped with the binary.
    public static let openAPIDocument: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"), let data = try? Data(contentsOf: url) else {
            fatalError("openapi.yaml is missing from the API target's resources")
        }
        return data
    }()
}
