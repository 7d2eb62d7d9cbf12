import Foundation

/// The simulated NVR's channels and profiles: the single truth that the ONVIF services, the RTSP
/// server and the recordings all read, so a stream URI always leads to the right asset.
///
/// Field quirks it reproduces on purpose:
/// - video source tokens do NOT follow profile order (profiles are listed subs-first, channels
///   interleaved), so clients must group by source token (B4, B5);
/// - main streams are H.264; the sub stream of every even channel is H.265 and is visible only
///   through Media2, unless `media1Only` (then it is H.264) (B2).
public struct NVRModel: Sendable {
    public struct Profile: Sendable, Equatable {
        public var token: String
        public var name: String
        public var codec: Codec
        public var width: Int
        public var height: Int
        public var fps: Int
        public var bitrateKbps: Int
        /// RTSP path of the live stream, e.g. `/live/ch01/main`.
        public var rtspPath: String
        /// Listed by Media (ver10) GetProfiles.
        public var inMedia1: Bool
        /// Listed by Media2 (ver20) GetProfiles.
        public var inMedia2: Bool
        public var isMain: Bool
    }

    public enum Codec: String, Sendable { case h264 = "H264", h265 = "H265" }

    public struct Channel: Sendable, Equatable {
        /// 1-based channel number.
        public var number: Int
        public var sourceToken: String
        public var name: String
        public var main: Profile
        public var sub: Profile
        /// Recording token of this channel (Profile G).
        public var recordingToken: String
    }

    public var channels: [Channel]

    public init(config: SimulatorConfig) {
        var chans: [Channel] = []
        for n in 1...max(1, config.channels) {
            let cc = String(format: "%02d", n)
            // tokens that sort differently from channel order: a scrambled hex suffix
            let scrambled = String(format: "%04x", (n * 7919 + 0x3a1) & 0xffff)
            let subIs265 = n % 2 == 0 && !config.media1Only
            let main = Profile(token: "prof_\(scrambled)_main", name: "Ch\(cc) Main", codec: .h264, width: 1920, height: 1080, fps: 25,
                               bitrateKbps: 4096, rtspPath: "/live/ch\(cc)/main", inMedia1: !config.media2Only, inMedia2: !config.media1Only, isMain: true)
            let sub = Profile(token: "prof_\(scrambled)_sub", name: "Ch\(cc) Sub", codec: subIs265 ? .h265 : .h264, width: 640, height: 360, fps: 15,
                              bitrateKbps: 512, rtspPath: "/live/ch\(cc)/sub",
                              inMedia1: !config.media2Only && !subIs265, inMedia2: !config.media1Only, isMain: false)
            chans.append(Channel(number: n, sourceToken: "VS_\(scrambled)", name: config.channelNames[n] ?? "Camera \(cc)", main: main, sub: sub,
                                 recordingToken: "REC_\(scrambled)"))
        }
        channels = chans
    }

    /// Profiles in the order GetProfiles lists them: subs first, then mains, channels interleaved
    /// odd-then-even — deliberately not channel order.
    public var profilesInListOrder: [(channel: Channel, profile: Profile)] {
        let order = channels.filter { $0.number % 2 == 1 } + channels.filter { $0.number % 2 == 0 }
        return order.map { ($0, $0.sub) } + order.map { ($0, $0.main) }
    }

    /// Video sources in the order GetVideoSources lists them: channel order, as real NVRs do, so
    /// channel numbers (a source's position) read 1, 2, 3… — while the profiles above are not in
    /// that order, which is what makes grouping by source token necessary.
    public var sourcesInListOrder: [Channel] { channels }

    public func channel(sourceToken: String) -> Channel? { channels.first { $0.sourceToken == sourceToken } }
    public func profile(token: String) -> (channel: Channel, profile: Profile)? {
        for c in channels {
            if c.main.token == token { return (c, c.main) }
            if c.sub.token == token { return (c, c.sub) }
        }
        return nil
    }
    public func channel(recordingToken: String) -> Channel? { channels.first { $0.recordingToken == recordingToken } }
}
