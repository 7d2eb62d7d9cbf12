import Common
import Foundation

/// The time range a PLAY asks for.
public enum RTSPRange: Sendable, Equatable {
    /// Absolute UTC time (`Range: clock=20250714T000000Z-20250714T010000Z`), what ONVIF replay uses.
    case clock(start: Date, end: Date?)
    /// Normal play time in seconds from the start (`npt=0.000-`).
    case npt(start: Double, end: Double?)

    /// The header value in canonical form (F2: strict servers want exactly this).
    public var headerValue: String {
        switch self {
        case .clock(let s, let e):
            func f(_ d: Date) -> String {
                let ms = d.timeIntervalSince1970.truncatingRemainder(dividingBy: 1) != 0
                return UTC.compact(d, millis: ms)
            }
            return "clock=\(f(s))-" + (e.map(f) ?? "")
        case .npt(let s, let e):
            return "npt=" + String(format: "%.3f", s) + "-" + (e.map { String(format: "%.3f", $0) } ?? "")
        }
    }
}

/// What to ask the server for when playing: live (the default) or an ONVIF replay.
public struct PlayRequest: Sendable, Equatable {
    /// Send `Require: onvif-replay` on DESCRIBE, SETUP and PLAY (never on OPTIONS).
    public var onvifReplay: Bool
    /// `Range` on PLAY.
    public var range: RTSPRange?
    /// False sends `Rate-Control: no` (as fast as the link allows); nil sends nothing.
    public var rateControl: Bool?
    /// `Scale` on PLAY (speed; optional on devices).
    public var scale: Double?
    /// Also set up the AAC audio track when there is one.
    public var audio: Bool

    public init(onvifReplay: Bool = false, range: RTSPRange? = nil, rateControl: Bool? = nil, scale: Double? = nil, audio: Bool = true) {
        self.onvifReplay = onvifReplay
        self.range = range
        self.rateControl = rateControl
        self.scale = scale
        self.audio = audio
    }

    /// A Profile G replay of `start..<end`, unpaced: what the downloader sends.
    public static func replay(from start: Date, to end: Date?, unpaced: Bool = true) -> PlayRequest {
        PlayRequest(onvifReplay: true, range: .clock(start: start, end: end), rateControl: unpaced ? false : nil)
    }
}
