import HTTPTypes
import OpenAPIRuntime
import Synchronization

/// The operations the generated server registered, so that a request with a method a path does not
/// have can be answered 405 with the methods it does.
final class DeclaredRoutes: Sendable {
    private let routes = Mutex<[(method: HTTPRequest.Method, segments: [Substring])]>([])

    /// A transport that registers on `inner` and records each operation here.
    func recording(into inner: any ServerTransport) -> some ServerTransport { Recorder(inner: inner, routes: self) }

    func add(_ method: HTTPRequest.Method, _ path: String) { routes.withLock { $0.append((method, path.split(separator: "/"))) } }

    /// The methods declared for `path`, or nil when no operation has that path.
    func methods(forPath path: String) -> [HTTPRequest.Method]? {
        let segments = path.split(separator: "/")
        let methods = routes.withLock { routes in
            routes.filter { route in
                route.segments.count == segments.count
                    && zip(route.segments, segments).allSatisfy { template, actual in template.first == "{" || template == actual }
            }.map(\.method)
        }
        return methods.isEmpty ? nil : methods
    }

    private struct Recorder: ServerTransport {
        let inner: any ServerTransport
        let routes: DeclaredRoutes

        func register(
            _ handler: @Sendable @escaping (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?),
            method: HTTPRequest.Method, path: String
        ) throws {
            routes.add(method, path)
            try inner.register(handler, method: method, path: path)
        }
    }
}
