import Common

// Camera pictures in `update`: which to load (the ones on screen first), refresh, the
// full-screen preview with its refresh by ticks, and the live view.
extension AppState {
    /// The grid's layout for this window.
    public var cameraLayout: CameraGridLayout {
        CameraGridLayout(width: width, height: height, pictures: pictureSettings.enabled)
    }

    /// The cameras in the order their pictures are wanted: the focused one, the others on
    /// screen, then the rest of the shown ones, then those the filter hides.
    func pictureOrder() -> [Camera] {
        let visible = cameras.visibleIndices
        var order: [Int] = []
        if visible.indices.contains(cameras.cursor) { order.append(visible[cameras.cursor]) }
        for n in cameraLayout.visible(count: visible.count, cursor: cameras.cursor) { order.append(visible[n]) }
        order += visible
        order += cameras.rows.indices
        var seen = Set<Int>()
        return order.filter { seen.insert($0).inserted }.map { cameras.rows[$0].camera }
    }

    /// Asks for pictures (marking them loading, so their tiles show a spinner at once).
    mutating func requestPictures(_ list: [Camera], refresh: Bool, _ commands: inout [Command]) {
        guard pictureSettings.enabled, let connection = cameras.connection, !list.isEmpty else { return }
        for c in list {
            pictures[c.id].loading = true
            if refresh { pictures[c.id].failure = nil }
        }
        commands.append(.loadPictures(connection, cameras: list, refresh: refresh))
    }

    /// The camera the preview shows.
    var previewRow: CameraRow? {
        guard let p = pictures.preview else { return nil }
        return cameras.rows.first { $0.camera.id == p.cameraID }
    }

    mutating func pictureEvent(_ event: AppEvent, _ commands: inout [Command]) {
        switch event {
        case let .pictureLoading(id):
            pictures[id].loading = true
        case let .pictureLoaded(id, shown):
            pictures[id] = PictureSlot(shown: shown, loading: false, failure: nil)
            if pictures.preview?.cameraID == id { let ticks = previewRefreshTicks; pictures.preview?.ticksToRefresh = ticks }
        case let .pictureFailed(id, reason):
            pictures[id].loading = false
            pictures[id].failure = reason
            if pictures.preview?.cameraID == id { let ticks = previewRefreshTicks; pictures.preview?.ticksToRefresh = ticks }
        case let .liveFrame(session, frame):
            // a frame of a view that was stopped (the preview closed, another camera) is dropped
            guard pictures.preview?.live?.session == session, pictures.preview?.live?.ended == nil else { return }
            pictures.preview?.live?.frame = frame
            pictures.preview?.live?.frames += 1
            commands.append(.liveReady(session: session))
        case let .liveEnded(session, reason):
            guard pictures.preview?.live?.session == session else { return }
            if let reason {
                pictures.preview?.live?.ended = reason
                addLog(.warning, reason)
            } else {
                pictures.preview?.live = nil
            }
            pictures.preview?.ticksToRefresh = 0
        default:
            break
        }
    }

    /// A tick: the open preview counts down to its next refresh, while it is on screen (no
    /// dialog over it) and no load or live view runs.
    mutating func tickPictures(_ commands: inout [Command]) {
        guard screen == .cameras, let p = pictures.preview, modal == nil, !isTooSmall else { return }
        if let live = p.live, live.ended == nil { return }
        guard let row = previewRow, !pictures[p.cameraID].loading else { return }
        if p.ticksToRefresh > 1 {
            pictures.preview?.ticksToRefresh = p.ticksToRefresh - 1
            return
        }
        let ticks = previewRefreshTicks
        pictures.preview?.ticksToRefresh = ticks
        requestPictures([row.camera], refresh: true, &commands)
    }

    /// Ticks between two pictures of the preview: faster while its PTZ camera moves.
    var previewRefreshTicks: Int {
        pictures.preview?.ptz?.isActive == true ? min(PictureSettings.movingRefreshTicks, pictureSettings.refreshTicks) : pictureSettings.refreshTicks
    }

    mutating func openPreview(_ commands: inout [Command]) {
        let visible = cameras.visibleIndices
        guard visible.indices.contains(cameras.cursor) else { return }
        cameras.filtering = false
        let row = cameras.rows[visible[cameras.cursor]]
        pictures.preview = PreviewState(cameraID: row.camera.id, ticksToRefresh: pictureSettings.refreshTicks)
        // what is cached shows at once; a fresh one is asked for now
        requestPictures([row.camera], refresh: true, &commands)
        openPTZ(&commands)
    }

    /// Closes the preview, stopping its live view; its refresh stops with it.
    mutating func closePreview(_ commands: inout [Command]) {
        stopPTZ(&commands)
        stopLive(&commands)
        pictures.preview = nil
    }

    mutating func stopLive(_ commands: inout [Command]) {
        if let live = pictures.preview?.live {
            if live.ended == nil { commands.append(.stopLive(session: live.session)) }
            pictures.preview?.live = nil
        }
    }

    mutating func startLive(_ commands: inout [Command]) {
        guard let row = previewRow, let connection = cameras.connection else { return }
        let session = pictures.nextLiveSession
        pictures.nextLiveSession += 1
        pictures.preview?.live = LiveState(session: session)
        commands.append(.startLive(connection, camera: row.camera, session: session))
    }

    mutating func previewAction(_ action: Action, _ commands: inout [Command]) {
        switch action {
        case .closePreview:
            closePreview(&commands)
        case .toggleLive:
            if let live = pictures.preview?.live, live.ended == nil {
                stopLive(&commands)
                pictures.preview?.ticksToRefresh = 0
            } else {
                stopLive(&commands)
                startLive(&commands)
            }
        case .refreshPictures:
            if let row = previewRow {
                pictures.preview?.ticksToRefresh = pictureSettings.refreshTicks
                requestPictures([row.camera], refresh: true, &commands)
            }
        case .toggleCamera:
            if let id = pictures.preview?.cameraID, let i = cameras.rows.firstIndex(where: { $0.camera.id == id }) {
                cameras.rows[i].selected.toggle()
            }
        case .previousCamera, .nextCamera:
            let visible = cameras.visibleIndices
            guard visible.count > 1 else { return }
            let step = action == .previousCamera ? -1 : 1
            cameras.cursor = (cameras.cursor + step + visible.count) % visible.count
            let wasLive = pictures.preview?.live.map { $0.ended == nil } ?? false
            let speed = pictures.preview?.ptz?.speed
            closePreview(&commands)
            openPreview(&commands)
            if let speed { pictures.preview?.ptz?.speed = speed }
            if wasLive { startLive(&commands) }
        default:
            ptzAction(action, &commands)
        }
    }

    /// Why a picture action cannot run now, or nil.
    func pictureDisabledReason(_ action: Action) -> Localized? {
        guard pictureSettings.enabled else { return UIText.picturesOff }
        if cameras.connection == nil { return UIText.needTestFirst }
        switch action {
        case .openPreview:
            return cameras.visibleIndices.isEmpty ? UIText.noCameraShown : nil
        case .refreshPictures:
            if cameras.rows.isEmpty { return UIText.needTestFirst }
            if let live = pictures.preview?.live, live.ended == nil { return UIText.liveRunning }
            return nil
        case .previousCamera, .nextCamera:
            return cameras.visibleIndices.count > 1 ? nil : UIText.onlyOneCamera
        default:
            return nil
        }
    }
}
