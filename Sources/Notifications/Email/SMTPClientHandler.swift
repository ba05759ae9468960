import NIOCore

/// Reads the server's replies and hands each to the command waiting for it, in order. Lives on
/// the channel's event loop. Bytes are read as replies only when a command waits for one, so
/// anything the server sent ahead (the greeting before the first `expectReply`, or a reply a man in
/// the middle slipped in behind the 220 to STARTTLS) waits in `received` until then.
final class SMTPClientHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private var waiting = CircularBuffer<EventLoopPromise<SMTPResponse>>()
    /// What the server sent that no command has taken yet.
    private var received = ByteBuffer()
    private var parser = SMTPReplyParser()
    private var closedBecause: SMTPError?
    private var context: ChannelHandlerContext?

    /// The next reply goes to `promise`; call before writing the command it answers.
    func expectReply(_ promise: EventLoopPromise<SMTPResponse>) {
        if let closedBecause { return promise.fail(closedBecause) }
        waiting.append(promise)
        if let context { deliver(context: context) }
    }

    /// Forgets everything the server sent that no command has taken: once TLS starts, nothing said
    /// in plain text may count as a reply (RFC 3207 §4.2), or a man in the middle could answer the
    /// first command sent inside TLS.
    func discardUnclaimed() {
        received.clear()
        parser = SMTPReplyParser()
    }

    /// Ends the conversation (a reply that never came): whoever waits learns why.
    func abandon(because error: SMTPError) {
        guard let context else { return failWaiting(error) }
        fail(error, context: context)
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        received.writeBuffer(&bytes)
        guard received.readableBytes <= 65_536 else {
            return fail(.protocolViolation("the server sent more than 64 KiB that no command asked for"), context: context)
        }
        deliver(context: context)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error as? SMTPError ?? .connection("\(error)"), context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        failWaiting(closedBecause ?? .connection("the server closed the connection"))
        context.fireChannelInactive()
    }

    /// Answers the waiting commands from the replies received so far.
    private func deliver(context: ChannelHandlerContext) {
        do {
            while !waiting.isEmpty, let response = try parser.next(from: &received) {
                waiting.removeFirst().succeed(response)
            }
            received.discardReadBytes()
        } catch {
            fail(error, context: context)
        }
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
