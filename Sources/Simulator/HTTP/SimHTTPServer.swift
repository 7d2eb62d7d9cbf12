import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 server on swift-nio: it reads each request whole and answers it with what
/// `respond` returns (after the response's delay), keeping connections alive.
final class SimHTTPServer: Sendable {
    typealias Respond = @Sendable (SimHTTPRequest) -> SimHTTPResponse

    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel

    /// The port actually bound (useful when asked for port 0).
    let port: Int

    init(host: String, port: Int, respond: @escaping Respond) throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                do {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(RequestHandler(respond: respond))
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
        do {
            channel = try bootstrap.bind(host: host, port: port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
        self.group = group
        self.port = channel.localAddress?.port ?? port
    }

    func stop() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }
}

/// Collects one request (head, body parts, end) and writes the answer.
private final class RequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let respond: SimHTTPServer.Respond
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(respond: @escaping SimHTTPServer.Respond) {
        self.respond = respond
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h
            body = []
        case .body(var buf):
            body += buf.readBytes(length: buf.readableBytes) ?? []
        case .end:
            guard let head else { return }
            self.head = nil
            let path = String(head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            let request = SimHTTPRequest(method: head.method.rawValue, path: path,
                                         headers: head.headers.map { ($0.name, $0.value) }, body: body)
            body = []
            let response = respond(request)
            if response.neverAnswer { return }
            let keepAlive = head.isKeepAlive
            let version = head.version
            if response.delay > 0 {
                let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: .milliseconds(Int64((response.delay * 1000).rounded(.up)))) {
                    let (handler, ctx) = bound.value
                    handler.write(response.later?() ?? response, version: version, keepAlive: keepAlive, context: ctx)
                }
            } else {
                write(response.later?() ?? response, version: version, keepAlive: keepAlive, context: context)
            }
        }
    }

    private func write(_ response: SimHTTPResponse, version: HTTPVersion, keepAlive: Bool, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
        headers.replaceOrAdd(name: "Content-Length", value: String(response.stream?.length ?? response.body.count))
        headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let head = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if let stream = response.stream {
            writeStream(stream, index: 0, keepAlive: keepAlive, context: context)
            return
        }
        if !response.body.isEmpty {
            var buf = context.channel.allocator.buffer(capacity: response.body.count)
            buf.writeBytes(response.body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buf))), promise: nil)
        }
        end(keepAlive: keepAlive, context: context)
    }

    private func end(keepAlive: Bool, context: ChannelHandlerContext) {
        if keepAlive {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        } else {
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
        }
    }

    /// Writes chunk `index` of a streamed body and, once it has left, the next; closes the
    /// connection when the client has gone.
    private func writeStream(_ stream: SimHTTPBodyStream, index: Int, keepAlive: Bool, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        guard let chunk = stream.chunk(index) else {
            end(keepAlive: keepAlive, context: context)
            return
        }
        let buf = context.channel.allocator.buffer(bytes: chunk)
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buf)))).whenComplete { result in
            switch result {
            case .success:
                // on the next turn of the loop: a write that completes at once must not recurse
                bound.value.1.eventLoop.execute {
                    let (handler, ctx) = bound.value
                    handler.writeStream(stream, index: index + 1, keepAlive: keepAlive, context: ctx)
                }
            case .failure:
                bound.value.1.close(promise: nil)
            }
        }
    }
}
