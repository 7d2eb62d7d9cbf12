import Foundation
import Common

/// Fixed, deterministic states of every screen: used by the snapshot tests, the screenshot
/// script (`vtrack tui-scene`) and the frame-time benchmark. Nothing here talks to an engine.
public enum SampleScenes {
    /// One scene per screen and dialog.
    public enum Scene: String, CaseIterable, Sendable {
        case sources, form, formError, cameras, saveReport, dates, downloads, help, confirmQuit, tooSmall
    }

    /// 2026-11-25 10:30 in Vietnam (UTC+7).
    public static let now = Date(timeIntervalSince1970: 1_795_577_400)
    public static let utcOffset = 7 * 3600

    public static let connection = Connection(name: "nvr_localhost", host: "127.0.0.1", port: 8080, user: "admin",
                                              password: "admin123", videoRoot: "nvr_downloads")

    /// Four cameras with Vietnamese names (widths!), H.264 main and H.265 sub streams.
    public static let cameras: [Camera] = {
        let names = ["Cổng trước", "Kho hàng", "Bàn đóng gói 1", "Bãi đỗ xe"]
        return names.enumerated().map { i, name in
            let ch = i + 1
            let main = StreamInfo(profileToken: "main_\(ch)", profileName: "Main", codec: "H264", width: 1920, height: 1080, fps: 25,
                                  uri: "rtsp://127.0.0.1:8554/ch\(ch)/main")
            let sub = StreamInfo(profileToken: "sub_\(ch)", profileName: "Sub", codec: ch % 2 == 0 ? "H265" : "H264", width: 640, height: 360,
                                 fps: 15, uri: "rtsp://127.0.0.1:8554/ch\(ch)/sub")
            return Camera(id: "onvif_127.0.0.1_VS\(ch)", name: name, streamURL: main.uri ?? "", resolution: "1920x1080", codec: "H264",
                          capabilities: ["video", "recording"], channel: ch, sourceToken: "VS\(ch)", mainStream: main, subStream: sub)
        }
    }()

    public static let device = DeviceInfo(manufacturer: "VTrack", model: "SIM-NVR", firmwareVersion: "1.0", serialNumber: "SIM0001",
                                          profiles: ["S", "G"])

    /// Footage per camera over the last week: 06:00–22:00 local, with an outage on some days.
    public static func coverage(for names: [String], days: Int = 8) -> [CameraCoverage] {
        let today = LocalDay.of(now, utcOffset: utcOffset)
        return names.enumerated().map { ci, name in
            var intervals: [CameraCoverage.Interval] = []
            for d in (today - days + 1)...today {
                let open = LocalDay.instant(d, seconds: 6 * 3600, utcOffset: utcOffset)
                let close = min(LocalDay.instant(d, seconds: 22 * 3600, utcOffset: utcOffset), now)
                guard close > open else { continue }
                if (d + ci) % 3 == 0 {   // an outage of two hours around noon
                    let gapA = open.addingTimeInterval(5 * 3600), gapB = open.addingTimeInterval(7 * 3600)
                    intervals.append(.init(start: open, end: min(gapA, close)))
                    if close > gapB { intervals.append(.init(start: gapB, end: close)) }
                } else {
                    intervals.append(.init(start: open, end: close))
                }
            }
            return CameraCoverage(camera: name, intervals: intervals)
        }
    }

    /// `count` camera downloads in mixed states.
    /// Rows of job 1.
    public static func downloadRows(count: Int) -> [DownloadRow] {
        (0..<count).map { i in
            let name = i < cameras.count ? cameras[i].name : "Camera \(String(format: "%02d", i + 1))"
            let total = 16.0 * 3600
            switch i % 6 {
            case 0: return DownloadRow(jobID: 1, camera: name, phase: .done, mediaDone: total, mediaTotal: total, bytes: 1_843_200_000,
                                       files: 4)
            case 1: return DownloadRow(jobID: 1, camera: name, phase: .running, mediaDone: total * 0.62, mediaTotal: total, bytes: 1_142_784_000,
                                       bytesPerSecond: 23_100_000, realtimeFactor: 181, etaSeconds: 121, files: 3)
            case 2: return DownloadRow(jobID: 1, camera: name, phase: .retrying(Localized(vi: "mất kết nối, thử lại sau 4 giây", en: "link dropped, retrying in 4 s")),
                                       mediaDone: total * 0.35, mediaTotal: total, bytes: 645_120_000, files: 1)
            case 3: return DownloadRow(jobID: 1, camera: name, phase: .queued, mediaTotal: total)
            case 4: return DownloadRow(jobID: 1, camera: name, phase: .running, mediaDone: total * 0.18, mediaTotal: total, bytes: 331_776_000,
                                       bytesPerSecond: 19_800_000, realtimeFactor: 155, etaSeconds: 305, files: 1)
            default: return DownloadRow(jobID: 1, camera: name, phase: .paused(nil), mediaDone: total * 0.5, mediaTotal: total, bytes: 921_600_000,
                                        files: 2)
            }
        }
    }

    static func log(_ s: inout AppState) {
        s.addLog(.info, Localized(vi: "Tìm thấy VTrack Simulated NVR (127.0.0.1).", en: "Found VTrack Simulated NVR (127.0.0.1)."))
        s.addLog(.error, Localized(vi: "nvr_kho_2: sai tên người dùng hoặc mật khẩu; hãy kiểm tra tài khoản ONVIF trên thiết bị.",
                                   en: "nvr_kho_2: wrong user name or password; check the ONVIF account on the device."))
        s.addLog(.ok, UIText.connected("VTrack SIM-NVR", 4))
    }

    /// The state of a scene at a window size, in a language and theme.
    public static func state(_ scene: Scene, lang: Language, theme: Theme, width: Int = 80, height: Int = 24) -> AppState {
        var s = AppState(lang: lang, theme: theme, width: width, height: height, now: now, utcOffset: utcOffset)
        s.sources.saved = [
            SavedSource(name: "nvr_localhost", host: "127.0.0.1", port: 8080, user: "admin", cameras: cameras,
                        selected: [cameras[0].name, cameras[2].name], videoRoot: "nvr_downloads",
                        lastResult: UIText.connected("VTrack SIM-NVR", 4), lastOK: true),
            SavedSource(name: "nvr_kho_2", host: "192.168.1.64", port: 80, user: "admin", cameras: [], selected: [],
                        lastResult: Localized(vi: "sai tên người dùng hoặc mật khẩu", en: "wrong user name or password"), lastOK: false),
        ]
        s.sources.loadStatus = .loaded
        s.sources.found = [
            FoundDevice(id: "urn:uuid:5f1c-sim", name: "VTrack Simulated NVR", hardware: "SIM-NVR", host: "127.0.0.1", port: 8080,
                        xaddr: "http://127.0.0.1:8080/onvif/device_service", profiles: ["S", "G"]),
            FoundDevice(id: "urn:uuid:hik-1", name: "DS-7608NI", hardware: "DS-7608NI-K2", host: "192.168.1.64", port: 80,
                        xaddr: "http://192.168.1.64/onvif/device_service", profiles: ["S", "G", "T"]),
            FoundDevice(id: "urn:uuid:dahua-9", name: "Camera cổng sau", hardware: "IPC-HFW2431S", host: "10.0.5.21", port: 80,
                        xaddr: "http://10.0.5.21/onvif/device_service", profiles: ["S"], otherSubnet: true),
        ]
        log(&s)
        func tested(_ s: inout AppState) {
            s.form.address.set("127.0.0.1"); s.form.port.set("8080"); s.form.user.set("admin"); s.form.password.set("admin123")
            s.form.name.set("nvr_localhost"); s.form.videoRoot.set("nvr_downloads")
            s.form.outcome = Notice(UIText.connected("VTrack SIM-NVR", 4), level: .ok)
            s.cameras.connection = connection
            s.cameras.device = device
            s.cameras.rows = cameras.enumerated().map { i, c in CameraRow(camera: c, selected: i == 0 || i == 2, reachable: i != 3) }
        }
        func saved(_ s: inout AppState) {
            tested(&s)
            s.cameras.savedSelection = s.cameras.selectedNames
            s.cameras.report = SaveReport(videoRoot: "nvr_downloads", folders: [
                .init(camera: cameras[0].name, path: "nvr_downloads/nvr_localhost/Cổng trước", freeGB: 51.2),
                .init(camera: cameras[2].name, path: "nvr_downloads/nvr_localhost/Bàn đóng gói 1", freeGB: 51.2),
            ], freeGB: 51.2, ok: true)
        }
        switch scene {
        case .sources:
            s.sources.savedCursor = 0
        case .form:
            s.screen = .form
            s.form.address.set("127.0.0.1"); s.form.port.set("8080"); s.form.user.set("admin"); s.form.password.set("admin123")
            s.form.name.set("nvr_localhost"); s.form.videoRoot.set("nvr_downloads")
            s.form.testing = true
            s.form.outcome = Notice(UIText.testing(host: "127.0.0.1", port: 8080), level: .info)
            s.focus = .formField(.testButton)
        case .formError:
            s.screen = .form
            s.form.address.set("192.168.1.64"); s.form.port.set("80"); s.form.user.set("admin"); s.form.password.set("wrong")
            s.form.name.set("nvr_kho_2"); s.form.videoRoot.set("nvr_downloads")
            s.form.outcome = Notice(Localized(vi: "Sai tên người dùng hoặc mật khẩu cho 192.168.1.64:80; hãy kiểm tra tài khoản ONVIF trên thiết bị (một số đầu ghi cần tài khoản ONVIF riêng).",
                                              en: "Wrong user name or password for 192.168.1.64:80; check the ONVIF account on the device (some NVRs need a separate ONVIF user)."), level: .error)
            s.focus = .formField(.password)
        case .cameras:
            tested(&s)
            s.screen = .cameras; s.focus = .cameraGrid; s.cameras.cursor = 1
        case .saveReport:
            saved(&s)
            s.screen = .cameras; s.focus = .cameraGrid; s.modal = .saveReport
        case .dates:
            saved(&s)
            s.screen = .dates; s.focus = .calendar
            let today = LocalDay.of(now, utcOffset: utcOffset)
            s.dates.cursor = today - 1; s.dates.start = today - 1; s.dates.end = today - 1
            s.dates.coverageFrom = LocalDay.instant(LocalDay.firstOfMonth(today), utcOffset: utcOffset)
            s.dates.coverageTo = now.addingTimeInterval(86_400)
            s.dates.coverage = coverage(for: s.cameras.selectedNames)
            s.dates.coverageStatus = .loaded
        case .downloads:
            saved(&s)
            s.screen = .downloads; s.focus = .downloadList
            s.downloads.rows = downloadRows(count: 6)
            let today = LocalDay.of(now, utcOffset: utcOffset)
            s.downloads.jobs = [DownloadJobInfo(id: 1, source: s.cameras.connection?.name ?? "", from: LocalDay.instant(today - 1, utcOffset: utcOffset),
                                                to: LocalDay.instant(today, utcOffset: utcOffset), phase: .running)]
            s.downloads.cursor = 1
        case .help:
            tested(&s)
            s.screen = .cameras; s.focus = .cameraGrid; s.modal = .help
        case .confirmQuit:
            saved(&s)
            s.screen = .downloads; s.focus = .downloadList
            s.downloads.rows = downloadRows(count: 4)
            s.downloads.jobs = [DownloadJobInfo(id: 1, source: s.cameras.connection?.name ?? "", phase: .running)]
            s.modal = .confirmQuit
        case .tooSmall:
            s.width = min(width, 60); s.height = min(height, 20)
        }
        return s
    }
}
