import Common
import Foundation
import ONVIF
import Store

/// The downloader's view of a real device: coverage from Profile G search (the recordings
/// workflow: track-state events, placeholder times never believed, always EndSearch), replay
/// through GetReplayUri, and the vendor playback fallback (Hikvision, Dahua, or the source's
/// `playback_url_template`) when the device has no Profile G or refuses ONVIF replay (551).
public struct ONVIFRecordingAccess: RecordingAccess {
    public let source: VideoSource
    private let recordings: Recordings
    private let password: String?
    private let client: ONVIFClient

    public init(repository: Repository, source: VideoSource, password: String?, clientOptions: ClientOptions = ClientOptions()) throws {
        self.source = source
        self.password = password
        recordings = Recordings(repository: repository, clientOptions: clientOptions)
        // the password the engine was given (already decrypted once), not a second read of the store
        client = try Recordings.client(for: source, password: password, options: clientOptions)
    }

    public func plan(_ cameras: [DownloadCamera], in range: DateInterval) throws -> [PlannedCamera] {
        // through this access's client, so the clock offset is the one replay converts with
        let report = try Recordings.report(client: client, source: source, cameras: cameras.map { (key: $0.key, camera: $0.camera) },
                                           range: range, searchOptions: recordings.searchOptions)
        let fallbackName: String? = {
            if case .fallback(let f) = report.playback { return f.name }
            return (try? PlaybackFallback.forSource(source, device: report.device))??.name
        }()
        return cameras.map { c in
            guard let r = report.cameras.first(where: { $0.key == c.key }) else {
                return PlannedCamera(camera: c.key, covered: [], replay: .fallback(name: fallbackName ?? ""))
            }
            if let token = r.recording?.token, r.replayURI != nil {
                return PlannedCamera(camera: c.key, covered: r.coverage.intervals, replay: .onvif(recordingToken: token))
            }
            if r.fallbackURL != nil, let name = fallbackName {
                return PlannedCamera(camera: c.key, covered: r.coverage.intervals, replay: .fallback(name: name))
            }
            // no recording of this camera: nothing to download
            return PlannedCamera(camera: c.key, covered: [], replay: .fallback(name: fallbackName ?? ""))
        }
    }

    public func replayAddress(_ replay: ReplaySource, camera: DownloadCamera, piece: DateInterval) throws -> ReplayAddress {
        switch replay {
        case .onvif(let token):
            return ReplayAddress(url: try client.replayURI(recordingToken: token), onvifReplay: true)
        case .fallback:
            guard let f = try PlaybackFallback.forSource(source, device: source.config.device) else {
                throw DownloadError.noRecordingsOverONVIF(device: source.host)
            }
            // the device's times, in whole seconds: the start rounded down, the end up (the client
            // stops at the end itself)
            let offset = try deviceClockOffset()
            let s = Date(timeIntervalSince1970: (piece.start.timeIntervalSince1970 + offset).rounded(.down))
            let e = Date(timeIntervalSince1970: (piece.end.timeIntervalSince1970 + offset).rounded(.up))
            return ReplayAddress(url: f.url(camera: camera.camera, interval: DateInterval(start: s, end: max(s, e))), onvifReplay: false)
        }
    }

    public func fallback(for camera: DownloadCamera) -> ReplaySource? {
        guard let f = try? PlaybackFallback.forSource(source, device: source.config.device) else { return nil }
        return .fallback(name: f.name)
    }

    public func deviceClockOffset() throws -> Double {
        try client.measuredClockOffset() ?? 0
    }

    public var rtspCredentials: (user: String, password: String)? {
        source.config.username.isEmpty ? nil : (source.config.username, password ?? "")
    }
}
