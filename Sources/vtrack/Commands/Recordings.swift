import ArgumentParser
import CLISupport
import Common
import Core
import Foundation

/// `vtrack recordings SOURCE [--from T] [--to T] [--cameras A,B] [--json]`: what footage each
/// camera of a saved source has over a time range (intervals, gaps, hours).
struct Recordings: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recordings",
        abstract: "Show what footage the cameras of a saved source have over a time range (ONVIF Profile G search).",
        discussion: """
            Times: ISO 8601 with a zone (2024-01-15T08:30:00+07:00, …Z), local time (2024-01-15 08:30, 2024-01-15), \
            now, today, yesterday, or -2h / -7d (use --from=-2h). Default: the configured default_days ending now.
            Devices without ONVIF replay use the source's playback URL template (--url-template, saved with \
            --save-url-template) or the Hikvision / Dahua playback format of their manufacturer.
            Exit status 0 on success (also when the device has no recordings); otherwise one sentence on standard error.
            """)

    @Argument(help: "The saved source's name.") var source: String
    @Option(help: "Start of the range (default: default_days before --to).") var from: TimeArgument?
    @Option(help: "End of the range (default: now).") var to: TimeArgument?
    @Option(help: "Cameras by name, comma-separated (default: the source's selection, else every camera).") var cameras: String?
    @Option(name: .customLong("url-template"), help: "A playback URL template for devices without ONVIF replay, e.g. rtsp://{host}:554/Streaming/tracks/{channel}01?starttime={start}&endtime={end}.")
    var urlTemplate: String?
    @Flag(name: .customLong("save-url-template"), help: "Save --url-template on the source for later runs.") var saveURLTemplate = false
    @Option(name: .customLong("timeout"), help: "Seconds one request may take.") var timeout: Double = 10
    @Flag(help: "Print one JSON object.") var json = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if saveURLTemplate && urlTemplate == nil { throw ValidationError("--save-url-template needs --url-template.") }
    }

    func run() throws {
        global.apply()
        try NumberOption.seconds(timeout, option: "--timeout")
        let names = TimeRangeArguments.cameraNames(cameras)
        let repo = try store.open()
        let days = try CLI.attempt { try repo.processingConfig().defaultDays }
        let range: DateInterval
        do {
            range = try TimeRangeArguments.resolve(from: from, to: to, defaultDays: days)
        } catch let e as any UserFacingError {
            CLI.fail(e.message, code: 64)
        }
        var options = ClientOptions()
        options.requestTimeout = timeout
        let workflow = Core.Recordings(repository: repo, clientOptions: options)
        let request = RecordingsRequest(sourceName: source, range: range, cameras: names, urlTemplate: urlTemplate)
        let report = try CLI.attempt {
            do {
                if saveURLTemplate, let urlTemplate { try PlaybackFallback.save(template: urlTemplate, sourceName: source, repository: repo) }
                return try workflow.report(request)
            } catch let e as RecordingsRequestError {
                CLI.fail(e.message, code: 64)
            } catch let e as PlaybackTemplateError {
                CLI.fail(e.message, code: 64)
            }
        }
        if json {
            CLI.printJSON(RecordingsOutput(report))
        } else {
            print(RecordingsOutput.text(report), terminator: "")
        }
    }
}

/// The JSON shape of `vtrack recordings --json` (times in UTC, ISO 8601).
struct RecordingsOutput: Encodable {
    struct Span: Encodable {
        let start: String
        let end: String
        let seconds: Double
        init(_ d: DateInterval) {
            start = UTC.iso(d.start)
            end = UTC.iso(d.end)
            seconds = d.duration.rounded()
        }
    }

    struct Day: Encodable {
        let day: String
        let seconds: Double
        let fraction: Double
    }

    struct CameraOut: Encodable {
        let name: String
        let id: String
        let channel: Int
        let sourceToken: String
        let recordingToken: String?
        let basis: String
        let seconds: Double
        let hours: Double
        let intervals: [Span]
        let gaps: [Span]
        let days: [Day]
        let replayURI: String?
        let fallbackURL: String?
        let note: String?

        enum CodingKeys: String, CodingKey {
            case name, id, channel, sourceToken = "source_token", recordingToken = "recording_token", basis, seconds, hours
            case intervals, gaps, days, replayURI = "replay_uri", fallbackURL = "fallback_url", note
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name); try c.encode(id, forKey: .id); try c.encode(channel, forKey: .channel)
            try c.encode(sourceToken, forKey: .sourceToken); try c.encode(recordingToken, forKey: .recordingToken)
            try c.encode(basis, forKey: .basis); try c.encode(seconds, forKey: .seconds); try c.encode(hours, forKey: .hours)
            try c.encode(intervals, forKey: .intervals); try c.encode(gaps, forKey: .gaps); try c.encode(days, forKey: .days)
            try c.encode(replayURI, forKey: .replayURI); try c.encode(fallbackURL, forKey: .fallbackURL); try c.encode(note, forKey: .note)
        }
    }

    let source: String
    let device: DeviceInfo
    let from: String
    let to: String
    let profileG: Bool
    let playback: String
    let noRecordings: Bool
    let note: String?
    /// The time zone of `days` (this computer's).
    let timeZone: String
    /// The device's clock minus ours (every time here is ours, converted with it).
    let clockOffset: Double
    let cameras: [CameraOut]

    enum CodingKeys: String, CodingKey {
        case source, device, from, to, profileG = "profile_g", playback, noRecordings = "no_recordings", note
        case timeZone = "time_zone", clockOffset = "device_clock_offset_seconds", cameras
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source); try c.encode(device, forKey: .device); try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to); try c.encode(profileG, forKey: .profileG); try c.encode(playback, forKey: .playback)
        try c.encode(noRecordings, forKey: .noRecordings); try c.encode(note, forKey: .note)
        try c.encode(timeZone, forKey: .timeZone); try c.encode(clockOffset, forKey: .clockOffset); try c.encode(cameras, forKey: .cameras)
    }

    init(_ r: RecordingsReport) {
        source = r.sourceName
        device = r.device
        from = UTC.iso(r.range.start)
        to = UTC.iso(r.range.end)
        profileG = r.profileG
        playback = Self.playbackName(r.playback)
        noRecordings = r.noRecordings
        note = r.note?.text()
        timeZone = TimeZone.current.identifier
        clockOffset = r.clockOffset.rounded()
        cameras = r.cameras.map { c in
            CameraOut(name: c.key, id: c.camera.id, channel: c.camera.channel, sourceToken: c.camera.sourceToken,
                      recordingToken: c.recording?.token, basis: c.coverage.basis.rawValue, seconds: c.coverage.seconds.rounded(),
                      hours: (c.coverage.hours * 100).rounded() / 100, intervals: c.coverage.intervals.map(Span.init),
                      gaps: c.coverage.gaps.map(Span.init),
                      days: c.coverage.days().map { Day(day: $0.day, seconds: $0.coveredSeconds.rounded(), fraction: ($0.fraction * 1000).rounded() / 1000) },
                      replayURI: c.replayURI, fallbackURL: c.fallbackURL, note: c.note?.text())
        }
    }

    static func playbackName(_ p: RecordingsReport.Playback) -> String {
        switch p {
        case .onvifReplay: return "onvif_replay"
        case .fallback(let f): return f.name
        case .none: return "none"
        }
    }

    /// A header, then per camera its total and its intervals (local time).
    static func text(_ r: RecordingsReport) -> String {
        let local = TimeRangeArguments.local
        var out = "\(Localized(vi: "Nguồn", en: "Source").text()): \(r.sourceName)"
        let name = [r.device.manufacturer, r.device.model].filter { !$0.isEmpty }.joined(separator: " ")
        if !name.isEmpty { out += " (\(name))" }
        out += "\n\(Localized(vi: "Khoảng", en: "Range").text()): \(local(r.range.start)) → \(local(r.range.end)) (\(TimeZone.current.identifier))\n"
        let playback: String
        switch r.playback {
        case .onvifReplay: playback = Localized(vi: "phát lại ONVIF (Profile G)", en: "ONVIF replay (Profile G)").text()
        case .fallback(let f): playback = Localized(vi: "URL phát lại kiểu \(f.name)", en: "\(f.name)-style playback URLs").text()
        case .none: playback = Localized(vi: "không có", en: "none").text()
        }
        out += "\(Localized(vi: "Phát lại", en: "Playback").text()): \(playback)\n"
        if let note = r.note { out += note.text() + "\n" }
        if abs(r.clockOffset) >= 1 {
            let s = Int(abs(r.clockOffset).rounded())
            out += r.clockOffset > 0
                ? Localized(vi: "Đồng hồ thiết bị nhanh \(s) giây; các thời điểm dưới đây đã được quy về giờ máy này.\n",
                            en: "The device's clock is \(s) s ahead; the times below are converted to this computer's clock.\n").text()
                : Localized(vi: "Đồng hồ thiết bị chậm \(s) giây; các thời điểm dưới đây đã được quy về giờ máy này.\n",
                            en: "The device's clock is \(s) s behind; the times below are converted to this computer's clock.\n").text()
        }
        for c in r.cameras {
            let cov = c.coverage
            out += "\n\(c.key): "
            switch cov.basis {
            case .none: out += Localized(vi: "không có bản ghi", en: "no recording").text()
            case .unknown: out += Localized(vi: "chưa biết trước (sẽ thử cả khoảng)", en: "not known in advance (the whole range is tried)").text()
            default:
                out += String(format: "%.1f h", cov.hours) + Localized(vi: " có hình, ", en: " of footage, ").text() + "\(cov.gaps.count) "
                    + Localized(vi: "khoảng trống", en: cov.gaps.count == 1 ? "gap" : "gaps").text()
                if cov.basis == .recordingRange { out += Localized(vi: " (khoảng trống bên trong chưa biết)", en: " (gaps inside not known)").text() }
            }
            out += "\n"
            if let note = c.note { out += "  \(note.text())\n" }
            if cov.basis != .unknown {
                for i in cov.intervals {
                    out += "  \(local(i.start)) → \(local(i.end))  " + String(format: "%.2f h", i.duration / 3600) + "\n"
                }
            }
            if let uri = c.replayURI ?? c.fallbackURL { out += "  URI: \(uri)\n" }
        }
        return out
    }
}
