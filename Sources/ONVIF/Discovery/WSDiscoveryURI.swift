/// Namespace and action URIs of WS-Discovery (2005/04, the version ONVIF uses).
public enum WSDiscoveryURI {
    public static let soapEnvelope = "http://www.w3.org/2003/05/soap-envelope"
    public static let addressing = "http://schemas.xmlsoap.org/ws/2004/08/addressing"
    public static let discovery = "http://schemas.xmlsoap.org/ws/2005/04/discovery"
    public static let onvifNetwork = "http://www.onvif.org/ver10/network/wsdl"
    public static let onvifDevice = "http://www.onvif.org/ver10/device/wsdl"
    /// The `To` of multicast messages.
    public static let discoveryTo = "urn:schemas-xmlsoap-org:ws:2005:04:discovery"
    /// The anonymous reply address.
    public static let anonymous = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"
    public static let probeAction = discovery + "/Probe"
    public static let probeMatchesAction = discovery + "/ProbeMatches"
    public static let helloAction = discovery + "/Hello"
    public static let byeAction = discovery + "/Bye"
    /// The IPv4 multicast group and port.
    public static let multicastGroup = IPv4Address(0xEFFF_FFFA) // 239.255.255.250
    public static let port: UInt16 = 3702
}
