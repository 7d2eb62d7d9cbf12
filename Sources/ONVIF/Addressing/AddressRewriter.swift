/// Rewrites the addresses a device advertises (service XAddrs, stream and snapshot URIs) so
/// they point at the address the user typed.
///
/// Devices behind NAT or port forwarding advertise their LAN address; some advertise
/// `127.0.0.1` or an empty host (field quirks C1, C3). Only the address the user typed is known
/// to work, so:
/// - HTTP(S) service addresses take the user's scheme, host and port (the path is kept);
/// - RTSP and other URIs take the user's host and keep their own port (the RTSP port is usually
///   forwarded as is);
/// - user names and passwords inside URIs are always removed (B6, B7).
public struct AddressRewriter: Sendable {
    public let device: DeviceAddress
    /// When false, only empty hosts are replaced and credentials removed.
    public let enabled: Bool

    public init(device: DeviceAddress, enabled: Bool = true) {
        self.device = device
        self.enabled = enabled
    }

    /// Rewrites one SOAP service address (XAddr). Several space-separated URLs: the first HTTP one wins.
    public func serviceAddress(_ advertised: String) -> String {
        let candidates = advertised.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).map(String.init)
        let chosen = candidates.first(where: { $0.lowercased().hasPrefix(device.scheme + "://") }) ?? candidates.first ?? advertised
        guard var u = URLParts(chosen), u.scheme == "http" || u.scheme == "https" else {
            // a relative path, or garbage: resolve against the device address
            let path = chosen.hasPrefix("/") ? chosen : DeviceAddress.defaultPath
            return "\(device.scheme)://\(device.authority)\(path)"
        }
        u.userinfo = nil
        if enabled ? (u.host != device.host || u.effectivePort != device.port || u.scheme != device.scheme) : u.host.isEmpty {
            u.scheme = device.scheme
            u.host = device.host
            u.port = device.port
        }
        if u.rest.isEmpty { u.rest = "/" }
        return u.string
    }

    /// Rewrites a stream or snapshot URI: the user's host, the URI's own port, no credentials.
    public func mediaURI(_ advertised: String) -> String {
        guard var u = URLParts(advertised) else { return advertised.trimmedXMLSpace }
        u.userinfo = nil
        if u.scheme == "http" || u.scheme == "https" {
            // snapshot URIs live on the device's web server, like its SOAP services
            if enabled ? (u.host != device.host || u.effectivePort != device.port) : u.host.isEmpty {
                u.scheme = device.scheme
                u.host = device.host
                u.port = device.isDefaultPort ? nil : device.port
            }
        } else if enabled ? u.host != device.host : u.host.isEmpty {
            u.host = device.host
        }
        return u.string
    }
}
