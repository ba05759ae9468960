public import Storage

/// How a message left us, or why it did not.
public enum DeliveryOutcome: Sendable, Equatable {
    case delivered
    /// `permanent` when trying again cannot help (the address does not exist, the server refuses the message).
    case failed(String, permanent: Bool)
}

/// Something that carries outbox messages to people: an SMTP server, a mail folder, an SMS gateway.
public protocol MessageTransport: Sendable {
    /// Delivers each message, reporting how each went as soon as that is known (so the caller
    /// records a delivery before the next one starts and a crash repeats as little as possible).
    func deliver(_ messages: [OutboxMessage], report: (Int, DeliveryOutcome) async -> Void) async
}
