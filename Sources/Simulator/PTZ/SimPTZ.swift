import Foundation
import Synchronization

/// The simulated PTZ cameras: one set of motors, presets and a home position per PTZ channel,
/// and a log of every PTZ request. The PTZ service (`SimPTZService`) drives it; snapshots read
/// where each camera points; tests read `report(channel:)`, `anyMoving` and `requests`.
public final class SimPTZ: Sendable {
    /// The channels with PTZ.
    public let channels: Set<Int>
    public let switches: SimPTZSwitches
    let clock: SimClock

    private struct Channel: Sendable {
        var motion: SimPTZMotion
        var presets: [SimPTZPreset]
        var home = SimPTZPosition()
        var nextPreset = 1
        var lastMove: SimPTZRequest?
        var lastStop: SimPTZRequest?
    }

    private let state: Mutex<[Int: Channel]>
    private let log = Mutex<[SimPTZRequest]>([])

    /// The most requests the log keeps (the oldest go first).
    public static let logLimit = 100_000

    init(channels: Set<Int>, switches: SimPTZSwitches, clock: SimClock) {
        self.channels = channels
        self.switches = switches
        self.clock = clock
        let now = clock.now()
        var s: [Int: Channel] = [:]
        for n in channels {
            // two presets to start with, as a camera that was installed would have
            s[n] = Channel(motion: SimPTZMotion(at: SimPTZPosition(), time: now),
                           presets: [SimPTZPreset(token: "1", name: "Gate", position: SimPTZPosition(pan: -0.5, tilt: 0.1, zoom: 0)),
                                     SimPTZPreset(token: "2", name: "Yard", position: SimPTZPosition(pan: 0.6, tilt: -0.3, zoom: 0.5))],
                           nextPreset: 3)
        }
        state = Mutex(s)
    }

    /// True when the channel has PTZ.
    public func has(_ channel: Int) -> Bool { channels.contains(channel) }

    /// True when the channel's node has zoom.
    public func hasZoom(_ channel: Int) -> Bool { !switches.noZoomChannels.contains(channel) }

    /// Where a channel points and what it was sent; nil for a channel without PTZ.
    public func report(channel: Int) -> SimPTZReport? {
        let now = clock.now()
        return state.withLock { s in
            guard let c = s[channel] else { return nil }
            return SimPTZReport(channel: channel, position: c.motion.position(at: now), moving: c.motion.moving(at: now),
                                    lastContinuousMove: c.lastMove, lastStop: c.lastStop, presets: c.presets, home: c.home)
        }
    }

    /// True while any channel moves.
    public var anyMoving: Bool {
        let now = clock.now()
        return state.withLock { s in s.values.contains { $0.motion.moving(at: now) } }
    }

    /// Every PTZ request received, oldest first.
    public var requests: [SimPTZRequest] { log.withLock { $0 } }

    /// Forgets the request log.
    public func clearRequests() { log.withLock { $0.removeAll() } }

    /// Where a channel points now (the snapshot's window); nil without PTZ.
    func position(channel: Int) -> SimPTZPosition? {
        let now = clock.now()
        return state.withLock { $0[channel]?.motion.position(at: now) }
    }

    // MARK: What the PTZ service does

    @discardableResult
    func record(_ operation: String, channel: Int, velocity: SimPTZVelocity? = nil, timeout: Double? = nil) -> SimPTZRequest {
        let r = SimPTZRequest(operation: operation, channel: channel, time: clock.now(), received: Date(), velocity: velocity, timeout: timeout)
        log.withLock { l in
            if l.count >= Self.logLimit { l.removeFirst(l.count / 10) }
            l.append(r)
        }
        return r
    }

    func status(channel: Int) -> (position: SimPTZPosition, moving: Bool, time: Date) {
        let now = clock.now()
        return state.withLock { s in
            let m = s[channel]?.motion ?? SimPTZMotion(at: SimPTZPosition(), time: now)
            return (m.position(at: now), m.moving(at: now), now)
        }
    }

    func continuousMove(channel: Int, velocity: SimPTZVelocity, timeout: Double?) {
        let r = record("ContinuousMove", channel: channel, velocity: velocity, timeout: timeout)
        let duration: Double? = switches.ignoresTimeout ? nil : (timeout ?? switches.defaultTimeout)
        state.withLock { s in
            s[channel]?.motion.move(velocity, duration: duration, time: r.time)
            s[channel]?.lastMove = r
        }
    }

    func stop(channel: Int, panTilt: Bool, zoom: Bool) {
        let r = record("Stop", channel: channel)
        state.withLock { s in
            s[channel]?.motion.stop(panTilt: panTilt, zoom: zoom, time: r.time)
            s[channel]?.lastStop = r
        }
    }

    func jump(channel: Int, operation: String, to target: (SimPTZPosition) -> SimPTZPosition) {
        let r = record(operation, channel: channel)
        state.withLock { s in
            guard let c = s[channel] else { return }
            s[channel]?.motion.jump(to: target(c.motion.position(at: r.time)), time: r.time)
        }
    }

    func presets(channel: Int) -> [SimPTZPreset] {
        record("GetPresets", channel: channel)
        return state.withLock { $0[channel]?.presets ?? [] }
    }

    enum PresetProblem: Error { case full, nameTaken, noToken }

    /// Saves the current position as a preset (a new one, or over `token`); its token.
    func setPreset(channel: Int, name: String?, token: String?) throws(PresetProblem) -> String {
        let r = record("SetPreset", channel: channel)
        let max = switches.maxPresets
        return try state.withLock { s throws(PresetProblem) -> String in
            guard var c = s[channel] else { throw .noToken }
            let here = c.motion.position(at: r.time)
            if let token, !token.isEmpty {
                guard let i = c.presets.firstIndex(where: { $0.token == token }) else { throw .noToken }
                if let name, !name.isEmpty, c.presets.contains(where: { $0.name == name && $0.token != token }) { throw .nameTaken }
                c.presets[i].position = here
                if let name, !name.isEmpty { c.presets[i].name = name }
                s[channel] = c
                return token
            }
            guard c.presets.count < max else { throw .full }
            let newToken = String(c.nextPreset)
            let shown = (name?.isEmpty ?? true) ? "Preset \(newToken)" : name!
            if c.presets.contains(where: { $0.name == shown }) { throw .nameTaken }
            c.nextPreset += 1
            c.presets.append(SimPTZPreset(token: newToken, name: shown, position: here))
            s[channel] = c
            return newToken
        }
    }

    func removePreset(channel: Int, token: String) throws(PresetProblem) {
        record("RemovePreset", channel: channel)
        try state.withLock { s throws(PresetProblem) in
            guard let i = s[channel]?.presets.firstIndex(where: { $0.token == token }) else { throw .noToken }
            s[channel]?.presets.remove(at: i)
        }
    }

    func gotoPreset(channel: Int, token: String) throws(PresetProblem) {
        guard let p = state.withLock({ $0[channel]?.presets.first { $0.token == token } }) else {
            record("GotoPreset", channel: channel)
            throw .noToken
        }
        jump(channel: channel, operation: "GotoPreset") { _ in p.position }
    }

    func gotoHome(channel: Int) {
        let home = state.withLock { $0[channel]?.home ?? SimPTZPosition() }
        jump(channel: channel, operation: "GotoHomePosition") { _ in home }
    }

    func setHome(channel: Int) {
        let r = record("SetHomePosition", channel: channel)
        state.withLock { s in
            if let m = s[channel]?.motion { s[channel]?.home = m.position(at: r.time) }
        }
    }
}
