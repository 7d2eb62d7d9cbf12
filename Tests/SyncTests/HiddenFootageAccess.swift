import Foundation
import Simulator
import Store
import Synchronization
@testable import Core

/// Stretches of footage the device does not list yet (a camera that uploads from its card late).
final class HiddenFootage: Sendable {
    private let hidden: Mutex<[DateInterval]>
    init(_ intervals: [DateInterval]) { hidden = Mutex(intervals) }
    func reveal(_ i: DateInterval) { hidden.withLock { $0.removeAll { $0 == i } } }
    var intervals: [DateInterval] { hidden.withLock { $0 } }
}

/// The simulator's recordings as the device access of the engine and of sync: coverage from its
/// timeline less the hidden stretches, replay from its RTSP server (sub streams).
struct HiddenFootageAccess: RecordingAccess {
    let fx: SyncFixture
    let hidden: HiddenFootage

    static func factory(_ fx: SyncFixture, hidden: HiddenFootage) -> DownloadEngine.AccessFactory {
        { _, _ in HiddenFootageAccess(fx: fx, hidden: hidden) }
    }

    func plan(_ cameras: [DownloadCamera], in range: DateInterval) throws -> [PlannedCamera] {
        try cameras.map { c in
            let token = fx.sim.model.channel(sourceToken: c.camera.sourceToken)?.recordingToken ?? "?"
            let covered = IntervalMath.subtract(try fx.footage(c.key, in: range), hidden.intervals)
            return PlannedCamera(camera: c.key, covered: covered, replay: .onvif(recordingToken: token))
        }
    }

    func replayAddress(_ replay: ReplaySource, camera: DownloadCamera, piece: DateInterval) throws -> ReplayAddress {
        guard case .onvif(let token) = replay else { throw DownloadError.noRecordingsOverONVIF(device: "sim") }
        return ReplayAddress(url: "rtsp://127.0.0.1:\(fx.sim.rtspPort)/replay/\(token)/sub", onvifReplay: true)
    }

    func fallback(for camera: DownloadCamera) -> ReplaySource? { nil }

    func deviceClockOffset() throws -> Double { fx.config.clockSkew }

    var rtspCredentials: (user: String, password: String)? { (fx.config.user, fx.config.password) }
}
