import Common
import Dispatch
import Foundation
import ONVIF
import Synchronization

/// A bare UDP responder for tests: answers every Probe with whatever datagrams `answers`
/// builds from the probe's MessageID (broken XML, wrong RelatesTo…). Not our simulator on
/// purpose: it sends what no well-behaved device would.
final class RawResponder: Sendable {
    let port: UInt16
    private let socket: UDPSocket
    private let wake: CancelSignal
    private let finished = DispatchSemaphore(value: 0)
    private let probes = Mutex(0)
    private let answers: @Sendable (String) -> [[UInt8]]

    /// Binds (in the calling thread's namespace): with `multicast`, 0.0.0.0:3702 joined on every
    /// usable interface; otherwise 127.0.0.1 on a free port.
    init(multicast: Bool, answers: @escaping @Sendable (_ probeID: String) -> [[UInt8]]) throws {
        socket = try UDPSocket(packetInfo: true)
        if multicast {
            try socket.setReuseAddress()
            try socket.bind(IPv4Address(0), port: 3702)
            for i in try NetworkInterface.usable() { try? socket.join(group: WSDiscoveryURI.multicastGroup, on: i) }
        } else {
            try socket.bind(IPv4Address(0x7F00_0001), port: 0)
        }
        port = socket.localPort
        wake = try CancelSignal.forPoll()
        self.answers = answers
        Thread { [self] in loop() }.start()
    }

    private func loop() {
        defer { finished.signal() }
        while true {
            let ready = UDPSocket.waitReadable([socket.fd, wake.fd], timeoutMs: -1)
            if ready[1] { return }
            while let d = socket.receive() {
                let m = DiscoveryMessage.parse(d.bytes)
                guard m.kind == .probe, let id = m.messageID else { continue }
                probes.withLock { $0 += 1 }
                for a in answers(id) { socket.send(a, to: d.source, port: d.sourcePort) }
            }
        }
    }

    /// Probes answered so far.
    var probesSeen: Int { probes.withLock { $0 } }

    func stop() {
        wake.cancel()
        finished.wait()
    }
}
