import Foundation
import Common
import Core

/// Everything that can happen to the app: keys, resizes, time, and engine results.
/// The UI loop feeds these to `update`, one at a time, on its serial queue.
public enum AppEvent: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// An animation frame (spinner), sent about 10 times a second only while something runs.
    case tick
    /// The wall clock, sent at start and about every 30 s (for "today" and log times).
    case clock(Date)

    case sourcesLoaded(Result<[SavedSource], EngineFailure>)
    /// The processing config's settings (video root, default days).
    case configLoaded(AppState.Config)
    case discovery(DiscoveryUpdate)
    case probeFinished(Connection, Result<ProbeOutcome, EngineFailure>)
    case streamChecked(cameraID: String, reachable: Bool)
    case saveFinished(Result<SaveReport, EngineFailure>)
    case coverageLoaded(from: Date, to: Date, Result<[CameraCoverage], EngineFailure>)
    /// The engine took a new download job (its cameras follow as `.downloadProgress`).
    case downloadStarted(jobID: Int64)
    /// A job's state and every camera of it, as the engine reports them.
    case downloadProgress(DownloadJobInfo, [DownloadRow])
    /// A job's run ended (done, paused, failed or cancelled), with its one-sentence summary.
    case downloadFinished(jobID: Int64, DownloadPhase, Localized)
    /// A command could not run (its engine is missing from this build, or it failed before
    /// starting), with the sentence to show.
    case commandFailed(Command, Localized)
    /// A line for the log from an engine (never a password).
    case log(LogLine.Level, Localized)

    /// A camera's picture is being taken (by camera id).
    case pictureLoading(cameraID: String)
    /// A camera's picture arrived.
    case pictureLoaded(cameraID: String, ShownPicture)
    /// A camera's picture could not be taken, with the sentence to show in its tile.
    case pictureFailed(cameraID: String, Localized)
    /// A frame of live view `session` (answered with `.liveReady` once drawn).
    case liveFrame(session: Int, ShownPicture)
    /// Live view `session` ended: nil when stopped, or why the stream failed.
    case liveEnded(session: Int, Localized?)
    /// The synced sources' sync state, as read now.
    case syncStatusLoaded([SyncLine])

    /// The camera's PTZ abilities, presets and status (by camera id), or why it has no PTZ.
    case ptzOpened(cameraID: String, Result<PTZOverview, EngineFailure>)
    /// A status read (position, moving), or why it failed.
    case ptzStatus(cameraID: String, Result<PTZStatus, EngineFailure>)
    /// The camera's presets, as the device lists them now.
    case ptzPresets(cameraID: String, [PTZPreset])
    case ptzPresetSaved(cameraID: String, PTZPreset)
    /// A PTZ request failed, with the sentence to show.
    case ptzFailed(cameraID: String, Localized)
}

/// What WS-Discovery reports while it listens.
public enum DiscoveryUpdate: Sendable, Equatable {
    /// A device answered a probe or said Hello.
    case found(FoundDevice)
    /// A device said Bye.
    case gone(id: String)
    /// The probe sweep ended; devices keep arriving by Hello.
    case sweepFinished(count: Int)
    case failed(Localized)
}

/// A successful test: the device and every camera on it.
public struct ProbeOutcome: Sendable, Equatable {
    public var device: DeviceInfo
    public var cameras: [Camera]
    public init(device: DeviceInfo, cameras: [Camera]) { self.device = device; self.cameras = cameras }
}
