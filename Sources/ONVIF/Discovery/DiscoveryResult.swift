/// What one sweep found.
public struct DiscoveryResult: Sendable {
    /// Every device, merged by endpoint reference, in the order first heard.
    public var devices: [DiscoveredDevice]
    /// Datagrams that had something wrong with them (each counted once; usable parts were kept).
    public var malformedCount: Int
    /// What went wrong along the way, for verbose output: malformed answers and per-interface send errors.
    public var notes: [DiscoveryNote]
    /// Answers from WS-Discovery devices that are not ONVIF (PCs, printers), left out.
    public var ignoredCount: Int
    /// The interfaces probed by multicast.
    public var interfaces: [NetworkInterface]
    /// How long the sweep took, in seconds.
    public var duration: Double
    /// Seconds from the start of the sweep to the first answer of the last device found
    /// (nil when nothing was found): how much of the window was actually needed.
    public var lastNewDeviceAfter: Double?

    public init(devices: [DiscoveredDevice] = [], malformedCount: Int = 0, notes: [DiscoveryNote] = [],
                ignoredCount: Int = 0, interfaces: [NetworkInterface] = [], duration: Double = 0) {
        self.devices = devices; self.malformedCount = malformedCount; self.notes = notes; self.ignoredCount = ignoredCount
        self.interfaces = interfaces; self.duration = duration
    }
}
