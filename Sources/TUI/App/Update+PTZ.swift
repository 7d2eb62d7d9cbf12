import Common
import Core

// PTZ in `update`: the preview's camera is asked what it can do when the preview opens; held
// keys become ContinuousMoves with a short Timeout, renewed while the keyboard repeats and
// followed by a Stop when it stops (`HoldToMove`, on the loop's monotonic clock); presets,
// home and speed; the status is read about 3 times a second while the camera moves, once a
// second otherwise; and a Stop goes out when the preview closes or the app quits.
extension AppState {
    /// The connection and camera of the preview, when PTZ can be asked of it.
    var ptzTarget: (Connection, Camera)? {
        guard let row = previewRow, let connection = cameras.connection else { return nil }
        return (connection, row.camera)
    }

    /// Asks the preview's camera about PTZ (once per opening).
    mutating func openPTZ(_ commands: inout [Command]) {
        guard let (connection, camera) = ptzTarget else { return }
        pictures.preview?.ptz = PTZState(cameraID: camera.id)
        commands.append(.ptzOpen(connection, camera: camera))
    }

    /// The preview closes or the app quits: a camera that was asked to move is stopped.
    mutating func stopPTZ(_ commands: inout [Command]) {
        guard var ptz = pictures.preview?.ptz else { return }
        let held = ptz.hold.release() != nil
        if held || ptz.touched || ptz.status?.moving == true, let (connection, camera) = ptzTarget {
            commands.append(.ptzStop(connection, camera: camera))
        }
        pictures.preview?.ptz = nil
    }

    /// Why a PTZ key does nothing now, or nil.
    func ptzDisabledReason(_ action: Action) -> Localized? {
        guard let ptz = pictures.preview?.ptz else { return PTZText.noPTZ }
        let caps: PTZCapabilities
        switch ptz.phase {
        case .asking: return PTZText.asking
        case let .unavailable(why): return why
        case let .ready(c): caps = c
        }
        switch action {
        case .panLeft, .panRight, .tiltUp, .tiltDown:
            return caps.panTilt && caps.continuousMove ? nil : PTZText.noPanTilt
        case .zoomIn, .zoomOut:
            return caps.zoom && caps.continuousMove ? nil : PTZText.noZoom
        case .gotoHome:
            return caps.home ? nil : PTZText.noHome
        case .gotoPreset:
            return ptz.presets.isEmpty ? PTZText.noPresets : nil
        case .speedDown:
            return ptz.speed > 1 ? nil : PTZText.slowest
        case .speedUp:
            return ptz.speed < PTZState.maxSpeed ? nil : PTZText.fastest
        default:
            return nil
        }
    }

    /// A PTZ key of the preview (or of its preset-name prompt).
    mutating func ptzAction(_ action: Action, _ commands: inout [Command]) {
        guard var ptz = pictures.preview?.ptz, let (connection, camera) = ptzTarget else { return }
        defer { pictures.preview?.ptz = ptz }
        switch action {
        case .panLeft: hold(&ptz, ptz.velocity(pan: -1), &commands)
        case .panRight: hold(&ptz, ptz.velocity(pan: 1), &commands)
        case .tiltUp: hold(&ptz, ptz.velocity(tilt: 1), &commands)
        case .tiltDown: hold(&ptz, ptz.velocity(tilt: -1), &commands)
        case .zoomIn: hold(&ptz, ptz.velocity(zoom: 1), &commands)
        case .zoomOut: hold(&ptz, ptz.velocity(zoom: -1), &commands)
        case .stopCamera:
            _ = ptz.hold.release()
            commands.append(.ptzStop(connection, camera: camera))
            requested(&ptz)
            notice = Notice(PTZText.stopped, level: .ok)
        case .speedDown, .speedUp:
            ptz.speed = min(PTZState.maxSpeed, max(1, ptz.speed + (action == .speedUp ? 1 : -1)))
            notice = Notice(PTZText.speed(ptz.speed), level: .ok)
        case .gotoHome:
            // the held move, if any, gives way to the camera's own (no Stop: it would cut it short)
            _ = ptz.hold.release()
            commands.append(.ptzHome(connection, camera: camera))
            requested(&ptz)
            notice = Notice(PTZText.goingHome, level: .ok)
        case .savePreset:
            if ptz.hold.release() != nil { commands.append(.ptzStop(connection, camera: camera)) }
            ptz.naming = TextField("", maxLength: 64)
        case .acceptName:
            let name = ptz.naming?.text.trimmingCharacters(in: .whitespaces) ?? ""
            guard !name.isEmpty else { notice = Notice(PTZText.needName); return }
            ptz.naming = nil
            commands.append(.ptzSavePreset(connection, camera: camera, name: name))
        case .cancelName:
            ptz.naming = nil
        default:
            break
        }
    }

    /// Digit `n`: the camera goes to its n-th preset (in the order listed under the picture).
    mutating func gotoPreset(number n: Int, _ commands: inout [Command]) {
        guard var ptz = pictures.preview?.ptz, let (connection, camera) = ptzTarget else { return }
        guard ptz.presets.indices.contains(n - 1) else {
            notice = Notice(PTZText.noSuchPreset(n, count: ptz.presets.count))
            return
        }
        let preset = ptz.presets[n - 1]
        _ = ptz.hold.release()
        commands.append(.ptzGotoPreset(connection, camera: camera, preset: preset))
        requested(&ptz)
        notice = Notice(PTZText.goingTo(n, preset.name), level: .ok)
        pictures.preview?.ptz = ptz
    }

    /// A direction key (a press or a repeat) at the current time.
    private mutating func hold(_ ptz: inout PTZState, _ velocity: PTZVelocity, _ commands: inout [Command]) {
        if ptz.hold.velocity != velocity { ptz.problem = nil }   // a new move: its failure is said again
        send(ptz.hold.press(velocity, at: uptime), &ptz, &commands)
    }

    /// Turns what hold-to-move asks into a command.
    private mutating func send(_ request: HoldToMove.Request?, _ ptz: inout PTZState, _ commands: inout [Command]) {
        guard let request, let (connection, camera) = ptzTarget else { return }
        switch request {
        case let .move(velocity, timeout):
            commands.append(.ptzMove(connection, camera: camera, velocity: velocity, timeout: timeout))
        case .stop:
            commands.append(.ptzStop(connection, camera: camera))
        }
        requested(&ptz)
    }

    /// The camera was asked to move: the status and the picture follow it closely for a while.
    private mutating func requested(_ ptz: inout PTZState) {
        ptz.touched = true
        ptz.settleTicks = PTZState.settleAfterRequest
        ptz.ticksToStatus = min(ptz.ticksToStatus, PTZState.movingStatusTicks)
        if let p = pictures.preview { pictures.preview?.ticksToRefresh = min(p.ticksToRefresh, PictureSettings.movingRefreshTicks) }
    }

    /// A tick: a Stop once a held key was let go, and the status read when due.
    mutating func tickPTZ(_ commands: inout [Command]) {
        guard isPreviewing, var ptz = pictures.preview?.ptz, case .ready = ptz.phase, let (connection, camera) = ptzTarget else { return }
        send(ptz.hold.tick(at: uptime), &ptz, &commands)
        if ptz.settleTicks > 0 { ptz.settleTicks -= 1 }
        if !ptz.statusPending {
            if ptz.ticksToStatus > 1 {
                ptz.ticksToStatus -= 1
            } else {
                commands.append(.ptzStatus(connection, camera: camera))
                ptz.statusPending = true
                ptz.ticksToStatus = ptz.isActive ? PTZState.movingStatusTicks : PTZState.idleStatusTicks
            }
        }
        pictures.preview?.ptz = ptz
    }

    /// The engine's PTZ answers (for the camera the preview shows; others are stale).
    mutating func ptzEvent(_ event: AppEvent, _ commands: inout [Command]) {
        switch event {
        case let .ptzOpened(id, result):
            guard var ptz = pictures.preview?.ptz, ptz.cameraID == id else { return }
            switch result {
            case let .success(overview):
                ptz.phase = .ready(overview.capabilities)
                ptz.presets = overview.presets
                ptz.status = overview.status
                ptz.statusWorks = overview.status != nil
                ptz.ticksToStatus = PTZState.idleStatusTicks
            case let .failure(error):
                ptz.phase = .unavailable(error.message)
            }
            pictures.preview?.ptz = ptz
        case let .ptzStatus(id, result):
            guard var ptz = pictures.preview?.ptz, ptz.cameraID == id else { return }
            ptz.statusPending = false
            switch result {
            case let .success(status):
                ptz.status = status
                ptz.statusWorks = true
            case .failure:
                // not every camera answers GetStatus: ask again now and then, quietly
                ptz.status = nil
                ptz.statusWorks = false
                ptz.ticksToStatus = PTZState.idleStatusTicks * 5
            }
            pictures.preview?.ptz = ptz
        case let .ptzPresets(id, list):
            guard pictures.preview?.ptz?.cameraID == id else { return }
            pictures.preview?.ptz?.presets = list
        case let .ptzPresetSaved(id, preset):
            addLog(.ok, PTZText.saved(preset.name))
            guard var ptz = pictures.preview?.ptz, ptz.cameraID == id else { return }
            if !ptz.presets.contains(where: { $0.token == preset.token }) { ptz.presets.append(preset) }
            pictures.preview?.ptz = ptz
            notice = Notice(PTZText.saved(preset.name), level: .ok)
        case let .ptzFailed(id, why):
            // a request failed: said once (a held key renews four times a second)
            if pictures.preview?.ptz?.cameraID == id {
                guard pictures.preview?.ptz?.problem != why else { return }
                pictures.preview?.ptz?.problem = why
            }
            addLog(.warning, why)
            notice = Notice(why)
        default:
            break
        }
    }
}
