import NIOCore

/// Pairs each reply with the command waiting for it, in order. Lives on the channel's event loop.
final class SMTPClientHandler: ChannelInboundHandler {
    typealias InboundIn = SMTPResponse

    private var waiting = CircularBuffer<EventLoopPromise<SMTPResponse>>()
    /// Replies that came before anyone asked: the greeting, which may beat the first `expectReply`.
    private var unclaimed = CircularBuffer<SMTPResponse>()
    private var closedBecause: SMTPError?
    private var context: ChannelHandlerContext?

    /// The next reply goes to `promise`; call before writing the command it answers.
    func expectReply(_ promise: EventLoopPromise<SMTPResponse>) {
        if let response = unclaimed.popFirst() {
            promise.succeed(response)
        } else if let closedBecause {
            promise.fail(closedBecause)
        } else {
            waiting.append(promise)
        }
    }

    /// Ends the conversation (a reply that never came): whoever waits learns why.
    func abandon(because error: SMTPError) {
        guard let context else { return failWaiting(error) }
        fail(error, context: context)
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let response = unwrapInboundIn(data)
        if let promise = waiting.popFirst() {
            promise.succeed(response)
        } else {
            unclaimed.append(response)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error as? SMTPError ?? .connection("\(error)"), context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        failWaiting(closedBecause ?? .connection("the server closed the connection"))
        context.fireChannelInactive()
    }

    private func fail(_ error: SMTPError, context: ChannelHandlerContext) {
        closedBecause = closedBecause ?? error
        failWaiting(error)
        context.close(promise: nil)
    }

    private func failWaiting(_ error: SMTPError) {
        closedBecause = closedBecause ?? error
        while let promise = waiting.popFirst() { promise.fail(error) }
    }
}
