import Common
import Foundation
import ONVIF
import Store

/// The recordings workflow: for a saved source, a time range and camera names, what footage
/// each camera has (coverage with gaps) and how to replay it (ONVIF replay URI, or a vendor /
/// template playback URL). Blocking: run it on a background queue.
///
/// ```swift
/// let recordings = Recordings(repository: repo)
/// let report = try recordings.report(RecordingsRequest(sourceName: "nvr_localhost",
///                                                      range: DateInterval(start: from, end: to),
///                                                      cameras: ["Camera 01"]))
/// for c in report.cameras { print(c.key, c.coverage.hours, c.replayURI ?? c.fallbackURL ?? "-") }
/// ```
/// Every search is ended (EndSearch) whatever happens, and the password never leaves the store
/// except into the ONVIF client.
public struct Recordings: Sendable {
    public let repository: Repository
    public var clientOptions: ClientOptions
    public var searchOptions: SearchOptions

    public init(repository: Repository, clientOptions: ClientOptions = ClientOptions(), searchOptions: SearchOptions = SearchOptions()) {
        self.repository = repository
        self.clientOptions = clientOptions
        self.searchOptions = searchOptions
    }

    /// An ONVIF client for a saved source, logged in with its saved (decrypted) password.
    public func client(for source: VideoSource) throws -> ONVIFClient {
        // a user without a saved password: the store's own sentence ("no password saved for …")
        let password = source.config.username.isEmpty ? nil : try repository.password(for: source)
        return try Self.client(for: source, password: password, options: clientOptions)
    }

    /// An ONVIF client for a source with a password already at hand (nil: none saved).
    /// - Throws: `ONVIFError.invalidAddress` when the saved host cannot be used.
    public static func client(for source: VideoSource, password: String?, options: ClientOptions = ClientOptions()) throws -> ONVIFClient {
        var address = try DeviceAddress(parsing: source.host)
        if let port = source.config.port { address.port = port }
        let credentials = source.config.username.isEmpty ? nil : Credentials(user: source.config.username, password: password ?? "")
        return ONVIFClient(address: address, credentials: credentials, options: options)
    }

    /// The cameras a request names (keys and records, in the source's order): the names given,
    /// else the source's selection, else every camera.
    public static func cameras(of source: VideoSource, named names: [String]?) throws -> [(key: String, camera: Camera)] {
        let all = source.config.detectedCameras
        guard !all.isEmpty else { throw RecordingsRequestError.noCameras(source: source.name) }
        let keys = CameraKeys.keys(for: all)
        let pairs = zip(keys, all).map { (key: $0.0, camera: $0.1) }
        if let names, !names.isEmpty {
            let (found, unknown) = CameraKeys.resolve(names, in: all)
            if !unknown.isEmpty { throw RecordingsRequestError.unknownCameras(names: unknown, known: keys) }
            return pairs.filter { found.contains($0.key) }
        }
        let selected = source.config.selectedCameraRecords
        return selected.isEmpty ? pairs : selected
    }

    /// Looks at a source's recordings over `request.range`.
    /// - Throws: store errors (unknown source, password unavailable), `RecordingsRequestError`,
    ///   `RecordingsError.noProfileG` when the device offers no recordings over ONVIF and no
    ///   fallback is known, and `ONVIFError`s.
    public func report(_ request: RecordingsRequest, now: Date = Date()) throws -> RecordingsReport {
        let source = try repository.requireSource(named: request.sourceName)
        let chosen = try Self.cameras(of: source, named: request.cameras)
        let client = try client(for: source)
        return try Self.report(client: client, source: source, cameras: chosen, range: request.range, urlTemplate: request.urlTemplate,
                               searchOptions: searchOptions, now: now)
    }

    /// The report for cameras of a source through an already made client (what the downloader
    /// plans with): coverage per camera from one FindRecordings and one FindEvents, a replay URI
    /// per recording, or the fallback playback URLs.
    /// - Parameters:
    ///   - cameras: keys and records, e.g. from ``cameras(of:named:)``.
    ///   - urlTemplate: a playback URL template over the one saved on the source.
    public static func report(client: ONVIFClient, source: VideoSource, cameras chosen: [(key: String, camera: Camera)],
                              range requested: DateInterval, urlTemplate: String? = nil, searchOptions: SearchOptions = SearchOptions(),
                              now: Date = Date()) throws -> RecordingsReport {
        let range = CoverageRules.effectiveRange(requested, now: now)
        guard requested.start < requested.end, range.duration > 0 else {
            throw RecordingsRequestError.emptyRange(from: requested.start, to: requested.end)
        }
        let map = try client.services()
        let device = source.config.device ?? (try? client.deviceInformation()) ?? DeviceInfo()
        let fallback = try PlaybackFallback.forSource(source, device: device, template: urlTemplate)
        // The device stamps its recordings with its own clock: search and playback URLs use the
        // device's times (ours + offset), and what comes back is converted to ours.
        let offset = ((try? client.measuredClockOffset()) ?? nil) ?? 0
        let deviceRange = range.shifted(by: offset)

        guard map.hasRecordings else {
            let missing = [ONVIFService.search, .replay].filter { !map.offers($0) }.map(\.displayName)
            guard let fallback else { throw RecordingsError.noProfileG(missing: missing) }
            let cameras = chosen.map { c in
                CameraRecordings(key: c.key, camera: c.camera, recording: nil,
                                 coverage: Coverage(range: range, intervals: [range], basis: .unknown), replayURI: nil,
                                 fallbackURL: fallback.url(camera: c.camera, interval: deviceRange), note: nil)
            }
            return RecordingsReport(sourceName: source.name, device: device, range: range, profileG: false, playback: .fallback(fallback),
                                    noRecordings: false, note: Self.fallbackNote(missing: missing, fallback: fallback), cameras: cameras,
                                    clockOffset: offset)
        }

        let recordings = try client.findRecordings(options: searchOptions)
        let matched = RecordingMatcher.match(cameras: chosen.map(\.camera), recordings: recordings)
        var events: [TrackStateEvent] = []
        if !matched.isEmpty {
            let scope = SearchScope(recordings: chosen.indices.compactMap { matched[$0]?.token })
            events = try client.findTrackStates(in: deviceRange, scope: scope, options: searchOptions)
        }
        var cameras: [CameraRecordings] = []
        for (i, c) in chosen.enumerated() {
            guard let recording = matched[i] else {
                cameras.append(CameraRecordings(key: c.key, camera: c.camera, recording: nil, coverage: .none(range), replayURI: nil,
                                                fallbackURL: fallback?.url(camera: c.camera, interval: deviceRange),
                                                note: Self.noRecordingNote))
                continue
            }
            let coverage = CoverageRules.fromTrackStates(events, recording: recording, range: requested.shifted(by: offset),
                                                         now: now.addingTimeInterval(offset)).shifted(by: -offset)
            var uri: String?
            var note: Localized?
            do {
                uri = try client.replayURI(recordingToken: recording.token)
            } catch let e as any UserFacingError {
                if Self.isFatal(e) { throw e }
                note = e.message
            }
            cameras.append(CameraRecordings(key: c.key, camera: c.camera, recording: recording, coverage: coverage, replayURI: uri,
                                            fallbackURL: uri == nil ? fallback?.url(camera: c.camera, interval: deviceRange) : nil, note: note))
        }
        let none = recordings.isEmpty
        let playback: RecordingsReport.Playback = none ? (fallback.map { .fallback($0) } ?? .none) : .onvifReplay
        return RecordingsReport(sourceName: source.name, device: device, range: range, profileG: true, playback: playback,
                                noRecordings: none, note: none ? Self.noRecordingsNote(fallback: fallback) : nil, cameras: cameras,
                                clockOffset: offset)
    }

    /// Errors that end the whole report (the device is gone or refuses us), as opposed to one
    /// camera's replay URI failing.
    static func isFatal(_ e: any UserFacingError) -> Bool {
        guard let o = e as? ONVIFError else { return false }
        return o.isConnectionFailure || o.isAuthenticationFailure
    }

    static let noRecordingNote = Localized(
        vi: "Thiết bị không có bản ghi ONVIF cho camera này: hãy kiểm tra lịch ghi hình của camera trên đầu ghi.",
        en: "The device has no ONVIF recording of this camera: check the camera's recording schedule on the recorder.")

    static func noRecordingsNote(fallback: PlaybackFallback?) -> Localized {
        if let f = fallback {
            return Localized(
                vi: "Thiết bị không liệt kê bản ghi nào qua ONVIF; sẽ dùng URL phát lại kiểu \(f.name) thay thế (một số thiết bị chỉ liệt kê bản ghi sau khi tạo recording job qua ONVIF).",
                en: "The device lists no recordings over ONVIF; \(f.name)-style playback URLs are used instead (some devices list recordings only once a recording job was created over ONVIF).")
        }
        return Localized(
            vi: "Thiết bị không liệt kê bản ghi nào qua ONVIF: hãy kiểm tra lịch ghi hình trên đầu ghi, hoặc đặt mẫu URL phát lại cho nguồn này (một số thiết bị chỉ liệt kê bản ghi sau khi tạo recording job qua ONVIF).",
            en: "The device lists no recordings over ONVIF: check the recording schedule on the recorder, or set a playback URL template on this source (some devices list recordings only once a recording job was created over ONVIF).")
    }

    static func fallbackNote(missing: [String], fallback: PlaybackFallback) -> Localized {
        let list = missing.joined(separator: ", ")
        return Localized(
            vi: "Thiết bị không có dịch vụ ONVIF \(list) (Profile G): không biết trước đoạn nào có hình; sẽ thử cả khoảng bằng URL phát lại kiểu \(fallback.name).",
            en: "The device has no ONVIF \(list) service (Profile G): which parts hold footage is not known in advance; the whole range is tried with \(fallback.name)-style playback URLs.")
    }
}

/// What to look at: a saved source, a time range (UTC), and cameras.
public struct RecordingsRequest: Sendable, Equatable {
    public var sourceName: String
    public var range: DateInterval
    /// Camera names or keys; nil or empty: the source's selection (every camera when none is selected).
    public var cameras: [String]?
    /// A playback URL template for this request, over the saved one (see ``PlaybackURLTemplate``).
    public var urlTemplate: String?

    public init(sourceName: String, range: DateInterval, cameras: [String]? = nil, urlTemplate: String? = nil) {
        self.sourceName = sourceName
        self.range = range
        self.cameras = cameras
        self.urlTemplate = urlTemplate
    }
}
