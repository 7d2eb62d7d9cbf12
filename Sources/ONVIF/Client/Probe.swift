import Common
import Foundation

/// Everything `probe()` learns about a device.
public struct ProbeResult: Sendable, Codable, Equatable {
    public var device: DeviceInfo
    public var services: ServiceMap
    /// One camera per video source, in channel order.
    public var cameras: [Camera]

    public init(device: DeviceInfo, services: ServiceMap, cameras: [Camera]) {
        self.device = device
        self.services = services
        self.cameras = cameras
    }
}

extension ONVIFClient {
    /// Connects, logs in, and lists every camera of the device with its streams.
    ///
    /// Order of work: the clock offset (unauthenticated), the service map (the first authenticated
    /// call, alone, so a wrong password is found once); then device information, scopes, Media and
    /// Media2 profiles and the video sources at once; then every stream and snapshot URI at once,
    /// on up to `maxConcurrentRequests` kept-alive connections.
    ///
    /// One odd profile or one failing URI never aborts the listing; a refused login, a lost device
    /// or a device with no media service does.
    public func probe() throws -> ProbeResult {
        let map = try services()
        guard map.offers(.media) || map.offers(.media2) else { throw ONVIFError.serviceNotSupported(service: "Media") }

        enum Fetched: Sendable {
            case info(DeviceInfo), scopes([String]), media1([MediaProfile]), sources([String]), media2([MediaProfile]), clock(Date)
        }
        var tasks: [@Sendable () throws -> Fetched] = [
            { .info(try self.deviceInformation()) },
            { .scopes(try self.scopes()) },
        ]
        if map.offers(.media) {
            tasks.append { .media1(try self.media1Profiles()) }
            tasks.append { .sources(try self.videoSourceTokens()) }
        }
        if map.offers(.media2) { tasks.append { .media2(try self.media2Profiles()) } }
        let needsAuthClock = state.withLock { $0.dateTimeNeedsAuth && $0.clockOffset == nil }
        if needsAuthClock { tasks.append { .clock(try self.systemDateAndTime(authenticate: true)) } }

        var info = DeviceInfo()
        var scopes: [String] = []
        var media1: [MediaProfile]?, media2: [MediaProfile]?
        var sources: [String] = []
        var profileErrors: [any Error] = []
        let work = tasks
        for r in parallelMap(work, width: options.maxConcurrentRequests, { try $0() }) {
            switch r {
            case .success(.info(let d)): info = d
            case .success(.scopes(let s)): scopes = s
            case .success(.media1(let p)): media1 = p
            case .success(.media2(let p)): media2 = p
            case .success(.sources(let s)): sources = s
            case .success(.clock(let d)):
                let offset = d.timeIntervalSinceNow + 0.5
                state.withLock { $0.clockOffset = abs(offset) < 1 ? 0 : offset }
            case .failure(let e):
                if Self.isFatal(e) { throw e }
                profileErrors.append(e)
            }
        }
        // device information is required; the rest may be missing
        if info == DeviceInfo(), let e = profileErrors.first(where: { ($0 as? ONVIFError).map(Self.isDeviceInfoError) ?? false }) { throw e }
        if media1 == nil && media2 == nil { throw profileErrors.first ?? ONVIFError.serviceNotSupported(service: "Media") }
        DeviceParsing.apply(scopes: scopes, to: &info)
        info.clockOffsetSeconds = clockOffset

        let profiles = CameraGrouping.merge(media1: media1 ?? [], media2: media2 ?? []).filter { $0.sourceToken != nil }

        // every stream URI, and one snapshot URI per camera (of its main profile)
        enum URIJob: Sendable { case stream(MediaProfile), snapshot(MediaProfile) }
        var jobs = profiles.map(URIJob.stream)
        var mains: [String: MediaProfile] = [:]
        for p in profiles {
            guard let src = p.sourceToken else { continue }
            if let m = mains[src], CameraGrouping.rank([m, p]).first == m { continue }
            mains[src] = p
        }
        jobs += profiles.filter { p in mains[p.sourceToken ?? ""] == p }.map(URIJob.snapshot)
        let uris = parallelMap(jobs, width: options.maxConcurrentRequests) { job -> String? in
            switch job {
            case .stream(let p): return p.service == .media1 ? try self.media1StreamURI(profileToken: p.token) : try self.media2StreamURI(profileToken: p.token)
            case .snapshot(let p): return p.service == .media1 ? try self.media1SnapshotURI(profileToken: p.token) : try self.media2SnapshotURI(profileToken: p.token)
            }
        }
        var streamURIs: [String: String] = [:], snapshotURIs: [String: String] = [:]
        for (job, r) in zip(jobs, uris) {
            switch r {
            case .success(let uri?):
                switch job {
                case .stream(let p): streamURIs[p.token] = uri
                case .snapshot(let p): if let s = p.sourceToken { snapshotURIs[s] = uri }
                }
            case .success(nil): break
            case .failure(let e): if Self.isFatal(e) { throw e } // a failing profile is skipped (B6)
            }
        }
        let cameras = CameraGrouping.cameras(host: address.host, profiles: profiles, sourceOrder: sources, streamURIs: streamURIs,
                                             snapshotURIs: snapshotURIs, device: info, hasRecordings: map.hasRecordings)
        return ProbeResult(device: info, services: map, cameras: cameras)
    }

    /// Errors that end a probe: the device is gone, is not ONVIF, or refuses the login.
    static func isFatal(_ e: any Error) -> Bool {
        guard let o = e as? ONVIFError else { return true }
        switch o {
        case .unreachable, .connectionRefused, .timeout, .tlsCertificate, .network, .notONVIF, .invalidAddress: return true
        default: return o.isAuthenticationFailure
        }
    }

    static func isDeviceInfoError(_ e: ONVIFError) -> Bool {
        if case .malformedAnswer(let action, _) = e { return action == "GetDeviceInformation" }
        if case .deviceFault(let action, _, _) = e { return action == "GetDeviceInformation" }
        return false
    }
}
