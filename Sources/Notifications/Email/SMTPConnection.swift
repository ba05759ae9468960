import NIOCore
import NIOPosix
import NIOSSL

/// One conversation with an SMTP server: a command, its reply, in turn.
struct SMTPConnection: Sendable {
    private let channel: any Channel
    private let handler: NIOLoopBound<SMTPClientHandler>
    private let replyTimeout: TimeAmount

    static func open(
        to server: SMTPServer, tls: NIOSSLContext, group: any EventLoopGroup, connectTimeout: TimeAmount, replyTimeout: TimeAmount
    ) async throws -> SMTPConnection {
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(connectTimeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if server.security == .implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tls, serverHostname: server.serverNameIndication))
                    }
                    try channel.pipeline.syncOperations.addHandler(SMTPClientHandler())
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: server.host, port: server.port).get()
        } catch {
            throw SMTPError.connection("could not reach \(server.host):\(server.port): \(error)")
        }
        let handler = try await channel.eventLoop.submit {
            NIOLoopBound(try channel.pipeline.syncOperations.handler(type: SMTPClientHandler.self), eventLoop: channel.eventLoop)
        }.get()
        return SMTPConnection(channel: channel, handler: handler, replyTimeout: replyTimeout)
    }

    /// The server's first words, which must be 220.
    func greeting() async throws {
        let reply = try await exchange(nil, naming: "the greeting")
        guard reply.code == 220 else { throw SMTPError.rejected(command: "the connection", code: reply.code, text: reply.text) }
    }

    /// Sends `line` and waits for the reply, which must be one of `accepted`.
    @discardableResult
    func command(_ line: String, expecting accepted: Set<Int>, naming name: String? = nil) async throws -> SMTPResponse {
        let name = name ?? String(line.prefix { $0 != " " && $0 != ":" })
        let reply = try await exchange(ByteBuffer(string: line + "\r\n"), naming: name)
        guard accepted.contains(reply.code) else { throw SMTPError.rejected(command: name, code: reply.code, text: reply.text) }
        return reply
    }

    /// Sends a message's content after DATA's 354: dot-stuffed, ended by a line with one dot.
    func content(_ data: String) async throws {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(data.utf8.count + 64)
        for line in data.split(separator: "\r\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(".") { buffer.writeString(".") }
            buffer.writeSubstring(line)
            buffer.writeString("\r\n")
        }
        buffer.writeString(".\r\n")
        let reply = try await exchange(buffer, naming: "the message")
        guard reply.code == 250 else { throw SMTPError.rejected(command: "the message", code: reply.code, text: reply.text) }
    }

    /// Turns on TLS under the conversation, after the server's 220 to STARTTLS. In the same turn of
    /// the event loop, so that no read comes between, whatever arrived in plain text behind the 220
    /// is dropped.
    func startTLS(_ tls: NIOSSLContext, serverName: String?) async throws {
        let (channel, handler) = (channel, handler)
        try await channel.eventLoop.submit {
            handler.value.discardUnclaimed()
            try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName), position: .first)
        }.get()
    }

    func close() async {
        try? await channel.close()
    }

    private func exchange(_ bytes: ByteBuffer?, naming name: String) async throws -> SMTPResponse {
        let channel = channel
        let handler = handler
        let promise = channel.eventLoop.makePromise(of: SMTPResponse.self)
        let timeout = replyTimeout
        channel.eventLoop.execute {
            handler.value.expectReply(promise)
            if let bytes { channel.writeAndFlush(bytes, promise: nil) }
        }
        let timer = channel.eventLoop.scheduleTask(in: timeout) {
            handler.value.abandon(because: .connection("no reply to \(name) within \(timeout.nanoseconds / 1_000_000_000) s"))
        }
        defer { timer.cancel() }
        return try await promise.futureResult.get()
    }
}

extension SMTPServer {
    /// TLS servers are named by host name (SNI), never by address.
    var serverNameIndication: String? {
        host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" } ? nil : host
    }
}
