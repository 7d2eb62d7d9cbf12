import Common
import Dispatch
import Foundation
import Synchronization

/// Listens for WS-Discovery Hello and Bye on UDP 3702 (group 239.255.255.250 joined on every
/// usable interface) so a running front can update its device list live.
///
/// Events go to the sink's queue: `.found`/`.updated` for a Hello (merged by endpoint
/// reference, like sweep answers), `.left` for a Bye, `.malformed` for a broken Hello/Bye.
/// Probes and ProbeMatches heard on the port are ignored.
///
/// ```swift
/// let listener = DiscoveryListener(events: DiscoveryEventSink(queue: ui) { event in … })
/// try listener.start()
/// …
/// listener.stop()
/// ```
public final class DiscoveryListener: Sendable {
    private let interfaceNames: [String]
    private let port: UInt16
    private let sink: DiscoveryEventSink
    private let state = Mutex<Running?>(nil)

    private struct Running: Sendable {
        let wake: CancelSignal
        let finished: DispatchSemaphore
    }

    /// - Parameters:
    ///   - interfaces: interface names to listen on; empty means every usable one.
    ///   - port: the UDP port (3702; tests in their own network namespace use the same).
    ///   - events: where events go.
    public init(interfaces: [String] = [], port: UInt16 = WSDiscoveryURI.port, events: DiscoveryEventSink) {
        self.interfaceNames = interfaces
        self.port = port
        self.sink = events
    }

    /// True between `start()` and `stop()`.
    public var isRunning: Bool { state.withLock { $0 != nil } }

    /// Opens the socket, joins the group and starts listening on a thread of its own.
    /// Calling it while running does nothing.
    /// - Throws: `DiscoveryError` (no usable interface, unknown interface, port held by another program).
    public func start() throws(DiscoveryError) {
        if isRunning { return }
        let interfaces = try NetworkInterface.usable(named: interfaceNames)
        let socket = try UDPSocket(packetInfo: true)
        try socket.setReuseAddress()
        try socket.bind(IPv4Address(0), port: port)
        socket.receiveOnlyJoinedGroups()
        socket.setReceiveBuffer(1 << 20)
        var joined: [NetworkInterface] = []
        var firstError: DiscoveryError?
        for iface in interfaces {
            do {
                try socket.join(group: WSDiscoveryURI.multicastGroup, on: iface)
                joined.append(iface)
            } catch {
                firstError = firstError ?? error // the same interface twice (two addresses) fails harmlessly
            }
        }
        if joined.isEmpty, let e = firstError { throw e }
        let running = Running(wake: try CancelSignal.forPoll(), finished: DispatchSemaphore(value: 0))
        let started: Bool = state.withLock {
            if $0 != nil { return false }
            $0 = running
            return true
        }
        guard started else { return }
        let sink = self.sink
        let thread = Thread {
            var loop = ListenLoop(socket: socket, interfaces: interfaces, sink: sink)
            loop.run(wake: running.wake)
            running.finished.signal()
        }
        thread.name = "vtrack.discovery.listener"
        thread.start()
    }

    /// Stops listening and waits for the thread to end. Safe to call more than once.
    public func stop() {
        guard let running = state.withLock({ r -> Running? in defer { r = nil }; return r }) else { return }
        running.wake.cancel()
        running.finished.wait()
    }

    deinit { stop() }
}

/// The listening thread's state.
private struct ListenLoop {
    let socket: UDPSocket
    let interfaces: [NetworkInterface]
    let sink: DiscoveryEventSink
    var table = DeviceTable()

    mutating func run(wake: CancelSignal) {
        while true {
            let ready = UDPSocket.waitReadable([socket.fd, wake.fd], timeoutMs: -1)
            if ready[1] { return }
            guard ready[0] else { continue }
            while let d = socket.receive() { handle(d) }
        }
    }

    /// The interface a datagram arrived on: by index, preferring the address whose subnet holds the sender.
    func interface(for d: UDPSocket.Datagram) -> NetworkInterface? {
        let candidates = interfaces.filter { $0.index == d.interfaceIndex }
        return candidates.first { $0.contains(d.source) } ?? candidates.first
    }

    mutating func handle(_ d: UDPSocket.Datagram) {
        let message = DiscoveryMessage.parse(d.bytes)
        guard message.kind != .probe, message.kind != .probeMatches else { return }
        let iface = interface(for: d)
        if !message.problems.isEmpty {
            sink.send(.malformed(DiscoveryNote(kind: .malformedAnswer, origin: "\(d.source):\(d.sourcePort)",
                                               interface: iface?.name, problems: message.problems,
                                               excerpt: DiscoveryNote.excerpt(of: d.bytes))))
        }
        switch message.kind {
        case .hello:
            for entry in message.entries where entry.looksLikeONVIF() {
                let before = DeviceTable.key(of: entry).flatMap { table[$0] }
                guard let (device, isNew) = table.merge(entry, from: d.source, on: iface) else { continue }
                if isNew { sink.send(.found(device)) } else if device != before { sink.send(.updated(device)) }
            }
        case .bye:
            for entry in message.entries {
                guard let key = DeviceTable.key(of: entry) else { continue }
                let last = table.remove(key)
                sink.send(.left(endpointReference: key, last: last))
            }
        default:
            break
        }
    }
}
