import Dispatch
import Foundation
import Common

/// Runs the app's commands with the real engines on a background queue and reports back
/// with events. This file is the only glue between the terminal app and the engines.
///
/// Engines not built into this binary yet answer with `.unavailable`, a sentence saying so.
public final class EngineCommandRunner: CommandRunning {
    private let work = DispatchQueue(label: "vtrack.engine", attributes: .concurrent)
    /// The database file (`--db`), or nil for the default location.
    public let databasePath: String?

    public init(databasePath: String?) {
        self.databasePath = databasePath
    }

    public func run(_ command: Command, send: @escaping @Sendable (AppEvent) -> Void) {
        work.async { [self] in execute(command, send) }
    }

    public func shutdown() {}

    private func execute(_ command: Command, _ send: @escaping @Sendable (AppEvent) -> Void) {
        switch command {
        case let .checkStreams(_, cameras):
            DispatchQueue.concurrentPerform(iterations: cameras.count) { i in
                let uri = cameras[i].mainStream?.uri ?? cameras[i].streamURL
                send(.streamChecked(cameraID: cameras[i].id, reachable: !uri.isEmpty && StreamCheck.isReachable(uri)))
            }
        case .loadSources, .saveConfig:
            send(.unavailable(command, Self.notBuilt(Localized(vi: "kho dữ liệu (SQLite)", en: "database (SQLite)"))))
        case .startDiscovery:
            send(.unavailable(command, Self.notBuilt(Localized(vi: "dò thiết bị (WS-Discovery)", en: "device search (WS-Discovery)"))))
        case .probe:
            send(.unavailable(command, Self.notBuilt(Localized(vi: "kết nối ONVIF", en: "ONVIF connection"))))
        case .loadCoverage, .startDownload:
            send(.unavailable(command, Self.notBuilt(Localized(vi: "tìm và tải bản ghi (Profile G)", en: "recording search and download (Profile G)"))))
        case .resumeDownloads, .pauseDownload, .resumeDownload, .cancelDownload, .quit:
            break
        }
    }

    /// "This build does not include X yet."
    static func notBuilt(_ what: Localized) -> Localized {
        Localized(vi: "Bản VTrack này chưa có phần \(what.vi); hãy cập nhật lên bản mới hơn.",
                  en: "This build of VTrack does not include the \(what.en) yet; update to a newer build.")
    }
}
