import Common
import Core
import Foundation

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

    /// A sweep that fails is shown in the found-devices pane; a listener that cannot start only
    /// costs the live Hello/Bye updates, so it is a warning in the log.
    static func discoveryEvent(_ e: DiscoveryEvent) -> AppEvent? {
        switch e {
        case let .found(d), let .updated(d): return .discovery(.found(foundDevice(d)))
        case let .left(id, _): return .discovery(.gone(id: id))
        case let .sweepFinished(r): return .discovery(.sweepFinished(count: r.devices.count))
        case let .sweepFailed(error): return .discovery(.failed(error.message))
        case let .listenerFailed(error):
            return .log(.warning, Localized(vi: "Không nghe được thông báo Hello/Bye: \(error.message.vi)",
                                            en: "Cannot listen for Hello/Bye announcements: \(error.message.en)"))
        case .malformed: return nil
        }
    }

    static func coverage(_ c: CameraRecordings) -> CameraCoverage {
        CameraCoverage(camera: c.key, intervals: c.coverage.intervals.map { .init(start: $0.start, end: $0.end) })
    }

    static func phase(_ state: DownloadState, _ reason: Localized?) -> DownloadPhase {
        switch state {
        case .queued: return .queued
        case .running: return .running
        case .retrying: return .retrying(reason ?? Localized(vi: "đang kết nối lại", en: "reconnecting"))
        case .paused: return .paused(reason)
        case .done: return .done
        case .failed: return .failed(reason ?? Localized(vi: "lỗi không rõ", en: "unknown error"))
        case .cancelled: return .cancelled
        }
    }

    static func row(_ p: CameraProgress, job: Int64) -> DownloadRow {
        DownloadRow(jobID: job, camera: p.camera, phase: phase(p.state, p.reason), mediaDone: p.mediaSeconds, mediaTotal: p.coveredSeconds ?? 0,
                    bytes: p.bytes, bytesPerSecond: p.bytesPerSecond, realtimeFactor: p.realTimeFactor, etaSeconds: p.eta, files: p.files)
    }

    static func downloadEvent(_ e: DownloadEvent) -> AppEvent {
        switch e {
        case let .progress(job):
            let info = DownloadJobInfo(id: job.jobID, source: job.sourceName, from: job.range?.start, to: job.range?.end,
                                       phase: phase(job.state, job.reason))
            return .downloadProgress(info, job.cameras.map { row($0, job: job.jobID) })
        case let .stopped(summary):
            return .downloadFinished(jobID: summary.jobID, phase(summary.state, summary.reason), summary.headline)
        }
    }
}
