import Foundation

/// A real SMTP server (Python's aiosmtpd, `Tests/mail/smtp_server.py`, run by `TestPython`) on a
/// loopback port, for as long as `body` runs.
public final class SMTPTestServer: Sendable {
    public enum Mode: String, Sendable {
        case plain
        case starttls
        case tls
    }

    /// One message as the server received it.
    public struct Received: Sendable, Decodable {
        public let messageID: String
        public let from: String
        public let to: [String]
        public let login: String?
        public let tls: Bool

        enum CodingKeys: String, CodingKey {
            case messageID = "message_id"
            case from, to, login, tls
        }
    }

    public let port: Int
    public let folder: String
    private let process: ChildProcess

    /// The certificate a TLS server presents, for the client's `?ca=`.
    public var certificatePath: String { folder + "/cert.pem" }

    private init(port: Int, folder: String, process: ChildProcess) {
        self.port = port
        self.folder = folder
        self.process = process
    }

    /// `injectAfterStartTLS`: a reply the server sends in plain text right behind its 220 to
    /// STARTTLS, as a man in the middle would.
    public static func with<T: Sendable>(
        mode: Mode = .plain, login: String? = nil, reject: String? = nil, tempfail: Int = 0, port: Int? = nil,
        injectAfterStartTLS: String? = nil, _ body: (SMTPTestServer) async throws -> T
    ) async throws -> T {
        let server = try start(
            mode: mode, login: login, reject: reject, tempfail: tempfail, port: port, injectAfterStartTLS: injectAfterStartTLS)
        defer { server.stop() }
        return try await body(server)
    }

    public static func start(
        mode: Mode = .plain, login: String? = nil, reject: String? = nil, tempfail: Int = 0, port: Int? = nil, folder: String? = nil,
        injectAfterStartTLS: String? = nil
    ) throws -> SMTPTestServer {
        let folder = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("sessiondesk-smtp-\(UUID().uuidString)").path
        var arguments = [
            TestPython.projectRoot + "/Tests/mail/smtp_server.py", "--dir", folder, "--mode", mode.rawValue, "--tempfail", "\(tempfail)", "--stdin",
        ]
        if let login { arguments += ["--login", login] }
        if let reject { arguments += ["--reject", reject] }
        if let port { arguments += ["--port", "\(port)"] }
        if let injectAfterStartTLS { arguments += ["--inject-after-starttls", injectAfterStartTLS] }
        let process = try ChildProcess(try TestPython.executable(), arguments)
        // "READY <port>", or nothing if the server failed (its error is on our standard error).
        var line = Data()
        while let byte = try process.output.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { line += byte }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ")
        guard words.first == "READY", let port = words.last.flatMap({ Int($0) }) else {
            process.terminate()
            process.wait()
            throw SMTPTestServerError(description: "the test SMTP server did not start (see its error above)")
        }
        return SMTPTestServer(port: port, folder: folder, process: process)
    }

    /// Stops the server (closing its input ends it) and waits for it.
    public func stop() {
        try? process.input.close()
        process.wait()
    }

    /// What arrived, in order.
    public func received() throws -> [Received] {
        guard let data = FileManager.default.contents(atPath: folder + "/received.jsonl") else { return [] }
        return try data.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(Received.self, from: Data($0)) }
    }

    /// The raw text of the `number`th message received (from 1).
    public func message(_ number: Int) throws -> String {
        try String(contentsOfFile: "\(folder)/\(number).eml", encoding: .utf8)
    }
}

public struct SMTPTestServerError: Error, CustomStringConvertible {
    public let description: String
}
