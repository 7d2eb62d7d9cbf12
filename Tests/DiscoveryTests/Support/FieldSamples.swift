/// ProbeMatches shaped like those of real devices (written for these tests after the shapes
/// described in field-quirks.md C2/C3/C4/D4/D5; not copied from any device or thread).
enum FieldSamples {
    /// Axis-like: pretty-printed, `wsd:` prefix, three XAddrs (link-local IPv4 first, then the
    /// real one, then IPv6 link-local), Profile/Streaming, location with a country.
    static func axis(relatesTo: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope" xmlns:SOAP-ENC="http://www.w3.org/2003/05/soap-encoding" xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:wsd="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl" xmlns:tds="http://www.onvif.org/ver10/device/wsdl">
          <SOAP-ENV:Header>
            <wsa:MessageID>urn:uuid:7c1e2f10-51aa-11b2-8000-00408c000001</wsa:MessageID>
            <wsa:RelatesTo>\(relatesTo)</wsa:RelatesTo>
            <wsa:To SOAP-ENV:mustUnderstand="true">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To>
            <wsa:Action SOAP-ENV:mustUnderstand="true">http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsa:Action>
            <wsd:AppSequence SOAP-ENV:mustUnderstand="true" MessageNumber="12" InstanceId="1700000000"></wsd:AppSequence>
          </SOAP-ENV:Header>
          <SOAP-ENV:Body>
            <wsd:ProbeMatches>
              <wsd:ProbeMatch>
                <wsa:EndpointReference>
                  <wsa:Address>urn:uuid:7c1e2f10-51aa-11b2-8000-00408c000001</wsa:Address>
                </wsa:EndpointReference>
                <wsd:Types>dn:NetworkVideoTransmitter tds:Device</wsd:Types>
                <wsd:Scopes>onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/Profile/Streaming onvif://www.onvif.org/Profile/G onvif://www.onvif.org/Profile/T onvif://www.onvif.org/hardware/M1065-L onvif://www.onvif.org/name/AXIS%20M1065-L onvif://www.onvif.org/location/country/sweden</wsd:Scopes>
                <wsd:XAddrs>http://169.254.10.20/onvif/device_service http://192.168.1.50/onvif/device_service http://[fe80::240:8cff:fe00:1]/onvif/device_service</wsd:XAddrs>
                <wsd:MetadataVersion>1</wsd:MetadataVersion>
              </wsd:ProbeMatch>
            </wsd:ProbeMatches>
          </SOAP-ENV:Body>
        </SOAP-ENV:Envelope>
        """
    }

    /// Hikvision-like: `env:`/`wsadis:`/`d:` prefixes, the device reuses the probe's MessageID
    /// (quirk D5), MAC scope, an IPv6 link-local second XAddr.
    static func hikvision(relatesTo: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:soapenc=\"http://www.w3.org/2003/05/soap-encoding\" xmlns:wsadis=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\" xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\">"
            + "<env:Header><wsadis:MessageID>\(relatesTo)</wsadis:MessageID><wsadis:RelatesTo>\(relatesTo)</wsadis:RelatesTo>"
            + "<wsadis:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsadis:To>"
            + "<wsadis:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsadis:Action></env:Header>"
            + "<env:Body><d:ProbeMatches><d:ProbeMatch><wsadis:EndpointReference><wsadis:Address>urn:uuid:11223344-5566-7788-99aa-4419b6000064</wsadis:Address></wsadis:EndpointReference>"
            + "<d:Types>dn:NetworkVideoTransmitter tds:Device</d:Types>"
            + "<d:Scopes>onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/Profile/Streaming onvif://www.onvif.org/MAC/44:19:b6:00:00:64 onvif://www.onvif.org/hardware/DS-2CD2143G0-I onvif://www.onvif.org/name/HIKVISION%20DS-2CD2143G0-I onvif://www.onvif.org/location/city/hangzhou</d:Scopes>"
            + "<d:XAddrs>http://192.168.1.64/onvif/device_service http://[fe80::4619:b6ff:fe00:64]/onvif/device_service</d:XAddrs>"
            + "<d:MetadataVersion>10</d:MetadataVersion></d:ProbeMatch></d:ProbeMatches></env:Body></env:Envelope>"
    }

    /// Reolink-like: `wsdd:`/`tdn:` prefixes, one XAddr on port 8000 (quirk C4), a `uuid:` address
    /// with a MAC tail, only the NetworkVideoTransmitter type, no Profile scope.
    static func reolink(relatesTo: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:wsdd=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\" xmlns:tdn=\"http://www.onvif.org/ver10/network/wsdl\">"
            + "<SOAP-ENV:Header><wsa:MessageID>uuid:2419d68a-2dd2-21b2-a205-ec71db000181</wsa:MessageID><wsa:RelatesTo>\(relatesTo)</wsa:RelatesTo>"
            + "<wsa:To SOAP-ENV:mustUnderstand=\"true\">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To>"
            + "<wsa:Action SOAP-ENV:mustUnderstand=\"true\">http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsa:Action></SOAP-ENV:Header>"
            + "<SOAP-ENV:Body><wsdd:ProbeMatches><wsdd:ProbeMatch><wsa:EndpointReference><wsa:Address>uuid:2419d68a-2dd2-21b2-a205-ec:71:db:00:01:81</wsa:Address></wsa:EndpointReference>"
            + "<wsdd:Types>tdn:NetworkVideoTransmitter</wsdd:Types>"
            + "<wsdd:Scopes>onvif://www.onvif.org/type/NetworkVideoTransmitter onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/type/audio_encoder onvif://www.onvif.org/hardware/RLC-410W onvif://www.onvif.org/name/IPC onvif://www.onvif.org/location/country/china</wsdd:Scopes>"
            + "<wsdd:XAddrs>http://192.168.1.181:8000/onvif/device_service</wsdd:XAddrs><wsdd:MetadataVersion>1</wsdd:MetadataVersion>"
            + "</wsdd:ProbeMatch></wsdd:ProbeMatches></SOAP-ENV:Body></SOAP-ENV:Envelope>"
    }

    /// A no-name camera: raw spaces inside the name and hardware scopes, and an XAddr with a
    /// loopback host (quirk C3, hack firmware).
    static func noName(relatesTo: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\">"
            + "<SOAP-ENV:Header><wsa:MessageID>uuid:0000aaaa-0000-0000-0000-000000000001</wsa:MessageID><wsa:RelatesTo>\(relatesTo)</wsa:RelatesTo>"
            + "<wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsa:Action></SOAP-ENV:Header>"
            + "<SOAP-ENV:Body><d:ProbeMatches><d:ProbeMatch><wsa:EndpointReference><wsa:Address>urn:uuid:0000aaaa-0000-0000-0000-00000000cafe</wsa:Address></wsa:EndpointReference>"
            + "<d:Types>dn:NetworkVideoTransmitter</d:Types>"
            + "<d:Scopes>onvif://www.onvif.org/name/IPC Camera onvif://www.onvif.org/hardware/HI3518E V200 onvif://www.onvif.org/Profile/S</d:Scopes>"
            + "<d:XAddrs>http://127.0.0.1:8899/onvif/device_service</d:XAddrs><d:MetadataVersion>1</d:MetadataVersion>"
            + "</d:ProbeMatch></d:ProbeMatches></SOAP-ENV:Body></SOAP-ENV:Envelope>"
    }

    /// A ProbeMatch with no envelope and no ProbeMatches wrapper at all.
    static func bareProbeMatch(relatesTo: String) -> String {
        "<d:ProbeMatch xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\"><a:EndpointReference><a:Address>urn:uuid:bare-0001</a:Address></a:EndpointReference>"
            + "<d:Types>dn:NetworkVideoTransmitter</d:Types><d:Scopes>onvif://www.onvif.org/name/Bare</d:Scopes>"
            + "<d:XAddrs>http://10.77.1.9/onvif/device_service</d:XAddrs></d:ProbeMatch>"
    }

    /// Broken answers the sweep must survive, in one list (each a separate datagram).
    static func broken(relatesTo: String) -> [[UInt8]] {
        let good = reolink(relatesTo: relatesTo)
        return [
            Array(good.prefix(good.count / 2).utf8),                  // truncated mid-document
            Array(bareProbeMatch(relatesTo: relatesTo).utf8),          // no wrapper, no envelope
            Array(noName(relatesTo: relatesTo).utf8),                  // unescaped spaces in scopes
            Array(hikvision(relatesTo: "uuid:not-one-of-ours").utf8),  // wrong RelatesTo
            Array("HTTP/1.1 400 Bad Request\r\n\r\n".utf8),            // not XML
            [0x00, 0xFF, 0x3C, 0x3C, 0x00, 0x3E],                      // binary garbage
        ]
    }
}
