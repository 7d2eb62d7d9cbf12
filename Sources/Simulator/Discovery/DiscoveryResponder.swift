import Common
import Dispatch
import Foundation
import ONVIF
import Synchronization

/// A WS-Discovery responder for one or many simulated devices: answers Probes with a
/// ProbeMatches per device (correct RelatesTo), optionally says Hello at start and Bye at stop.
/// All devices share one socket, so a test or benchmark can run 50 of them cheaply.
///
/// ```swift
/// let r = DiscoveryResponder(adverts: [advert], settings: .init())
/// try r.start()      // on the thread whose network namespace it should live in
/// defer { r.stop() }
/// ```
public final class DiscoveryResponder: Sendable {
    /// Where and how it listens.
    public struct Settings: Sendable, Equatable {
        /// UDP port; 0 picks a free one (only useful with `multicast` off).
        public var port: UInt16 = WSDiscoveryURI.port
        /// Join 239.255.255.250 (off: answer unicast probes only, bound to `interfaceAddress` or 127.0.0.1).
        public var multicast = true
        /// Serve only the interface with this address (nil: every usable interface).
        public var interfaceAddress: IPv4Address?
        /// Send Hello on start and Bye on stop.
        public var helloAndBye = false
        /// Fraction of answers dropped on purpose (0...1).
        public var lossRate = 0.0
        /// Seed of the loss dice.
        public var seed: UInt64 = 7

        public init(port: UInt16 = WSDiscoveryURI.port, multicast: Bool = true, interfaceAddress: IPv4Address? = nil,
                    helloAndBye: Bool = false, lossRate: Double = 0) {
            self.port = port; self.multicast = multicast; self.interfaceAddress = interfaceAddress
            self.helloAndBye = helloAndBye; self.lossRate = lossRate
        }
    }

    /// Counters for tests and benchmarks.
    public struct Statistics: Sendable, Equatable {
        public var probesReceived = 0
        public var answersSent = 0
        public var answersDropped = 0
    }

    public let adverts: [DiscoveryAdvert]
    public let settings: Settings
    private let state = Mutex<Running?>(nil)
    private let stats = Counters()

    private struct Running: Sendable {
        let wake: CancelSignal
        let finished: DispatchSemaphore
        let port: UInt16
    }

    public init(adverts: [DiscoveryAdvert], settings: Settings = Settings()) {
        self.adverts = adverts
        self.settings = settings
    }

    /// The bound UDP port while running (the free port picked for port 0), else nil.
    public var port: UInt16? { state.withLock { $0?.port } }

    /// What it has done so far.
    public var statistics: Statistics { stats.value }

    /// Opens the socket (in the calling thread's network namespace), joins the group, sends
    /// Hello if asked, and answers on a thread of its own until `stop()`.
    public func start() throws(DiscoveryError) {
        if state.withLock({ $0 != nil }) { return }
        let socket = try UDPSocket(packetInfo: true)
        var interfaces: [NetworkInterface] = []
        if settings.multicast {
            let all = try NetworkInterface.usable()
            interfaces = settings.interfaceAddress.map { a in all.filter { $0.address == a } } ?? all
            if interfaces.isEmpty { throw .noUsableInterface(seen: all.map(\.name)) }
            try socket.setReuseAddress()
            try socket.bind(IPv4Address(0), port: settings.port)
            socket.receiveOnlyJoinedGroups()
            for iface in interfaces { try? socket.join(group: WSDiscoveryURI.multicastGroup, on: iface) }
            try socket.setMulticastLoop(true)
        } else {
            let address = settings.interfaceAddress ?? IPv4Address(0x7F00_0001)
            try socket.bind(address, port: settings.port)
            interfaces = NetworkInterface.all().filter { $0.address == address }
        }
        socket.setReceiveBuffer(1 << 20)
        let running = Running(wake: try CancelSignal.forPoll(), finished: DispatchSemaphore(value: 0), port: socket.localPort)
        var loop = RespondLoop(socket: socket, interfaces: interfaces, adverts: adverts, settings: settings, stats: stats)
        let claimed: Bool = state.withLock {
            if $0 != nil { return false }
            $0 = running
            return true
        }
        guard claimed else { return } // started meanwhile by another thread
        if settings.helloAndBye { loop.announce(bye: false) }
        let prepared = loop
        let thread = Thread {
            var l = prepared
            l.run(wake: running.wake)
            running.finished.signal()
        }
        thread.name = "vtrack-sim.discovery"
        thread.start()
    }

    /// Sends Bye if asked, stops answering and waits for the thread to end. Safe to call twice.
    public func stop() {
        guard let running = state.withLock({ r -> Running? in defer { r = nil }; return r }) else { return }
        running.wake.cancel()
        running.finished.wait()
    }

    deinit { stop() }
}

/// The answering thread's state.
private struct RespondLoop: Sendable {
    let socket: UDPSocket
    let interfaces: [NetworkInterface]
    let adverts: [DiscoveryAdvert]
    let settings: DiscoveryResponder.Settings
    let stats: Counters
    var sequence = 1
    var random: UInt64

    init(socket: UDPSocket, interfaces: [NetworkInterface], adverts: [DiscoveryAdvert],
         settings: DiscoveryResponder.Settings, stats: Counters) {
        self.socket = socket; self.interfaces = interfaces; self.adverts = adverts; self.settings = settings
        self.stats = stats
        self.random = settings.seed | 1
    }

    mutating func run(wake: CancelSignal) {
        while true {
            let ready = UDPSocket.waitReadable([socket.fd, wake.fd], timeoutMs: -1)
            if ready[1] {
                if settings.helloAndBye { announce(bye: true) }
                return
            }
            guard ready[0] else { continue }
            while let d = socket.receive() { handle(d) }
        }
    }

    /// Hello (or Bye) for every device, multicast on every served interface.
    mutating func announce(bye: Bool) {
        guard settings.multicast else { return }
        for iface in interfaces {
            try? socket.setMulticastInterface(iface)
            for advert in adverts {
                let xml = bye ? DiscoveryReplies.bye(advert, sequence: sequence)
                    : DiscoveryReplies.hello(advert, xaddrs: xaddrs(of: advert, on: iface), sequence: sequence)
                sequence += 1
                socket.send(Array(xml.utf8), to: WSDiscoveryURI.multicastGroup, port: WSDiscoveryURI.port)
            }
        }
    }

    /// The advert's XAddrs with a `0.0.0.0` host replaced by the interface's address.
    func xaddrs(of advert: DiscoveryAdvert, on iface: NetworkInterface?) -> [String] {
        guard let iface else { return advert.xaddrs }
        return advert.xaddrs.map { x in
            guard var p = XAddrPreference.Parts.parse(x), p.host == "0.0.0.0" else { return x }
            p.host = iface.address.description
            return p.url
        }
    }

    mutating func rollLoss() -> Bool {
        guard settings.lossRate > 0 else { return false }
        random ^= random << 13
        random ^= random >> 7
        random ^= random << 17
        return Double(random % 10_000) / 10_000 < settings.lossRate
    }

    mutating func handle(_ d: UDPSocket.Datagram) {
        // when serving some interfaces only, ignore what arrives on the others
        let iface = interfaces.first { $0.index == d.interfaceIndex } ?? (settings.multicast ? nil : interfaces.first)
        if settings.multicast, iface == nil { return }
        let message = DiscoveryMessage.parse(d.bytes)
        guard message.kind == .probe, let probeID = message.messageID else { return }
        let form = ProbeForm.of(probeTypes: message.probeTypes)
        stats.update { $0.probesReceived += 1 }
        for advert in adverts where advert.answers(form) {
            let xml = DiscoveryReplies.probeMatches(advert, xaddrs: xaddrs(of: advert, on: iface), relatesTo: probeID, sequence: sequence)
            sequence += 1
            let bytes = Array(xml.utf8)
            for _ in 0..<(advert.answerTwice ? 2 : 1) {
                if rollLoss() {
                    stats.update { $0.answersDropped += 1 }
                    continue
                }
                socket.send(bytes, to: d.source, port: d.sourcePort)
                stats.update { $0.answersSent += 1 }
            }
        }
    }
}

/// The responder's counters, shared between its thread and readers.
private final class Counters: Sendable {
    private let statistics = Mutex(DiscoveryResponder.Statistics())
    var value: DiscoveryResponder.Statistics { statistics.withLock { $0 } }
    func update(_ body: (inout DiscoveryResponder.Statistics) -> Void) { statistics.withLock { body(&$0) } }
}
