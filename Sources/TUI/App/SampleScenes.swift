import Foundation
import Common
import Core
import Pictures

/// Fixed, deterministic states of every screen: used by the snapshot tests, the screenshot
/// script (`vtrack tui-scene`) and the frame-time benchmark. Nothing here talks to an engine.
public enum SampleScenes {
    /// One scene per screen and dialog.
    public enum Scene: String, CaseIterable, Sendable {
        case sources, form, formError, cameras, saveReport, dates, downloads, help, confirmQuit, tooSmall
        /// The camera grid with pictures (loaded, loading, failed), eight cameras.
        case cameraPictures
        /// The full-screen preview of one camera.
        case preview
        /// The preview of a PTZ camera while a held key turns it: position, moving, speed, presets.
        case previewPTZ
        /// The same, with the prompt for a new preset's name open.
        case presetName
    }

    /// The presets of the PTZ scenes (digits 1–9 go to them).
    public static let presets: [PTZPreset] = ["Cổng", "Kho", "Bàn 1", "Bàn 2", "Bãi xe", "Lối đi", "Cửa sau", "Mái", "Toàn cảnh"]
        .enumerated().map { PTZPreset(token: "preset_\($0.offset + 1)", name: $0.element) }

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

    /// Cameras 5…8 of the picture scene, with the factory names real NVRs keep.
    public static let moreCameras: [Camera] = (5...8).map { ch in
        let main = StreamInfo(profileToken: "main_\(ch)", profileName: "Main", codec: "H264", width: 1280, height: 720, fps: 25,
                              uri: "rtsp://127.0.0.1:8554/ch\(ch)/main")
        return Camera(id: "onvif_127.0.0.1_VS\(ch)", name: String(format: "Camera %02d", ch), streamURL: main.uri ?? "",
                      resolution: "1280x720", codec: "H264", capabilities: ["video"], channel: ch, sourceToken: "VS\(ch)", mainStream: main)
    }

    /// A deterministic test picture per channel (160x90): a sky-and-ground gradient, stripes,
    /// a checkerboard, a block on a plain field, …, so each tile looks different and a colour
    /// mix-up shows.
    public static func testPicture(channel: Int, width: Int = 160, height: Int = 90) -> Picture {
        var px = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let fx = Double(x) / Double(max(1, width - 1)), fy = Double(y) / Double(max(1, height - 1))
                var c: (Double, Double, Double)
                switch (channel - 1) % 6 {
                case 0:   // sky over grass, a sun
                    c = fy < 0.55 ? (40 + 80 * fy, 110 + 120 * fy, 235) : (40, 150 - 60 * (fy - 0.55), 50)
                    let dx = fx - 0.75, dy = fy - 0.22
                    if dx * dx * 3 + dy * dy < 0.012 { c = (250, 215, 60) }
                case 1:   // vertical stripes
                    c = (x / (width / 8)) % 2 == 0 ? (220, 40, 40) : (245, 245, 245)
                case 2:   // checkerboard
                    c = ((x / (width / 8)) + (y / (height / 4))) % 2 == 0 ? (20, 20, 20) : (240, 200, 0)
                case 3:   // a block on a plain field
                    c = (fx > 0.3 && fx < 0.7 && fy > 0.25 && fy < 0.75) ? (250, 120, 0) : (30, 60, 120)
                case 4:   // a grey ramp
                    let v = 255 * fx
                    c = (v, v, v)
                default:  // a colour ramp
                    c = (255 * fx, 255 * (1 - fx), 255 * fy)
                }
                let i = (y * width + x) * 3
                px[i] = UInt8(max(0, min(255, c.0))); px[i + 1] = UInt8(max(0, min(255, c.1))); px[i + 2] = UInt8(max(0, min(255, c.2)))
            }
        }
        return Picture(width: width, height: height, rgb: px)
    }

    /// The shown picture of a sample camera (taken two seconds before `now`).
    public static func shownPicture(_ camera: Camera) -> ShownPicture {
        let size = camera.mainStream.map { ($0.width ?? 1920, $0.height ?? 1080) } ?? (1920, 1080)
        return ShownPicture(picture: testPicture(channel: camera.channel), width: size.0, height: size.1,
                            takenAt: now.addingTimeInterval(-2), origin: .snapshot)
    }

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
        case .cameraPictures:
            tested(&s)
            s.cameras.rows += moreCameras.map { CameraRow(camera: $0, reachable: $0.channel != 7) }
            s.screen = .cameras; s.focus = .cameraGrid; s.cameras.cursor = 1
            for row in s.cameras.rows {
                switch row.camera.channel {
                case 3: s.pictures[row.camera.id] = PictureSlot(loading: true)
                case 7: s.pictures[row.camera.id] = PictureSlot(failure: Localized(
                    vi: "Không có ảnh: thiết bị từ chối đăng nhập để lấy ảnh; hãy kiểm tra tài khoản.",
                    en: "No picture: the device refused the snapshot login; check the account."))
                default: s.pictures[row.camera.id] = PictureSlot(shown: shownPicture(row.camera))
                }
            }
        case .preview:
            tested(&s)
            s.screen = .cameras; s.focus = .cameraGrid; s.cameras.cursor = 0
            let cam = cameras[0]
            s.pictures[cam.id] = PictureSlot(shown: shownPicture(cam))
            s.pictures.preview = PreviewState(cameraID: cam.id, ticksToRefresh: s.pictureSettings.refreshTicks)
        case .previewPTZ, .presetName:
            tested(&s)
            s.screen = .cameras; s.focus = .cameraGrid; s.cameras.cursor = 0
            let cam = cameras[0]
            s.pictures[cam.id] = PictureSlot(shown: shownPicture(cam))
            var ptz = PTZState(cameraID: cam.id, phase: .ready(PTZCapabilities(
                panTilt: true, zoom: true, continuousMove: true, relativeMove: true, absoluteMove: true, home: true, maxPresets: 64,
                panRange: -1...1, tiltRange: -1...1, zoomRange: 0...1)))
            ptz.status = PTZStatus(pan: -0.25, tilt: 0.1, zoom: 0.4, moving: true)
            ptz.presets = presets
            ptz.ticksToStatus = PTZState.movingStatusTicks
            if scene == .presetName {
                ptz.status?.moving = false
                var field = TextField("", maxLength: 64)
                field.set("Cổng sau")
                ptz.naming = field
            }
            s.pictures.preview = PreviewState(cameraID: cam.id, ticksToRefresh: PictureSettings.movingRefreshTicks, ptz: ptz)
        }
        return s
    }
}
