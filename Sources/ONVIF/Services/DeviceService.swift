import Common
import Foundation

/// Request bodies of the Device service (compact, one namespace declaration each).
enum DeviceRequests {
    static let ns = ONVIFService.device.namespace
    static let getSystemDateAndTime = "<tds:GetSystemDateAndTime xmlns:tds=\"\(ns)\"/>"
    static let getDeviceInformation = "<tds:GetDeviceInformation xmlns:tds=\"\(ns)\"/>"
    static let getScopes = "<tds:GetScopes xmlns:tds=\"\(ns)\"/>"
    static let getServices = "<tds:GetServices xmlns:tds=\"\(ns)\"><tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>"
    static let getCapabilities = "<tds:GetCapabilities xmlns:tds=\"\(ns)\"><tds:Category>All</tds:Category></tds:GetCapabilities>"
}

/// Device service calls: clock, identity, scopes and the service map.
extension ONVIFClient {
    /// The device's clock (GetSystemDateAndTime). Unauthenticated unless `authenticate`.
    public func systemDateAndTime(authenticate: Bool = false) throws -> Date {
        let e = try soap(url: address.deviceServiceURL, action: ONVIFService.device.action("GetSystemDateAndTime"),
                         operation: "GetSystemDateAndTime", body: DeviceRequests.getSystemDateAndTime, authenticate: authenticate)
        guard let d = DeviceParsing.systemDateAndTime(e) else {
            throw ONVIFError.malformedAnswer(action: "GetSystemDateAndTime", detail: "no date")
        }
        return d
    }

    /// Manufacturer, model, firmware, serial and hardware id (GetDeviceInformation).
    public func deviceInformation() throws -> DeviceInfo {
        let e = try soap(url: address.deviceServiceURL, action: ONVIFService.device.action("GetDeviceInformation"),
                         operation: "GetDeviceInformation", body: DeviceRequests.getDeviceInformation)
        return DeviceParsing.deviceInformation(e)
    }

    /// The device's scope URIs (GetScopes): name, location, hardware, ONVIF profiles.
    public func scopes() throws -> [String] {
        let e = try soap(url: address.deviceServiceURL, action: ONVIFService.device.action("GetScopes"),
                         operation: "GetScopes", body: DeviceRequests.getScopes)
        return DeviceParsing.scopes(e)
    }

    /// Device clock minus ours, in seconds (positive: the device is ahead), measured now if it
    /// was not yet: unauthenticated GetSystemDateAndTime, or an authenticated one for a device
    /// that wants a login for it. Offsets under a second read 0. Recordings are stamped by the
    /// device's clock, so search and replay times are converted with it.
    /// - Returns: nil when the device does not tell its time.
    public func measuredClockOffset() throws -> Double? {
        try ensureClockMeasured()
        if let o = clockOffset { return o }
        guard state.withLock({ $0.dateTimeNeedsAuth }), credentials != nil else { return nil }
        let t0 = Date()
        let d = try systemDateAndTime(authenticate: true)
        let offset = ClockOffset.measured(deviceTime: d, sent: t0, answered: Date())
        return state.withLock { s in
            if s.clockOffset == nil { s.clockOffset = ClockOffset.kept(offset) }
            return s.clockOffset
        }
    }

    /// Where each service lives: GetServices, or GetCapabilities (with `Extension`) when the device
    /// does not implement GetServices (field quirk B1). Cached for the client's life.
    public func services() throws -> ServiceMap {
        if let m = serviceCache.withLock({ $0 }) { return m }
        var map: ServiceMap
        do {
            let e = try soap(url: address.deviceServiceURL, action: ONVIFService.device.action("GetServices"),
                             operation: "GetServices", body: DeviceRequests.getServices)
            map = DeviceParsing.services(e, rewriter: rewriter)
            if map.addresses.count <= 1 { map = try capabilities() } // an empty list is as good as none
        } catch let e as ONVIFError {
            switch e {
            case .serviceNotSupported, .deviceFault, .malformedAnswer: map = try capabilities()
            default: throw e
            }
        }
        map.addresses[.device] = address.deviceServiceURL
        serviceCache.withLock { $0 = map }
        return map
    }

    private func capabilities() throws -> ServiceMap {
        let e = try soap(url: address.deviceServiceURL, action: ONVIFService.device.action("GetCapabilities"),
                         operation: "GetCapabilities", body: DeviceRequests.getCapabilities)
        return DeviceParsing.capabilities(e, rewriter: rewriter)
    }
}

/// Reading Device service answers by local names, tolerating missing fields.
enum DeviceParsing {
    /// UTCDateTime, or LocalDateTime corrected by the POSIX TZ when UTC is missing (A3).
    static func systemDateAndTime(_ response: XMLElement) -> Date? {
        guard let sdt = response.first("SystemDateAndTime") ?? (response.name == "SystemDateAndTime" ? response : nil) else { return nil }
        if let utc = sdt.child("UTCDateTime"), let d = dateTime(utc) { return d }
        if let local = sdt.child("LocalDateTime"), let d = dateTime(local) {
            let tz = sdt.path("TimeZone", "TZ")?.text ?? ""
            return d.addingTimeInterval(-posixOffset(tz))
        }
        return nil
    }

    /// Seconds east of UTC of the device's time zone when its answer contradicts itself the way
    /// firmware that labels local wall time as UTC does (A3): a non-UTC `TZ`, and `LocalDateTime`
    /// missing or equal to `UTCDateTime`. Nil for a consistent answer.
    static func zoneOfLocalTimeLabelledUTC(_ response: XMLElement) -> Double? {
        guard let sdt = response.first("SystemDateAndTime") ?? (response.name == "SystemDateAndTime" ? response : nil),
              let utc = sdt.child("UTCDateTime").flatMap(dateTime) else { return nil }
        let zone = posixOffset(sdt.path("TimeZone", "TZ")?.text ?? "")
        guard zone != 0 else { return nil }
        if let local = sdt.child("LocalDateTime").flatMap(dateTime), local != utc { return nil }
        return zone
    }

    static func dateTime(_ e: XMLElement) -> Date? {
        guard let date = e.child("Date"), let time = e.child("Time"),
              let y = Int(date.childText("Year") ?? ""), let mo = Int(date.childText("Month") ?? ""), let d = Int(date.childText("Day") ?? "")
        else { return nil }
        let h = Int(time.childText("Hour") ?? "") ?? 0, mi = Int(time.childText("Minute") ?? "") ?? 0, s = Int(time.childText("Second") ?? "") ?? 0
        return UTC.date(UTC.Fields(year: y, month: mo, day: d, hour: h, minute: mi, second: s))
    }

    /// Seconds east of UTC of a POSIX TZ string (`CST-8:00:00` is UTC+8); 0 when unreadable.
    static func posixOffset(_ tz: String) -> Double {
        let chars = Array(tz)
        var i = 0
        if i < chars.count, chars[i] == "<" { while i < chars.count, chars[i] != ">" { i += 1 }; i += 1 }
        while i < chars.count, chars[i].isLetter { i += 1 }
        guard i < chars.count else { return 0 }
        var sign = 1.0
        if chars[i] == "-" { sign = -1; i += 1 } else if chars[i] == "+" { i += 1 }
        let rest = String(chars[i...]).prefix { $0.isNumber || $0 == ":" }
        let parts = rest.split(separator: ":").compactMap { Double($0) }
        guard let h = parts.first else { return 0 }
        let secs = h * 3600 + (parts.count > 1 ? parts[1] * 60 : 0) + (parts.count > 2 ? parts[2] : 0)
        return -sign * secs // POSIX counts west of UTC as positive
    }

    static func deviceInformation(_ e: XMLElement) -> DeviceInfo {
        DeviceInfo(manufacturer: e.childText("Manufacturer") ?? "", model: e.childText("Model") ?? "",
                   firmwareVersion: e.childText("FirmwareVersion") ?? "", serialNumber: e.childText("SerialNumber") ?? "",
                   hardwareId: e.childText("HardwareId") ?? "")
    }

    static func scopes(_ e: XMLElement) -> [String] {
        e.all("ScopeItem").map(\.text).filter { !$0.isEmpty }
    }

    /// Fills name, location and ONVIF profiles from scope URIs — decoded exactly as WS-Discovery
    /// decodes them, so a device reads the same found and connected.
    static func apply(scopes: [String], to info: inout DeviceInfo) {
        let decoded = DiscoveryScopes.decode(scopes)
        info.scopeName = decoded.name
        info.location = decoded.location
        info.profiles = decoded.profiles
    }

    static func services(_ e: XMLElement, rewriter: AddressRewriter) -> ServiceMap {
        var map = ServiceMap(fromGetServices: true)
        for svc in e.all("Service") {
            guard let ns = svc.childText("Namespace"), let service = ONVIFService(namespace: ns),
                  let xaddr = svc.childText("XAddr"), !xaddr.isEmpty else { continue }
            if map.addresses[service] == nil { map.addresses[service] = rewriter.serviceAddress(xaddr) }
            if let v = svc.child("Version"), let major = v.childText("Major") {
                map.versions[service] = "\(major).\(v.childText("Minor") ?? "0")"
            }
        }
        return map
    }

    static func capabilities(_ e: XMLElement, rewriter: AddressRewriter) -> ServiceMap {
        var map = ServiceMap(fromGetServices: false)
        guard let caps = e.first("Capabilities") ?? (e.name == "Capabilities" ? e : nil) else { return map }
        let extensionChildren = caps.children("Extension").flatMap(\.children)
        for el in caps.children + extensionChildren {
            guard let service = ONVIFService.allCases.first(where: { $0.capabilityName == el.name }),
                  let xaddr = el.childText("XAddr") ?? el.firstText("XAddr"), !xaddr.isEmpty, map.addresses[service] == nil else { continue }
            map.addresses[service] = rewriter.serviceAddress(xaddr)
        }
        return map
    }
}
