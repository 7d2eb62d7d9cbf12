import Common
import Foundation

/// A vendor playback request the simulator's RTSP server understands when it poses as that
/// vendor (`SimulatorConfig.vendor`), for clients that fall back from ONVIF replay (field quirk F4):
/// - Hikvision: `/Streaming/tracks/<ch>01?starttime=YYYYMMDDThhmmssZ&endtime=YYYYMMDDThhmmssZ`
///   (also under `/ISAPI`; `<ch>02` is the sub stream). The stream does NOT stop at endtime.
/// - Dahua: `/cam/playback?channel=N&subtype=0&starttime=YYYY_MM_DD_hh_mm_ss&endtime=…` (stops at endtime).
///
/// Channel numbers count video sources in the order GetVideoSources lists them, from 1.
public struct SimVendorPlayback: Sendable, Equatable {
    public var vendor: SimVendor
    /// 1-based channel number.
    public var channel: Int
    /// True for the sub stream (Hikvision `…02`, Dahua `subtype=1`).
    public var subStream: Bool
    public var start: Date
    public var end: Date?
    /// Whether the server ends the stream at `end` (Dahua) or keeps playing past it (Hikvision).
    public var stopsAtEnd: Bool { vendor == .dahua }

    public init(vendor: SimVendor, channel: Int, subStream: Bool, start: Date, end: Date?) {
        self.vendor = vendor; self.channel = channel; self.subStream = subStream; self.start = start; self.end = end
    }

    /// The channel a vendor channel number names: the N-th video source in the order
    /// GetVideoSources lists them (how clients number channels), or nil.
    public static func channel(_ n: Int, in model: NVRModel) -> NVRModel.Channel? {
        let sources = model.sourcesInListOrder
        return n >= 1 && n <= sources.count ? sources[n - 1] : nil
    }

    /// Reads a request URI (`rtsp://host:port/path?query`, or just `/path?query`) as `vendor`'s
    /// playback URL; nil when it is not one.
    public static func parse(_ uri: String, vendor: SimVendor) -> SimVendorPlayback? {
        var rest = Substring(uri)
        // a SETUP/PLAY URI made from Content-Base: `…&endtime=…/trackID=0`, or a trailing slash
        if let track = rest.range(of: "/trackID=", options: .backwards) { rest = rest[..<track.lowerBound] }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? ""
        }
        let parts = rest.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts.first ?? "").lowercased()
        var query: [String: String] = [:]
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let value = kv.count > 1 ? String(kv[1]) : ""
                query[String(kv[0]).lowercased()] = value.removingPercentEncoding ?? value
            }
        }
        switch vendor {
        case .hikvision:
            var p = Substring(path)
            if p.hasPrefix("/isapi") { p = p.dropFirst("/isapi".count) }
            guard p.hasPrefix("/streaming/tracks/"), let n = Int(p.dropFirst("/streaming/tracks/".count).prefix { $0.isNumber }),
                  n >= 101, let start = query["starttime"].flatMap(hikvisionTime) else { return nil }
            return SimVendorPlayback(vendor: .hikvision, channel: n / 100, subStream: n % 100 == 2, start: start,
                                     end: query["endtime"].flatMap(hikvisionTime))
        case .dahua:
            guard path == "/cam/playback", let ch = query["channel"].flatMap({ Int($0) }), ch >= 1,
                  let start = query["starttime"].flatMap(dahuaTime) else { return nil }
            return SimVendorPlayback(vendor: .dahua, channel: ch, subStream: query["subtype"] == "1", start: start,
                                     end: query["endtime"].flatMap(dahuaTime))
        }
    }

    /// `20240115T083000Z` (also with milliseconds, `.000`).
    static func hikvisionTime(_ s: String) -> Date? {
        let digits = s.filter(\.isNumber)
        guard s.uppercased().contains("T"), digits.count >= 14 else { return nil }
        return fields(Array(digits.prefix(14)), widths: [4, 2, 2, 2, 2, 2])
    }

    /// `2024_01_15_08_30_00` (device time; the simulator's device runs on UTC).
    static func dahuaTime(_ s: String) -> Date? {
        let parts = s.split(separator: "_")
        guard parts.count == 6, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        let v = parts.compactMap { Int($0) }
        return UTC.date(UTC.Fields(year: v[0], month: v[1], day: v[2], hour: v[3], minute: v[4], second: v[5]))
    }

    private static func fields(_ digits: [Character], widths: [Int]) -> Date? {
        var values: [Int] = []
        var i = 0
        for w in widths {
            guard let v = Int(String(digits[i..<(i + w)])) else { return nil }
            values.append(v)
            i += w
        }
        return UTC.date(UTC.Fields(year: values[0], month: values[1], day: values[2], hour: values[3], minute: values[4], second: values[5]))
    }
}
