import NIOCore
import NIOHTTP1
import NIOPosix

/// One keep-alive HTTP/1.1 connection of a benchmark client, one request at a time, through
/// SwiftNIO's own codec.
///
/// The load generator shares the machine's cores with the server it measures. AsyncHTTPClient
/// (its pool, state machines and a timer per request) took about a sixth of the process's CPU in
/// `bench requests`; this connection leaves that time to the server.
struct BenchConnection {
    private var responses: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
    private let requests: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>
    private let host: String

    struct Response {
        let status: Int
        let body: ByteBuffer
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Connects to `host:port`, runs `body` with the connection, and closes it.
    static func open<T>(host: String, port: Int, _ body: (inout BenchConnection) async throws -> T) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var connection = BenchConnection(responses: inbound.makeAsyncIterator(), requests: outbound, host: host)
            return try await body(&connection)
        }
    }

    /// Sends a request with `token` and, when given, a JSON body; returns the whole response.
    mutating func send(_ method: HTTPMethod, _ path: String, token: String, json: String? = nil) async throws -> Response {
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: host)
        headers.add(name: "Authorization", value: "Bearer \(token)")
        let body = json.map { ByteBuffer(string: $0) }
        if let body {
            headers.add(name: "Content-Type", value: "application/json")
            headers.add(name: "Content-Length", value: String(body.readableBytes))
        }
        let head = HTTPRequestHead(version: .http1_1, method: method, uri: path, headers: headers)
        try await requests.write(contentsOf: body.map { [.head(head), .body(.byteBuffer($0)), .end(nil)] } ?? [.head(head), .end(nil)])
        var status: Int?
        var received = ByteBuffer()
        while let part = try await responses.next() {
            switch part {
            case .head(let head): status = Int(head.status.code)
            case .body(var chunk): received.writeBuffer(&chunk)
            case .end:
                guard let status else { throw Failure(description: "a response ended without a head") }
                return Response(status: status, body: received)
            }
        }
        throw Failure(description: "the server closed the connection")
    }
}
