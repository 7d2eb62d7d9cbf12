import Dispatch
import Glibc

/// WS-Discovery of ONVIF devices.
public enum WSDiscovery {
    /// Probes and collects answers for `options.timeout` seconds; blocks the calling thread
    /// (run it on a background queue). Devices are also streamed to `events` as they answer.
    ///
    /// Multicast probes leave through every usable interface, each by its own socket
    /// (IP_MULTICAST_IF), in three forms, each sent `repeats` times; unicast probes go to
    /// `options.hosts`. A malformed answer is counted and noted, never fatal.
    ///
    /// - Throws: `DiscoveryError` when nothing can be probed at all (no usable interface and no
    ///   host; an unknown or unusable `--interface`; a host that does not resolve).
    public static func sweep(_ options: DiscoveryOptions = DiscoveryOptions(),
                             events: DiscoveryEventSink? = nil) throws(DiscoveryError) -> DiscoveryResult {
        let start = Monotonic.now()
        var sweep = try Sweep(options: options, events: events)
        // The window counts from the first probe: setting up the sockets can take a while on a
        // loaded machine, and must neither shorten the listening nor skip the repeated rounds.
        var result = sweep.run(listeningFor: max(0.05, options.timeout))
        result.duration = Monotonic.now() - start
        result.lastNewDeviceAfter = sweep.lastNewDeviceAt.map { $0 - start }
        events?.send(.sweepFinished(result))
        return result
    }

    /// Splits `host[:port]`.
    static func hostAndPort(_ text: String, defaultPort: UInt16) -> (String, UInt16) {
        if let colon = text.lastIndex(of: ":"), let p = UInt16(text[text.index(after: colon)...]), !text.hasSuffix("]") {
            return (String(text[..<colon]), p)
        }
        return (text, defaultPort)
    }
}

/// The state of one running sweep.
private struct Sweep {
    struct Channel {
        let socket: UDPSocket
        let iface: NetworkInterface?
        let label: String
        let target: IPv4Address
        let port: UInt16
    }

    let options: DiscoveryOptions
    let events: DiscoveryEventSink?
    var channels: [Channel] = []
    var formOfMessage: [String: ProbeForm] = [:]
    var table = DeviceTable()
    var malformed = 0
    var ignored = 0
    var notes: [DiscoveryNote] = []
    var interfaces: [NetworkInterface] = []
    var lastNewDeviceAt: Double?

    init(options: DiscoveryOptions, events: DiscoveryEventSink?) throws(DiscoveryError) {
        self.options = options
        self.events = events
        var firstError: DiscoveryError?

        if options.multicast {
            do {
                interfaces = try NetworkInterface.usable(named: options.interfaces)
            } catch {
                // with hosts to probe, a machine without multicast interfaces can still sweep
                guard case .noUsableInterface = error, !options.hosts.isEmpty else { throw error }
            }
            for iface in interfaces {
                do {
                    let s = try UDPSocket()
                    try s.bind(iface.address, port: 0)
                    try s.setMulticastInterface(iface)
                    try s.setMulticastLoop(true)
                    try s.setMulticastTTL(options.ttl)
                    s.setReceiveBuffer(4 << 20)
                    channels.append(Channel(socket: s, iface: iface, label: iface.name,
                                            target: WSDiscoveryURI.multicastGroup, port: WSDiscoveryURI.port))
                } catch {
                    firstError = firstError ?? error
                    notes.append(DiscoveryNote(kind: .sendFailed, origin: iface.name, interface: iface.name, detail: error.description))
                }
            }
        }
        let all = NetworkInterface.all()
        for host in options.hosts {
            let (name, port) = WSDiscovery.hostAndPort(host, defaultPort: options.unicastPort)
            guard let address = UDPSocket.resolveIPv4(name) else { throw .hostNotResolved(host: name) }
            let s = try UDPSocket()
            try s.bind(IPv4Address(0), port: 0)
            s.setReceiveBuffer(4 << 20)
            let local = UDPSocket.localAddress(toward: address, port: port)
            let iface = local.flatMap { l in all.first { $0.address == l } }
            channels.append(Channel(socket: s, iface: iface, label: "unicast", target: address, port: port))
        }
        if channels.isEmpty { throw firstError ?? .noUsableInterface(seen: all.map(\.name)) }
    }

    /// Sends the rounds of probes (the first at once, then every `repeatGap`) and collects
    /// answers until `window` seconds after the first round.
    mutating func run(listeningFor window: Double) -> DiscoveryResult {
        var round = 0
        let start = Monotonic.now()
        let deadline = start + window
        while true {
            let now = Monotonic.now()
            if round < options.repeats, now >= start + Double(round) * options.repeatGap {
                sendRound()
                round += 1
                continue
            }
            if now >= deadline { break }
            var wake = deadline
            if round < options.repeats { wake = min(wake, start + Double(round) * options.repeatGap) }
            let ms = Int32(max(0, min(1000, (wake - now) * 1000)).rounded(.up))
            let ready = UDPSocket.waitReadable(channels.map(\.socket.fd), timeoutMs: ms)
            for (i, r) in ready.enumerated() where r { drain(channels[i]) }
        }
        // a last drain for answers that arrived with the deadline
        for c in channels { drain(c) }
        return DiscoveryResult(devices: table.devices, malformedCount: malformed, notes: notes, ignoredCount: ignored, interfaces: interfaces)
    }

    mutating func sendRound() {
        for form in options.forms {
            let probe = ProbeMessage(form: form)
            formOfMessage[probe.messageID] = form
            let bytes = probe.bytes
            for c in channels {
                if let err = c.socket.send(bytes, to: c.target, port: c.port) {
                    let note = DiscoveryNote(kind: .sendFailed, origin: c.label == "unicast" ? "\(c.target):\(c.port)" : c.label,
                                             interface: c.label, detail: err)
                    if !notes.contains(note) { notes.append(note) }
                }
            }
        }
    }

    mutating func drain(_ c: Channel) {
        while let d = c.socket.receive() {
            handle(d, on: c)
        }
    }

    mutating func handle(_ d: UDPSocket.Datagram, on c: Channel) {
        var message = DiscoveryMessage.parse(d.bytes)
        if message.kind == .probe { return } // somebody else's probe: not for us
        var form: ProbeForm?
        if message.kind == .probeMatches {
            form = message.relatesTo.flatMap { formOfMessage[$0] }
            if form == nil { message.problems.append(.unexpectedRelatesTo(message.relatesTo)) }
        }
        let origin = "\(d.source):\(d.sourcePort)"
        if !message.problems.isEmpty {
            malformed += 1
            let note = DiscoveryNote(kind: .malformedAnswer, origin: origin, interface: c.label,
                                     problems: message.problems, excerpt: DiscoveryNote.excerpt(of: d.bytes))
            notes.append(note)
            events?.send(.malformed(note))
        }
        guard message.kind == .probeMatches || message.kind == .hello else { return }
        for entry in message.entries {
            guard entry.looksLikeONVIF(answering: form) else { ignored += 1; continue }
            let before = DeviceTable.key(of: entry).flatMap { table[$0] }
            guard let (device, isNew) = table.merge(entry, from: d.source, on: c.iface, interfaceLabel: c.label, form: form) else { continue }
            if isNew {
                lastNewDeviceAt = Monotonic.now()
                events?.send(.found(device))
            } else if device != before {
                events?.send(.updated(device))
            }
        }
    }
}

/// Seconds on the monotonic clock.
enum Monotonic {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
