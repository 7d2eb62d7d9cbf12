import Common
import Core
import Foundation

/// What `vtrack ptz` prints: one line per fact, or one JSON object (a list for `presets`).
struct PTZOutput {
    let camera: String
    let json: Bool

    /// `status --json`.
    struct Status: Encodable {
        var camera: String
        var pan: Double?
        var tilt: Double?
        var zoom: Double?
        var moving: Bool
        var time: String?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(camera, forKey: .camera)
            try c.encode(pan, forKey: .pan)
            try c.encode(tilt, forKey: .tilt)
            try c.encode(zoom, forKey: .zoom)
            try c.encode(moving, forKey: .moving)
            try c.encode(time, forKey: .time)
        }
        enum CodingKeys: String, CodingKey { case camera, pan, tilt, zoom, moving, time }
    }

    /// One preset in `presets --json`, and the one `set-preset --json` saved.
    struct Preset: Encodable {
        var token: String
        var name: String
    }

    /// `stop`, `home`, `goto`, `set-preset`, `move` with `--json`.
    struct Done: Encodable {
        var camera: String
        var action: String
        var preset: Preset?
        var seconds: Double?
        var velocity: [String: Double]?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(camera, forKey: .camera)
            try c.encode(action, forKey: .action)
            try c.encodeIfPresent(preset, forKey: .preset)
            try c.encodeIfPresent(seconds, forKey: .seconds)
            try c.encodeIfPresent(velocity, forKey: .velocity)
        }
        enum CodingKeys: String, CodingKey { case camera, action, preset, seconds, velocity }
    }

    func status(_ s: PTZStatus) {
        if json {
            CLI.printJSON(Status(camera: camera, pan: s.pan, tilt: s.tilt, zoom: s.zoom, moving: s.moving, time: s.time.map { UTC.iso($0) }))
            return
        }
        var lines: [String] = []
        let unknown = Localized(vi: "không rõ", en: "unknown").text()
        lines.append("pan: " + (s.pan.map(Self.number) ?? unknown))
        lines.append("tilt: " + (s.tilt.map(Self.number) ?? unknown))
        lines.append("zoom: " + (s.zoom.map(Self.number) ?? Localized(vi: "không có", en: "none").text()))
        lines.append("moving: " + (s.moving ? Localized(vi: "có", en: "yes") : Localized(vi: "không", en: "no")).text())
        print(lines.joined(separator: "\n"))
    }

    func presets(_ list: [PTZPreset]) {
        if json {
            CLI.printJSON(list.map { Preset(token: $0.token, name: $0.name) })
            return
        }
        if list.isEmpty {
            print(Localized(vi: "Camera chưa có preset nào.", en: "The camera has no presets.").text())
            return
        }
        let width = list.map { CLI.shown($0.token).count }.max() ?? 0
        for p in list { print(CLI.pad(p.token, width) + CLI.shown(p.name)) }
    }

    func done(_ action: String, _ sentence: Localized) {
        if json { CLI.printJSON(Done(camera: camera, action: action)); return }
        print(sentence.text())
    }

    func saved(_ preset: PTZPreset) {
        if json {
            CLI.printJSON(Done(camera: camera, action: "set-preset", preset: Preset(token: preset.token, name: preset.name)))
            return
        }
        print(Localized(vi: "Đã lưu preset “\(CLI.shown(preset.name))” (mã \(CLI.shown(preset.token))).",
                        en: "Saved preset “\(CLI.shown(preset.name))” (token \(CLI.shown(preset.token))).").text())
    }

    func moved(seconds: Double, velocity: PTZVelocity) {
        if json {
            CLI.printJSON(Done(camera: camera, action: "move", seconds: seconds,
                               velocity: ["pan": velocity.pan, "tilt": velocity.tilt, "zoom": velocity.zoom]))
            return
        }
        let s = Self.number(seconds)
        print(Localized(vi: "Đã di chuyển \(s) giây rồi dừng.", en: "Moved for \(s) s, then stopped.").text())
    }

    /// `0.25`, `-1`, `0.333`: three decimals at most.
    static func number(_ v: Double) -> String {
        var s = String(format: "%.3f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }
}
