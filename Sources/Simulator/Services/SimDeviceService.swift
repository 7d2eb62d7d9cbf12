import Common
import Foundation
import ONVIF

/// The Device service (`/onvif/device_service`): clock, identity, scopes, GetServices and
/// GetCapabilities built from the registered services.
enum SimDeviceService {
    static let path = "/onvif/device_service"

    static func make() -> SimSOAPService {
        SimSOAPService(
            path: path, service: .device, version: (2, 60),
            capability: SimCapability(name: "Device", extra: "<tt:System><tt:DiscoveryResolve>false</tt:DiscoveryResolve><tt:DiscoveryBye>true</tt:DiscoveryBye><tt:RemoteDiscovery>false</tt:RemoteDiscovery><tt:SystemBackup>false</tt:SystemBackup><tt:SystemLogging>false</tt:SystemLogging><tt:FirmwareUpgrade>false</tt:FirmwareUpgrade><tt:SupportedVersions><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tt:SupportedVersions></tt:System>"),
            operations: [
                "GetSystemDateAndTime": systemDateAndTime,
                "GetDeviceInformation": deviceInformation,
                "GetScopes": scopes,
                "GetServices": getServices,
                "GetCapabilities": getCapabilities,
                "GetHostname": { _ in "<tds:GetHostnameResponse><tds:HostnameInformation><tt:FromDHCP>false</tt:FromDHCP><tt:Name>vtrack-sim</tt:Name></tds:HostnameInformation></tds:GetHostnameResponse>" },
                "GetServiceCapabilities": { _ in "<tds:GetServiceCapabilitiesResponse><tds:Capabilities><tds:Network/><tds:Security UsernameToken=\"true\" HttpDigest=\"true\"/><tds:System/></tds:Capabilities></tds:GetServiceCapabilitiesResponse>" },
            ],
            // the ONVIF Core PRE_AUTH operations: devices shall answer them without a login
            unauthenticated: ["GetSystemDateAndTime", "GetServices", "GetCapabilities", "GetServiceCapabilities"])
    }

    static func systemDateAndTime(_ c: SOAPContext) -> String {
        var shown = c.deviceTime
        var tz = "UTC0"
        if let hours = c.config.faults.localTimeLabelledUTC {
            // local wall time in both fields, as firmware that mislabels it does (A3); POSIX TZ counts west as positive
            shown = shown.addingTimeInterval(Double(hours) * 3600)
            tz = c.config.faults.localTimeZoneHidden ? "UTC0" : "LOC\(-hours)"
        }
        let f = UTC.fields(shown)
        let dt = "<tt:Time><tt:Hour>\(f.hour)</tt:Hour><tt:Minute>\(f.minute)</tt:Minute><tt:Second>\(f.second)</tt:Second></tt:Time>"
            + "<tt:Date><tt:Year>\(f.year)</tt:Year><tt:Month>\(f.month)</tt:Month><tt:Day>\(f.day)</tt:Day></tt:Date>"
        return "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType>"
            + "<tt:DaylightSavings>false</tt:DaylightSavings><tt:TimeZone><tt:TZ>\(tz)</tt:TZ></tt:TimeZone>"
            + "<tt:UTCDateTime>\(dt)</tt:UTCDateTime><tt:LocalDateTime>\(dt)</tt:LocalDateTime>"
            + "</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>"
    }

    static func deviceInformation(_ c: SOAPContext) -> String {
        let x = XMLEscape.text
        return "<tds:GetDeviceInformationResponse><tds:Manufacturer>\(x(c.config.manufacturer))</tds:Manufacturer>"
            + "<tds:Model>\(x(c.config.model))</tds:Model><tds:FirmwareVersion>1.0.0</tds:FirmwareVersion>"
            + "<tds:SerialNumber>\(x(c.config.serialNumber))</tds:SerialNumber><tds:HardwareId>SIM-\(c.model.channels.count)CH</tds:HardwareId>"
            + "</tds:GetDeviceInformationResponse>"
    }

    /// The same scopes the WS-Discovery responder advertises (one function builds both), with
    /// Profile G only when the Search service is offered.
    static func scopes(_ c: SOAPContext) -> String {
        let profileG = c.services.contains { $0.service == .search }
        let items = DiscoveryAdvert.scopes(name: c.config.deviceName, hardware: c.config.model,
                                           location: c.config.discoverySwitches.location,
                                           profiles: profileG ? ["S", "G", "T"] : ["S", "T"])
        let body = items.map { "<tds:Scopes><tt:ScopeDef>Fixed</tt:ScopeDef><tt:ScopeItem>\(XMLEscape.text($0))</tt:ScopeItem></tds:Scopes>" }.joined()
        return "<tds:GetScopesResponse>\(body)</tds:GetScopesResponse>"
    }

    static func getServices(_ c: SOAPContext) throws -> String {
        if c.config.noGetServices { throw SOAPFaultReply.actionNotSupported("GetServices") }
        var body = ""
        for s in c.services {
            body += "<tds:Service><tds:Namespace>\(s.service.namespace)</tds:Namespace><tds:XAddr>\(XMLEscape.text(c.serviceURL(s.path)))</tds:XAddr>"
                + "<tds:Version><tt:Major>\(s.version.major)</tt:Major><tt:Minor>\(s.version.minor)</tt:Minor></tds:Version></tds:Service>"
        }
        return "<tds:GetServicesResponse>\(body)</tds:GetServicesResponse>"
    }

    static func getCapabilities(_ c: SOAPContext) -> String {
        var top = "", ext = ""
        for s in c.services {
            guard let cap = s.capability else { continue }
            let el = "<tt:\(cap.name)><tt:XAddr>\(XMLEscape.text(c.serviceURL(s.path)))</tt:XAddr>\(cap.extra)</tt:\(cap.name)>"
            if cap.inExtension { ext += el } else { top += el }
        }
        if !ext.isEmpty { top += "<tt:Extension>\(ext)</tt:Extension>" }
        return "<tds:GetCapabilitiesResponse><tds:Capabilities>\(top)</tds:Capabilities></tds:GetCapabilitiesResponse>"
    }
}
