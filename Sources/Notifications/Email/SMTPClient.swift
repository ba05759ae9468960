import Foundation
public import Logging
public import NIOCore
public import NIOPosix
import NIOSSL

/// Hands messages to an SMTP server (RFC 5321), several on one connection.
public struct SMTPClient: Sendable {
    public let server: SMTPServer
    private let tls: NIOSSLContext
    private let group: any EventLoopGroup
    /// The name we give in EHLO.
    private let clientName: String
    private let connectTimeout: TimeAmount
    private let replyTimeout: TimeAmount
    private let logger: Logger

    public init(
        server: SMTPServer, clientName: String, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        connectTimeout: TimeAmount = .seconds(10), replyTimeout: TimeAmount = .seconds(60), logger: Logger
    ) throws {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let file = server.extraCAFile { configuration.additionalTrustRoots = [.file(file)] }
        do {
            tls = try NIOSSLContext(configuration: configuration)
        } catch {
            throw SMTPError.configuration("could not set up TLS (ca=\(server.extraCAFile ?? "none")): \(error)")
        }
        self.server = server
        self.group = group
        self.clientName = clientName
        self.connectTimeout = connectTimeout
        self.replyTimeout = replyTimeout
        self.logger = logger
    }

    /// Sends each message in turn on one connection and reports how each went as soon as the server
    /// has answered for it, so that a caller can record a delivery before the next one starts. A
    /// refused message does not stop the others; a lost connection fails the rest.
    public func send(_ mails: [OutgoingMail], report: (Int, Result<Void, SMTPError>) async -> Void) async {
        guard !mails.isEmpty else { return }
        let connection: SMTPConnection
        do {
            connection = try await open()
        } catch {
            let failure = error as? SMTPError ?? .connection("\(error)")
            for index in mails.indices { await report(index, .failure(failure)) }
            return
        }
        var index = mails.startIndex
        while index < mails.endIndex {
            do {
                try await transfer(mails[index], on: connection)
                await report(index, .success(()))
            } catch let error as SMTPError where error.isRejection || error.isInvalidAddress {
                await report(index, .failure(error))
                // The server is still talking to us: forget this message's envelope and go on.
                if (try? await connection.command("RSET", expecting: [250])) == nil {
                    index += 1
                    for rest in index..<mails.endIndex { await report(rest, .failure(.connection("lost after \(error)"))) }
                    break
                }
            } catch {
                let failure = error as? SMTPError ?? .connection("\(error)")
                for rest in index..<mails.endIndex { await report(rest, .failure(failure)) }
                break
            }
            index += 1
        }
        _ = try? await connection.command("QUIT", expecting: [221])
        await connection.close()
    }

    /// Connects, says hello, turns on TLS and logs in as the URL says.
    private func open() async throws -> SMTPConnection {
        let connection = try await SMTPConnection.open(
            to: server, tls: tls, group: group, connectTimeout: connectTimeout, replyTimeout: replyTimeout)
        do {
            try await connection.greeting()
            var capabilities = try await hello(on: connection)
            var encrypted = server.security == .implicitTLS
            if !encrypted && capabilities["STARTTLS"] != nil {
                try await connection.command("STARTTLS", expecting: [220])
                try await connection.startTLS(tls, serverName: server.serverNameIndication)
                encrypted = true
                capabilities = try await hello(on: connection)
            }
            if let username = server.username {
                guard encrypted || server.isLoopback else {
                    throw SMTPError.authentication("\(server.host) offers no STARTTLS, and a password is never sent unencrypted")
                }
                try await authenticate(username, server.password ?? "", capabilities: capabilities, on: connection)
            }
            return connection
        } catch {
            await connection.close()
            throw error
        }
    }

    /// EHLO, and the extensions the server announces (their first words, upper-cased).
    private func hello(on connection: SMTPConnection) async throws -> [String: String] {
        let reply = try await connection.command("EHLO \(clientName)", expecting: [250])
        var capabilities: [String: String] = [:]
        for line in reply.lines.dropFirst() {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard let keyword = parts.first else { continue }
            capabilities[keyword.uppercased()] = parts.count > 1 ? String(parts[1]).uppercased() : ""
        }
        return capabilities
    }

    private func authenticate(_ username: String, _ password: String, capabilities: [String: String], on connection: SMTPConnection)
        async throws
    {
        let mechanisms = Set((capabilities["AUTH"] ?? "").split(separator: " ").map(String.init))
        if mechanisms.contains("PLAIN") {
            let token = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
            try await connection.command("AUTH PLAIN \(token)", expecting: [235], naming: "AUTH")
        } else if mechanisms.contains("LOGIN") {
            try await connection.command("AUTH LOGIN", expecting: [334], naming: "AUTH")
            try await connection.command(Data(username.utf8).base64EncodedString(), expecting: [334], naming: "AUTH")
            try await connection.command(Data(password.utf8).base64EncodedString(), expecting: [235], naming: "AUTH")
        } else {
            throw SMTPError.authentication("\(server.host) offers neither AUTH PLAIN nor AUTH LOGIN (it offers \(mechanisms.sorted()))")
        }
        logger.debug("authenticated to \(server) as \(username)")
    }

    private func transfer(_ mail: OutgoingMail, on connection: SMTPConnection) async throws {
        // An address goes into a command line: a line break in one would start a command of its own.
        for address in [mail.sender] + mail.recipients where !Self.isEnvelopeSafe(address) {
            throw SMTPError.invalidAddress(address)
        }
        try await connection.command("MAIL FROM:<\(mail.sender)>", expecting: [250], naming: "MAIL FROM")
        for recipient in mail.recipients {
            try await connection.command("RCPT TO:<\(recipient)>", expecting: [250, 251], naming: "RCPT TO <\(recipient)>")
        }
        try await connection.command("DATA", expecting: [354])
        try await connection.content(mail.data)
    }
}

extension SMTPClient {
    static func isEnvelopeSafe(_ address: String) -> Bool {
        !address.isEmpty && address.utf8.count <= 254 && address.contains("@")
            && !address.unicodeScalars.contains { $0.value < 0x21 || $0 == "<" || $0 == ">" || $0.value == 0x7F }
    }
}

extension SMTPError {
    /// The server answered (and so is still there), as opposed to the connection failing.
    var isRejection: Bool {
        if case .rejected = self { return true }
        return false
    }

    var isInvalidAddress: Bool {
        if case .invalidAddress = self { return true }
        return false
    }
}
