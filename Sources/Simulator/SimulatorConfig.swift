import Foundation

/// Everything `vtrack-sim` can be told. One struct so tests, the demo and the CLI build the
/// same simulator. Grouped by subsystem: ONVIF SOAP (HTTP), snapshots, RTSP, Profile G, WS-Discovery.
public struct SimulatorConfig: Sendable {
    // MARK: Device and network
    public var host: String = "127.0.0.1"
    /// HTTP (ONVIF SOAP) port; 0 picks a free port.
    public var port: Int = 0
    /// RTSP port; 0 picks a free port.
    public var rtspPort: Int = 0
    public var channels: Int = 4
    public var manufacturer: String = "VTrack"
    public var model: String = "SIM-NVR"
    public var serialNumber: String = "SIM0001"
    public var deviceName: String = "VTrack Simulated NVR"
    /// Channel number → the name its video source and profiles carry, instead of `Camera 01`
    /// (names as installers type them: Vietnamese, CJK, emoji, stray control characters).
    public var channelNames: [Int: String] = [:]

    // MARK: Authentication
    public var user: String = "admin"
    public var password: String = "admin123"
    public var auth: AuthMode = .wsse
    /// Device clock minus real time, seconds.
    public var clockSkew: TimeInterval = 0
    /// Lock the account after this many failed logins (nil = never).
    public var lockAfterFailures: Int?
    /// The algorithm HTTP and RTSP Digest challenges name (RTSP shapes without an `algorithm`
    /// parameter stay MD5).
    public var digestAlgorithm: SimDigestAlgorithm = .md5

    public enum AuthMode: String, Sendable, CaseIterable {
        case wsse, digest, basic, both, none
    }

    // MARK: Addressing
    /// `HOST:PORT` advertised in XAddrs and URIs instead of the real one (NAT).
    public var advertise: String?

    // MARK: Services
    public var media1Only = false
    public var media2Only = false
    public var noGetServices = false
    public var profileG = true

    // MARK: SOAP fault switches
    public var faults = SOAPFaults()

    public struct SOAPFaults: Sendable {
        /// Answer auth failures with HTTP 200 and an empty body (Hikvision dome, Pelco).
        public var emptyOn401 = false
        /// Answer auth failures with an HTML 401 page (Hikvision NVR).
        public var html401 = false
        /// Answer SOAP 1.2 requests with an empty 200; only SOAP 1.1 works.
        public var soap11Only = false
        /// Refuse SOAP 1.2 requests that carry `action=` in the Content-Type, with the fault
        /// "The [action] cannot be processed at the receiver" (Illustra Flex2/Pro4, A9).
        public var rejectActionParameter = false
        /// Refuse SOAP 1.2 requests without `action=` in the Content-Type (Pelco, A9).
        public var requireActionParameter = false
        /// The clock answers local wall time labelled as UTC (OpenIPC Majestic, A3): this many hours
        /// east of UTC, with a matching POSIX TZ; logins are still checked against the real UTC time.
        public var localTimeLabelledUTC: Int?
        /// With `localTimeLabelledUTC`, report the time zone as UTC: nothing in the answer hints at
        /// the mislabel, so a client can only report the clock as far off.
        public var localTimeZoneHidden = false
        /// Return malformed XML bodies.
        public var malformedXML = false
        /// Use undeclared namespace prefixes (`ter:`, `MC1:`) in answers.
        public var undeclaredPrefixes = false
        /// Delay every answer by this many seconds.
        public var stallSeconds: Double = 0
        /// GetSystemDateAndTime requires authentication.
        public var authenticatedDateTime = false
        /// Channel 1's sub profile has no video encoder configuration (multi-sensor cameras, B3).
        public var profileWithoutEncoder = false
        /// GetStreamUri answers "Unknown Error" for this channel's profiles (B6).
        public var streamURIFaultChannel: Int?
        /// WS-Security `Created` is accepted only in the `…Z` form, as some Hikvision firmware
        /// does (A4): `+00:00` and other offsets are refused as a bad time. By default every
        /// valid xsd:dateTime is accepted (Z, ±hh:mm, fractional seconds).
        public var wsseCreatedZuluOnly = false
        public init() {}
    }

    // MARK: Snapshots (Snapshot/)
    /// The login `/onvif/snapshot/<source token>.jpg` asks for; by default the device's.
    public var snapshotAuth: SnapshotAuth = .device
    /// A fault of the snapshot URIs or their answers (nil: pictures are served).
    public var snapshotFault: SnapshotFault?
    /// Channels whose GetSnapshotUri answers a SOAP fault (no URI), so a client must take a key
    /// frame of the stream instead; with `.all`, GetServiceCapabilities also says `SnapshotUri="false"`.
    public var noSnapshotURI: SimChannelSet = []
    /// The size of the pictures served: the sub resolution (default) or the main one.
    public var snapshotSize: SnapshotSize = .sub

    // MARK: RTSP
    /// RTSP server behaviour: session timeout, replay limit, auth variant, fault switches.
    public var rtsp = RTSPSettings()

    // MARK: Profile G
    /// Days of recordings per channel, ending now.
    public var days: Int = 7
    /// Seed for the recordings' gaps.
    public var seed: UInt64 = 42
    /// How far the recordings reach: up to now (nil, the default), or behind now and growing
    /// faster than real time (`vtrack-sim --time-scale`); see `ProfileG/RecordingClock.swift`.
    /// Share one clock between simulators started one after the other (an NVR outage).
    public var recordingClock: RecordingClock?
    /// Switches of the Profile G services (recordings, search, replay); see `ProfileG/ProfileGSwitches.swift`.
    public var recordings = ProfileGSwitches()
    /// Behave like this vendor's NVR: its manufacturer name and its own playback URLs on the RTSP server.
    public var vendor: SimVendor? = nil {
        didSet { if let v = vendor { manufacturer = v.manufacturer } }
    }

    // MARK: PTZ (PTZ/)
    /// Channels with pan, tilt and zoom (empty: no PTZ service at all). Their main profile carries
    /// a PTZ configuration, and their snapshot is a window onto a larger scene that follows the
    /// position.
    public var ptzChannels: Set<Int> = []
    /// Odd PTZ devices: no service, no zoom, undeclared prefixes, Timeout ignored, no GetStatus.
    public var ptz = SimPTZSwitches()
    /// The time the PTZ motors go by (a test's `SimManualClock`, or real time).
    public var ptzClock: SimClock = .system

    // MARK: WS-Discovery
    public var discovery = false
    /// How the WS-Discovery responder behaves (probe-form strictness, duplicates, three XAddrs, Hello/Bye…).
    public var discoverySwitches = DiscoverySwitches()

    public init() {}
}
