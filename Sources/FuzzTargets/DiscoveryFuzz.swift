import Foundation
import ONVIF

/// WS-Discovery datagrams (Probe, ProbeMatches, Hello, Bye, ResolveMatches) and what is read
/// from their entries: scopes, XAddrs and the XAddr choice.
public enum DiscoveryFuzz {
    public static func run(_ data: Data) {
        let message = DiscoveryMessage.parse([UInt8](data))
        for entry in message.entries {
            _ = XAddrPreference.choose(entry.xaddrs, receivedOn: nil, from: IPv4Address("192.0.2.7"))
            for x in entry.xaddrs {
                _ = XAddrPreference.Parts.parse(x)?.url
                _ = XAddrPreference.rank(x, receivedOn: nil)
            }
        }
        let text = data.text
        _ = DiscoveryScopes.parse(text)
        _ = DiscoveryScopes.percentDecode(text)
    }
}
