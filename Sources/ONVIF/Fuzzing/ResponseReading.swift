import Common
import Foundation

/// The client's readers of device answers behind one public door, for the fuzz harness
/// (`Sources/FuzzTargets`) and tools: classifies an HTTP answer exactly as an exchange does, then
/// runs every response reader of the services (device, media 1/2, Profile G, fault) on it.
/// Never traps, whatever the bytes; the returned text only summarises what was read.
public enum ResponseReading {
    /// One SOAP answer: HTTP status, header lines (any case) and body.
    @discardableResult
    public static func soapAnswer(status: Int, headers: [(name: String, value: String)], body: [UInt8]) -> String {
        let response = HTTPResponse(status: status, headers: headers.map { ($0.name.lowercased(), $0.value) }, body: body)
        switch SOAPOutcome.classify(response) {
        case .ok(let element): return "ok " + readEveryway(element)
        case .fault(let f): return "fault \(f.codes) \(f.reason.count) \(f.isNotSupported) \(f.mentionsLock) \(f.mentionsTime)"
        case .refused(let r): return "refused \(r.status) \(r.challenge != nil) \(r.fault?.code ?? "")"
        case .empty: return "empty"
        case .notSOAP(let s): return "notSOAP \(s)"
        case .malformed(let s): return "malformed \(s)"
        }
    }

    /// A SOAP fault read from a whole envelope (1.1 or 1.2), or nil when there is none.
    public static func fault(envelope bytes: [UInt8]) -> SOAPFault? {
        guard let root = try? XMLDocument.parse(bytes: bytes) else { return nil }
        return (root.child("Body") ?? root.first("Body"))?.child("Fault").map(SOAPFault.init(element:))
            ?? root.first("Fault").map(SOAPFault.init(element:))
    }

    /// Runs every service reader on one response element; returns a short summary.
    static func readEveryway(_ e: XMLElement) -> String {
        let rewriter = AddressRewriter(device: DeviceAddress(host: "192.0.2.1", port: 8080))
        var parts: [String] = []
        // dates go on to be shown and sent back in whole seconds: UTC.fields must take them
        var dates = [DeviceParsing.systemDateAndTime(e)]
        let recordings = e.all("RecordingInformation").compactMap(ProfileGParsing.recordingInformation)
        dates += recordings.flatMap { r in [r.earliest, r.latest] + r.tracks.flatMap { [$0.dataFrom, $0.dataTo] } }
        let summary = ProfileGParsing.summary(e)
        dates += [summary.dataFrom, summary.dataUntil]
        for d in dates.compactMap({ $0 }) { _ = UTC.iso(d) }
        parts.append("\(dates.count)")
        parts.append("\(DeviceParsing.zoneOfLocalTimeLabelledUTC(e) ?? 0)")
        var info = DeviceParsing.deviceInformation(e)
        DeviceParsing.apply(scopes: DeviceParsing.scopes(e), to: &info)
        parts.append(info.model)
        parts.append("\(DeviceParsing.services(e, rewriter: rewriter).addresses.count)")
        parts.append("\(DeviceParsing.capabilities(e, rewriter: rewriter).addresses.count)")
        let profiles = e.all("Profiles")
        parts.append("\(profiles.compactMap(MediaProfile.media1).count)/\(profiles.compactMap(MediaProfile.media2).count)")
        parts.append("\(recordings.count)")
        parts.append("\(e.all("RecordingItem").compactMap(ProfileGParsing.recordingItem).count)")
        parts.append("\(summary.numberOfRecordings)")
        parts.append("\(e.all("Result").compactMap(ProfileGParsing.trackStateEvent).count)")
        for text in e.all("Duration").map(\.text) + e.all("Timeout").map(\.text) { _ = ISODuration.seconds(text) }
        for uri in e.all("Uri").map(\.text) { _ = rewriter.mediaURI(uri) }
        return parts.joined(separator: " ")
    }
}
