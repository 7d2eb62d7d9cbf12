import Foundation
import Common
import Core

/// How to reach a device. The password stays in memory only; `description` never shows it.
public struct Connection: Sendable, Equatable, CustomStringConvertible {
    /// The source's name (its folder under the video root).
    public var name: String
    public var host: String
    public var port: Int
    public var user: String
    /// nil: use the password saved for source `name`.
    public var password: String?
    public var videoRoot: String

    public init(name: String, host: String, port: Int, user: String, password: String?, videoRoot: String) {
        self.name = name; self.host = host; self.port = port; self.user = user
        self.password = password; self.videoRoot = videoRoot
    }

    public var description: String {
        "\(name) (\(user)@\(host):\(port), password \(password == nil ? "saved" : "***"))"
    }
}

/// Work `update` asks for. A `CommandRunning` runs it off the UI queue and reports back
/// with `AppEvent`s; `update` itself never does I/O.
public enum Command: Sendable, Equatable {
    /// Read the saved sources (→ `.sourcesLoaded`).
    case loadSources
    /// Listen for devices with WS-Discovery (→ `.discovery` events).
    case startDiscovery
    /// Connect, authenticate and list the cameras (→ `.probeFinished`).
    case probe(Connection)
    /// Check each camera's main stream answers (→ `.streamChecked`).
    case checkStreams(Connection, [Camera])
    /// Save the source and the ticked cameras, create and check their folders (→ `.saveFinished`).
    case saveConfig(Connection, device: DeviceInfo, cameras: [Camera], selected: [String])
    /// Recording coverage of cameras between two instants (→ `.coverageLoaded`).
    case loadCoverage(Connection, cameras: [String], from: Date, to: Date)
    /// Download the cameras' recordings for a range (→ `.downloadStarted`, `.downloadProgress`,
    /// `.downloadFinished`).
    case startDownload(Connection, cameras: [String], from: Date, to: Date)
    /// Resume downloads a previous session left unfinished (→ `.downloadProgress`).
    case resumeDownloads
    /// Pause, resume or cancel one camera of a job, or the whole job (camera nil); the engine's
    /// events say what happened (→ `.downloadProgress`, `.downloadFinished`).
    case pauseDownload(job: Int64, camera: String?)
    case resumeDownload(job: Int64, camera: String?)
    case cancelDownload(job: Int64, camera: String?)
    /// Take the cameras' pictures, in this order (the ones on screen first), a few at once;
    /// cached ones come at once unless `refresh` (→ `.pictureLoading`, then `.pictureLoaded`
    /// or `.pictureFailed`, per camera).
    case loadPictures(Connection, cameras: [Camera], refresh: Bool)
    /// Start live video of a camera's sub stream (→ `.liveFrame`s until `.liveEnded`).
    case startLive(Connection, camera: Camera, session: Int)
    /// Stop a live view (its `.liveEnded` follows; frames still on the way are ignored).
    case stopLive(session: Int)
    /// The last frame of a live view is on the terminal: the next may come (frames that
    /// arrive before are dropped by the engine, never queued). The UI loop runs it after it
    /// drew the frame (see `runsAfterDraw`).
    case liveReady(session: Int)
    /// Read each synced source's unattended sync state (`SyncService.status`).
    case loadSyncStatus
    /// What the preview's camera can do with PTZ, its presets and where it points (asked once
    /// when the preview opens; → `.ptzOpened`).
    case ptzOpen(Connection, camera: Camera)
    /// ContinuousMove at `velocity` for at most `timeout` seconds (the camera stops by itself
    /// then). Moves and stops run in the order asked; a newer one replaces one still waiting.
    case ptzMove(Connection, camera: Camera, velocity: PTZVelocity, timeout: Double)
    /// Stop pan, tilt and zoom.
    case ptzStop(Connection, camera: Camera)
    /// Where the camera points and whether it moves (→ `.ptzStatus`).
    case ptzStatus(Connection, camera: Camera)
    case ptzGotoPreset(Connection, camera: Camera, preset: PTZPreset)
    /// Save the current view as a new preset (→ `.ptzPresetSaved`, then `.ptzPresets`).
    case ptzSavePreset(Connection, camera: Camera, name: String)
    case ptzHome(Connection, camera: Camera)
    /// Leave the app (the loop restores the terminal and exits).
    case quit

    /// Run only once the frame after the event is on the terminal (so a slow link slows the
    /// live view down instead of queueing frames).
    public var runsAfterDraw: Bool {
        if case .liveReady = self { return true }
        return false
    }
}
