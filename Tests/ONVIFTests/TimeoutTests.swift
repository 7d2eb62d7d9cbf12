import Common
import Foundation
import ONVIF
import Testing
import TestSupport

/// The connect timeout (5 s) and the request timeout (10 s), both configurable, each reached
/// against a real socket and named in its own sentence. No timed assertions: the tests only
/// check which error comes back and which timeout it names.
@Suite struct TimeoutTests {
    /// A TCP listener on 127.0.0.1 that never accepts. With `fillBacklog`, its accept queue is
    /// filled first, so the kernel drops every further SYN and a connect never completes (like a
    /// host that swallows packets); without, connections complete but nothing ever answers.
    final class SilentListener {
        let fd: Int32
        let port: Int
        private var fillers: [Int32] = []

        init(fillBacklog: Bool) throws {
            let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            var len = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, len) } }
            _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &len) } }
            fd = listener
            port = Int(UInt16(bigEndian: addr.sin_port))
            guard bound == 0, listen(fd, fillBacklog ? 0 : 16) == 0 else {
                close(fd)
                throw PlainError(Localized(vi: "không mở được cổng thử", en: "could not open a test port"))
            }
            guard fillBacklog else { return }
            // a backlog of 0 holds one connection; a few more are refused by dropping their SYN
            for _ in 0..<4 {
                let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                _ = fcntl(s, F_SETFL, fcntl(s, F_GETFL) | O_NONBLOCK)
                var a = addr
                _ = withUnsafePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
                fillers.append(s)
            }
            // wait until the queue is provably full: the first filler's handshake completed (it
            // is writable) — the ones after it are dropped, as the client's will be
            var first = pollfd(fd: fillers[0], events: Int16(POLLOUT), revents: 0)
            guard poll(&first, 1, 30_000) == 1, first.revents & Int16(POLLOUT) != 0 else {
                throw PlainError(Localized(vi: "hàng đợi của cổng thử không đầy", en: "the test port's queue did not fill"))
            }
        }

        deinit {
            for s in fillers { close(s) }
            close(fd)
        }
    }

    @Test func defaultsAreFiveSecondsToConnectAndTenPerRequest() {
        let o = ClientOptions()
        #expect(o.connectTimeout == 5)
        #expect(o.requestTimeout == 10)
        #expect(o.maxLoginAttempts == 3)
        #expect(ClientOptions(maxLoginAttempts: 10).maxLoginAttempts == 3) // never more than 3, whatever asked
    }

    @Test func aConnectionThatNeverCompletesHitsTheConnectTimeout() throws {
        let l = try SilentListener(fillBacklog: true)
        let address = DeviceAddress(host: "127.0.0.1", port: l.port)
        let client = ONVIFClient(address: address, credentials: Credentials(user: "admin", password: "pw-never-shown"),
                                 options: ClientOptions(connectTimeout: 0.3, requestTimeout: 30))
        let e = try SimFixture().error { _ = try client.probe() }
        #expect(e == .timeout(host: address.description, seconds: 0.3))
        #expect(e?.text(.en).contains("did not answer within 0.3 s") == true)
        #expect(e?.text(.vi).contains("không trả lời trong 0.3 giây") == true)
    }

    @Test func aDeviceThatAcceptsButNeverAnswersHitsTheRequestTimeout() throws {
        let l = try SilentListener(fillBacklog: false)
        let address = DeviceAddress(host: "127.0.0.1", port: l.port)
        let client = ONVIFClient(address: address, credentials: Credentials(user: "admin", password: "pw-never-shown"),
                                 options: ClientOptions(connectTimeout: 30, requestTimeout: 1))
        let e = try SimFixture().error { _ = try client.probe() }
        #expect(e == .timeout(host: address.description, seconds: 1))
        #expect(e?.text(.en).contains("did not answer within 1 s") == true)
    }
}
