import Common
import Core
import Foundation
import ONVIF
import Store

/// Turns engine records into what the screens show.
enum EngineMapping {
    static func savedSource(_ s: VideoSource, videoRoot: String) -> SavedSource {
        SavedSource(name: s.name, host: s.host, port: s.config.port ?? 80, user: s.config.username,
                    cameras: s.config.detectedCameras, selected: s.config.selectedCameras, videoRoot: videoRoot)
    }

    /// A folder check as the save report: each camera's folder and free space, problems in words.
    static func report(_ v: PathValidation) -> SaveReport {
        let folders = v.cameras.map { c in
            SaveReport.Folder(camera: c.camera, path: c.path, freeGB: c.freeGB,
                              problem: c.ok ? nil : v.problems.first(where: { $0.camera == c.camera && $0.severity == .error })?.message
                                ?? Localized(vi: "Thư mục này không dùng được.", en: "This folder cannot be used."))
        }
        let general = v.errors.filter { $0.camera == nil }.map(\.message)
        let notes = v.problems.filter { $0.severity != .error }.map(\.message)
        let ok = v.validationStatus != .failed
        return SaveReport(videoRoot: v.videoRoot, folders: folders, freeGB: v.diskSpaceGB, ok: ok,
                          problem: ok ? nil : (general.first ?? Localized(vi: "Chưa lưu: có thư mục không dùng được.",
                                                                          en: "Not saved: some folders cannot be used.")),
                          notes: notes)
    }

    static func foundDevice(_ d: DiscoveredDevice) -> FoundDevice {
        var host = d.addresses.first.map { "\($0)" } ?? ""
        var port = 80
        if let x = d.xaddr, let url = URLComponents(string: x) {
            if let h = url.host, !h.isEmpty { host = h }
            port = url.port ?? (url.scheme == "https" ? 443 : 80)
        }
        return FoundDevice(id: d.endpointReference, name: d.name ?? "", hardware: d.hardware ?? "", host: host, port: port,
                           xaddr: d.xaddr ?? "", profiles: d.profiles, otherSubnet: d.differentSubnet)
    }

    static func discoveryUpdate(_ e: DiscoveryEvent) -> DiscoveryUpdate? {
        switch e {
        case let .found(d), let .updated(d): return .found(foundDevice(d))
        case let .left(id, _): return .gone(id: id)
        case let .sweepFinished(r): return .sweepFinished(count: r.devices.count)
        case let .failed(error): return .failed(error.message)
        case .malformed: return nil
        }
    }

    static func coverage(_ c: CameraRecordings) -> CameraCoverage {
        CameraCoverage(camera: c.key, intervals: c.coverage.intervals.map { .init(start: $0.start, end: $0.end) })
    }

    static func row(_ p: CameraProgress) -> DownloadRow {
        let phase: DownloadPhase
        switch p.state {
        case .queued: phase = .queued
        case .running: phase = .running
        case .retrying: phase = .retrying(p.reason ?? Localized(vi: "đang kết nối lại", en: "reconnecting"))
        case .paused: phase = .paused(p.reason)
        case .done: phase = .done
        case .failed: phase = .failed(p.reason ?? Localized(vi: "lỗi không rõ", en: "unknown error"))
        case .cancelled: phase = .cancelled
        }
        return DownloadRow(camera: p.camera, phase: phase, mediaDone: p.mediaSeconds, mediaTotal: p.coveredSeconds ?? 0, bytes: p.bytes,
                           bytesPerSecond: p.bytesPerSecond, realtimeFactor: p.realTimeFactor, etaSeconds: p.eta, files: p.files)
    }

    static func downloadEvents(_ e: DownloadEvent) -> [AppEvent] {
        switch e {
        case let .progress(job):
            return [.downloadProgress(job.cameras.map(row))]
        case let .stopped(summary):
            let level: LogLine.Level = summary.state == .done ? .ok : (summary.state == .failed ? .error : .warning)
            return [.log(level, finished(summary))]
        }
    }

    /// One sentence for a job that stopped.
    static func finished(_ s: DownloadSummary) -> Localized {
        let size = Format.bytes(s.bytes), hours = Format.hours(s.mediaSeconds)
        let head: Localized
        switch s.state {
        case .done: head = Localized(vi: "Lượt tải \(s.jobID) xong", en: "Download job \(s.jobID) done")
        case .paused: head = Localized(vi: "Lượt tải \(s.jobID) tạm dừng (sẽ tải tiếp)", en: "Download job \(s.jobID) paused (it will resume)")
        case .cancelled: head = Localized(vi: "Lượt tải \(s.jobID) đã huỷ", en: "Download job \(s.jobID) cancelled")
        case .failed: head = Localized(vi: "Lượt tải \(s.jobID) lỗi", en: "Download job \(s.jobID) failed")
        default: head = Localized(vi: "Lượt tải \(s.jobID) dừng", en: "Download job \(s.jobID) stopped")
        }
        let reason = s.reason.map { (vi: " " + $0.vi, en: " " + $0.en) } ?? (vi: "", en: "")
        return Localized(vi: "\(head.vi): \(s.files) tệp, \(size), \(hours) có hình.\(reason.vi)",
                         en: "\(head.en): \(s.files) file\(s.files == 1 ? "" : "s"), \(size), \(hours) of footage.\(reason.en)")
    }
}
