public import Storage

/// Sends each message by its channel's transport; a channel without one fails for good, visibly,
/// in the dead letters (rather than a text meant for a phone going out as an email).
public struct ChannelRouter: MessageTransport {
    let email: any MessageTransport
    let sms: (any MessageTransport)?

    public init(email: any MessageTransport, sms: (any MessageTransport)?) {
        self.email = email
        self.sms = sms
    }

    public func deliver(_ messages: [OutboxMessage], report: (Int, DeliveryOutcome) async -> Void) async {
        let byEmail = messages.indices.filter { messages[$0].channel == .email }
        let bySMS = messages.indices.filter { messages[$0].channel == .sms }
        await email.deliver(byEmail.map { messages[$0] }) { index, outcome in await report(byEmail[index], outcome) }
        guard let sms else {
            for index in bySMS { await report(index, .failed("no SMS gateway is configured", permanent: true)) }
            return
        }
        await sms.deliver(bySMS.map { messages[$0] }) { index, outcome in await report(bySMS[index], outcome) }
    }
}
