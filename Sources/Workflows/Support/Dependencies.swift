public import Foundation
public import Logging
import Scheduling
public import Storage

/// What every workflow needs from the outside world, injected so tests decide time and randomness.
public struct Dependencies: Sendable {
    public let store: any Store
    /// The only clock workflows read.
    public let now: @Sendable () -> Date
    public let ids: IDGenerator
    public let secrets: SecretGenerator
    public let passwords: PasswordHasher
    /// Where people reach the web app, for links in messages: `https://desk.example.org`.
    public let publicBaseURL: String
    public let logger: Logger
    /// Whether this deployment can send text messages (an SMS gateway is configured); without
    /// one, people who chose texts are emailed.
    public let textMessages: Bool
    /// What moves reuse of each organization's directory; one per process and database.
    public let directory: DirectoryCache

    public init(
        store: any Store, now: @escaping @Sendable () -> Date, ids: IDGenerator? = nil, secrets: SecretGenerator = .system,
        passwords: PasswordHasher = PasswordHasher(), publicBaseURL: String, logger: Logger, textMessages: Bool = false,
        directory: DirectoryCache = DirectoryCache()
    ) {
        self.store = store
        self.now = now
        self.ids = ids ?? .timeOrdered(now)
        self.secrets = secrets
        self.passwords = passwords
        self.publicBaseURL = publicBaseURL
        self.logger = logger
        self.textMessages = textMessages
        self.directory = directory
    }

    /// The current instant truncated to whole seconds, as stored.
    func currentInstant() -> Date { Date(epochSeconds: now().epochSeconds) }
}
