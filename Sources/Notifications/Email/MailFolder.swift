import Foundation

/// Development mode without an SMTP server: each message becomes an `.eml` file that any mail
/// program opens. Written under a temporary name and renamed, so a reader never sees half a file.
public struct MailFolder: Sendable {
    public let path: String

    public init(path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        self.path = path
    }

    /// Writes (or, on a retry, rewrites) the message's file; returns its path.
    @discardableResult
    public func write(_ message: MailMessage) throws -> String {
        let name = Self.fileName(for: message)
        let target = URL(fileURLWithPath: path).appendingPathComponent(name)
        let temporary = URL(fileURLWithPath: path).appendingPathComponent(".\(name).partial")
        try Data(message.rendered().utf8).write(to: temporary)
        if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
        try FileManager.default.moveItem(at: temporary, to: target)
        return target.path
    }

    /// The file a message is written to: its Message-ID, made safe for a file system.
    public static func fileName(for message: MailMessage) -> String {
        message.messageID.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" }.reduce(into: "") { $0.append($1) } + ".eml"
    }
}
