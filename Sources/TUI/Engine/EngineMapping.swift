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
}
