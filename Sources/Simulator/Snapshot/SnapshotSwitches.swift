/// The login the simulator's snapshot URIs (`/onvif/snapshot/<source token>.jpg`) ask for
/// (`vtrack-sim --snapshot-auth`).
///
/// A snapshot is a plain HTTP GET: it has no SOAP header to carry a WS-Security token. Devices
/// whose ONVIF login is WS-Security protect their snapshot URI with their web server's HTTP
/// Digest login (same account) — so does the simulator by default.
public enum SnapshotAuth: String, Sendable, CaseIterable {
    /// As the device's login (`SimulatorConfig.auth`): Digest for `wsse`, `digest` and `both`,
    /// Basic for `basic`, none for `none`.
    case device
    /// No login: anyone on the network gets the picture (many cheap cameras).
    case none
    /// HTTP Basic.
    case basic
    /// HTTP Digest (`SimulatorConfig.digestAlgorithm`, qop=auth; nonces shared with the SOAP services).
    case digest

    /// The scheme actually asked for with the device login `auth`: never `.device`.
    public func effective(deviceAuth auth: SimulatorConfig.AuthMode) -> SnapshotAuth {
        guard self == .device else { return self }
        switch auth {
        case .none: return .none
        case .basic: return .basic
        case .wsse, .digest, .both: return .digest
        }
    }
}

/// Faults of the snapshot path, one at a time (`vtrack-sim --snapshot-fault`).
public enum SnapshotFault: String, Sendable, CaseIterable {
    /// Every snapshot answers 404 Not Found (whatever the login).
    case notFound = "404"
    /// Every snapshot answers 200 with `Content-Type: text/html` and a login page (devices that
    /// want their web UI's cookie login), whatever the login.
    case htmlPage = "html"
    /// The request is read and never answered: the connection stays open, silent, until the
    /// client gives up (or the simulator stops). Other requests are served meanwhile.
    case stall
    /// After the login, 200 `image/jpeg` with a 12 MB body, streamed: the real picture with
    /// about 12 MB of JPEG comment segments before it (a client must stop at its size cap).
    case oversized = "oversize"
    /// GetSnapshotUri names the host `192.0.2.1` (TEST-NET-1: nothing answers there) with the
    /// device's real (or advertised) port, like a device that reports its internal address: a
    /// client must put back the host it was given. The snapshot itself is served normally.
    case wrongHost = "wrong-host"
}

/// The size of the snapshots (`vtrack-sim --snapshot-size`).
public enum SnapshotSize: String, Sendable, CaseIterable {
    /// The channel's sub resolution (640x360): what an NVR's channel snapshot usually is, and
    /// cheap to encode (default).
    case sub
    /// The channel's main resolution (1920x1080), as a camera's own snapshot is.
    case main

    /// Width and height for a channel.
    func dimensions(_ channel: NVRModel.Channel) -> (width: Int, height: Int) {
        let p = self == .main ? channel.main : channel.sub
        return (p.width, p.height)
    }
}
