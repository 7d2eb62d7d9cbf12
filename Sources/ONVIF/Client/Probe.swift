import Common
import Foundation
import Synchronization

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
    /// Order of work: the clock offset (unauthenticated), the service map, device information (the
    /// first call that surely needs the login, alone, so a wrong password is found once); then, on
    /// up to `maxConcurrentRequests` kept-alive connections, scopes, Media and Media2 profiles and
    /// the video sources, each list's stream URIs as soon as it arrives, and one snapshot URI per camera.
    ///
    /// One odd profile or one failing URI never aborts the listing; a refused login, a lost device
    /// or a device with no media service does.
    public func probe() throws -> ProbeResult {
        let map = try services()
        guard map.offers(.media) || map.offers(.media2) else { throw ONVIFError.serviceNotSupported(service: "Media") }
        // GetServices needs no login on devices that follow the specification (PRE_AUTH), so the
        // login is first checked here, alone: a wrong password must never be tried in parallel
        let firstInfo = Result { try deviceInformation() }
        if case .failure(let e) = firstInfo, Self.isFatal(e) { throw e }

        let state = ProbeState()
        state.data.withLock { d in
            switch firstInfo {
            case .success(let info): d.info = info
            case .failure(let e): d.errors.append(e)
            }
        }
        let pool = JobPool(width: options.maxConcurrentRequests)
        /// A job that records its error (fatal ones stop every later job) instead of throwing.
        @Sendable func job(_ body: @escaping @Sendable () throws -> Void) -> JobPool.Job {
            { [state] in
                if state.data.withLock({ $0.fatal != nil }) { return }
                do { try body() } catch { state.record(error) }
            }
        }
        /// Once both profile lists are in (or failed), asks for the Media2-only stream URIs and one
        /// snapshot URI per camera; Media1 stream URIs were asked for as soon as their list came.
        let settle: @Sendable () -> Void = { [self, state] in
            guard let profiles = state.settledProfiles() else { return }
            for p in profiles where p.service == .media2 && p.sourceToken != nil {
                pool.add(job { let u = try self.media2StreamURI(profileToken: p.token); state.data.withLock { $0.streamURIs[p.token] = u } })
            }
            for p in ProbeState.mains(profiles) {
                pool.add(job {
                    let u = p.service == .media1 ? try self.media1SnapshotURI(profileToken: p.token) : try self.media2SnapshotURI(profileToken: p.token)
                    if let src = p.sourceToken { state.data.withLock { $0.snapshotURIs[src] = u } }
                })
            }
        }

        pool.add(job { let s = try self.scopes(); state.data.withLock { $0.scopes = s } })
        if map.offers(.media) {
            pool.add { [state] in
                do {
                    let list = try self.media1Profiles()
                    state.data.withLock { $0.media1 = list }
                    for p in list where p.sourceToken != nil {
                        pool.add(job { let u = try self.media1StreamURI(profileToken: p.token); state.data.withLock { $0.streamURIs[p.token] = u } })
                    }
                } catch {
                    state.record(error)
                }
                state.data.withLock { $0.media1Settled = true }
                settle()
            }
            pool.add(job { let s = try self.videoSourceTokens(); state.data.withLock { $0.sources = s } })
        } else {
            state.data.withLock { $0.media1Settled = true }
        }
        if map.offers(.media2) {
            pool.add { [state] in
                do {
                    let list = try self.media2Profiles()
                    state.data.withLock { $0.media2 = list }
                } catch {
                    state.record(error)
                }
                state.data.withLock { $0.media2Settled = true }
                settle()
            }
        } else {
            state.data.withLock { $0.media2Settled = true }
        }
        if self.state.withLock({ $0.dateTimeNeedsAuth && $0.clockOffset == nil }) {
            pool.add(job {
                let sent = Date()
                let d = try self.systemDateAndTime(authenticate: true)
                let offset = ClockOffset.measured(deviceTime: d, sent: sent, answered: Date())
                self.state.withLock { $0.clockOffset = ClockOffset.kept(offset) }
            })
        }
        pool.run()

        let r = state.data.withLock { $0 }
        if let fatal = r.fatal { throw fatal }
        // device information is required; the rest may be missing
        if r.info == nil, let e = r.errors.first(where: { ($0 as? ONVIFError).map(Self.isDeviceInfoError) ?? false }) { throw e }
        if r.media1 == nil && r.media2 == nil { throw r.errors.first ?? ONVIFError.serviceNotSupported(service: "Media") }
        var info = r.info ?? DeviceInfo()
        DeviceParsing.apply(scopes: r.scopes, to: &info)
        info.clockOffsetSeconds = clockOffset
        let profiles = CameraGrouping.merge(media1: r.media1 ?? [], media2: r.media2 ?? []).filter { $0.sourceToken != nil }
        let cameras = CameraGrouping.cameras(host: address.host, profiles: profiles, sourceOrder: r.sources,
                                             streamURIs: r.streamURIs.compactMapValues { $0 }, snapshotURIs: r.snapshotURIs.compactMapValues { $0 },
                                             device: info, hasRecordings: map.hasRecordings, hasPTZ: map.offers(.ptz))
        return ProbeResult(device: info, services: map, cameras: cameras)
    }

    /// Errors that end a probe: the device is gone, is not ONVIF, or refuses the login.
    static func isFatal(_ e: any Error) -> Bool {
        guard let o = e as? ONVIFError else { return true }
        return o.isConnectionFailure || o.isAuthenticationFailure
    }

    static func isDeviceInfoError(_ e: ONVIFError) -> Bool {
        if case .malformedAnswer(let action, _) = e { return action == "GetDeviceInformation" }
        if case .deviceFault(let action, _, _) = e { return action == "GetDeviceInformation" }
        return false
    }
}

/// What the jobs of one probe have collected so far.
final class ProbeState: Sendable {
    struct Data: Sendable {
        var info: DeviceInfo?
        var scopes: [String] = []
        var media1: [MediaProfile]?
        var media2: [MediaProfile]?
        var media1Settled = false
        var media2Settled = false
        var followUpsQueued = false
        var sources: [String] = []
        var streamURIs: [String: String?] = [:]
        var snapshotURIs: [String: String?] = [:]
        var errors: [any Error] = []
        var fatal: (any Error)?
    }

    let data = Mutex(Data())

    /// Keeps a non-fatal error (one odd answer) or stops the probe on a fatal one.
    func record(_ error: any Error) {
        data.withLock { d in
            if ONVIFClient.isFatal(error) {
                if d.fatal == nil { d.fatal = error }
            } else {
                d.errors.append(error)
            }
        }
    }

    /// The merged profiles, once, when both lists are settled; nil before and after.
    func settledProfiles() -> [MediaProfile]? {
        data.withLock { d -> [MediaProfile]? in
            guard d.media1Settled, d.media2Settled, !d.followUpsQueued, d.fatal == nil else { return nil }
            d.followUpsQueued = true
            return CameraGrouping.merge(media1: d.media1 ?? [], media2: d.media2 ?? []).filter { $0.sourceToken != nil }
        }
    }

    /// The main profile of each video source.
    static func mains(_ profiles: [MediaProfile]) -> [MediaProfile] {
        var bySource: [String: [MediaProfile]] = [:]
        var order: [String] = []
        for p in profiles {
            guard let s = p.sourceToken else { continue }
            if bySource[s] == nil { order.append(s) }
            bySource[s, default: []].append(p)
        }
        return order.compactMap { CameraGrouping.rank(bySource[$0] ?? []).first }
    }
}
