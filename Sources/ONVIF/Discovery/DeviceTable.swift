/// Merges answers into devices keyed by endpoint reference (quirk D5: the same device answers
/// every probe form, every repeat and on every interface; devices may share serials and IPs).
public struct DeviceTable: Sendable {
    private struct Slot: Sendable {
        var device: DiscoveredDevice
        var bestRank: Int
        var onSubnet: Bool
    }

    private var order: [String] = []
    private var slots: [String: Slot] = [:]

    public init() {}

    /// The devices, in the order first seen.
    public var devices: [DiscoveredDevice] { order.compactMap { slots[$0]?.device } }

    public var count: Int { order.count }

    public subscript(endpointReference: String) -> DiscoveredDevice? { slots[endpointReference]?.device }

    /// The identity of an entry: its endpoint reference; without one, its first XAddr
    /// (a last resort, marked `xaddr:`); nil when it has neither.
    public static func key(of entry: DiscoveryEntry) -> String? {
        if let epr = entry.endpointReference { return epr }
        if let x = entry.xaddrs.first { return "xaddr:" + x }
        return nil
    }

    /// Merges one ProbeMatch or Hello entry that came from `source` on `iface`.
    /// - Parameters:
    ///   - interfaceLabel: the interface name to record (`iface?.name`, or `unicast`).
    ///   - form: the probe form it answered (nil for Hello).
    /// - Returns: the merged device and whether it is new (nil when the entry has no identity).
    @discardableResult
    public mutating func merge(_ entry: DiscoveryEntry, from source: IPv4Address?, on iface: NetworkInterface?,
                               interfaceLabel: String? = nil, form: ProbeForm? = nil) -> (device: DiscoveredDevice, isNew: Bool)? {
        guard let key = Self.key(of: entry) else { return nil }
        let choice = XAddrPreference.choose(entry.xaddrs, receivedOn: iface, from: source)
        let onSubnet = source.map { src in iface.map { $0.contains(src) } ?? true } ?? true
        let label = interfaceLabel ?? iface?.name

        guard var slot = slots[key] else {
            var d = DiscoveredDevice(endpointReference: key)
            apply(entry, to: &d, replacing: true)
            d.xaddr = choice.preferred
            d.xaddrs = Self.preferredFirst(choice.all, choice.preferred)
            if let s = source { d.addresses = [s] }
            if let l = label { d.interfaces = [l] }
            d.differentSubnet = !onSubnet
            if let f = form { d.answeredForms = [f] }
            slots[key] = Slot(device: d, bestRank: choice.rank, onSubnet: onSubnet)
            order.append(key)
            return (d, true)
        }

        var d = slot.device
        let newer = (entry.metadataVersion ?? Int.min) > (d.metadataVersion ?? Int.min)
        apply(entry, to: &d, replacing: newer)
        // prefer an answer that arrived on the device's own subnet, then the better XAddr rank
        if let p = choice.preferred, (onSubnet && !slot.onSubnet) || (onSubnet == slot.onSubnet && choice.rank < slot.bestRank) || d.xaddr == nil {
            d.xaddr = p
            slot.bestRank = choice.rank
        }
        var xs = d.xaddrs
        for x in choice.all where !xs.contains(x) { xs.append(x) }
        d.xaddrs = Self.preferredFirst(xs, d.xaddr)
        if let s = source, !d.addresses.contains(s) { d.addresses.append(s) }
        if let l = label, !d.interfaces.contains(l) { d.interfaces.append(l) }
        if let f = form, !d.answeredForms.contains(f) {
            d.answeredForms.append(f)
            d.answeredForms.sort { ProbeForm.allCases.firstIndex(of: $0)! < ProbeForm.allCases.firstIndex(of: $1)! }
        }
        slot.onSubnet = slot.onSubnet || onSubnet
        d.differentSubnet = !slot.onSubnet
        slot.device = d
        slots[key] = slot
        return (d, false)
    }

    /// Removes a device (after a Bye); returns it if it was known.
    @discardableResult
    public mutating func remove(_ endpointReference: String) -> DiscoveredDevice? {
        guard let slot = slots.removeValue(forKey: endpointReference) else { return nil }
        order.removeAll { $0 == endpointReference }
        return slot.device
    }

    /// Copies what an entry says onto a device: `replacing` (a newer metadata version) overwrites
    /// names and scopes; otherwise only missing values are filled and lists are united.
    private func apply(_ e: DiscoveryEntry, to d: inout DiscoveredDevice, replacing: Bool) {
        if replacing {
            if !e.types.isEmpty { d.types = e.types }
            if !e.scopes.all.isEmpty {
                d.scopes = e.scopes.all
                d.name = e.scopes.name
                d.hardware = e.scopes.hardware
                d.location = e.scopes.location
                d.profiles = e.scopes.profiles
            }
            if e.metadataVersion != nil { d.metadataVersion = e.metadataVersion }
        } else {
            for t in e.types where !d.types.contains(t) { d.types.append(t) }
            for s in e.scopes.all where !d.scopes.contains(s) { d.scopes.append(s) }
            d.name = d.name ?? e.scopes.name
            d.hardware = d.hardware ?? e.scopes.hardware
            d.location = d.location ?? e.scopes.location
            d.profiles = Array(Set(d.profiles + e.scopes.profiles)).sorted()
            d.metadataVersion = d.metadataVersion ?? e.metadataVersion
        }
    }

    private static func preferredFirst(_ list: [String], _ preferred: String?) -> [String] {
        guard let p = preferred, let i = list.firstIndex(of: p), i != 0 else { return list }
        var l = list
        l.remove(at: i)
        l.insert(p, at: 0)
        return l
    }
}
