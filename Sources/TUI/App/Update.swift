import Foundation
import Common

/// The app's only way to change state: a pure function of the state and one event.
/// It returns the new state and the work to do (commands), and never does I/O itself.
public func update(_ state: AppState, _ event: AppEvent) -> (AppState, [Command]) {
    var s = state
    var commands: [Command] = []
    switch event {
    case let .key(key):
        s.handleKey(key, &commands)
    case let .resize(width, height):
        s.width = max(1, width); s.height = max(1, height)
        s.clampCursors()
    case .tick:
        s.frame &+= 1
        s.tickPTZ(&commands)
        s.tickPictures(&commands)
        if s.screen == .downloads {
            s.downloads.syncTicks += 1
            if s.downloads.syncTicks >= DownloadsState.syncReloadTicks {
                s.downloads.syncTicks = 0
                commands.append(.loadSyncStatus)
            }
        }
    case let .clock(date):
        s.now = date
    default:
        s.handleEngineEvent(event, &commands)
    }
    return (s, commands)
}

/// What the UI loop runs for each event that arrives at wall-clock time `date`: the clock is
/// moved first when it is a second or more behind, so log lines carry the time things
/// happened (not the last 30-second clock event), and `update` stays pure.
public func step(_ state: AppState, _ event: AppEvent, at date: Date) -> (AppState, [Command]) {
    switch event {
    case .tick, .clock:
        return update(state, event)
    default:
        var s = state
        if abs(date.timeIntervalSince(s.now)) >= 1 { s = update(s, .clock(date)).0 }
        return update(s, event)
    }
}

/// `step` with the monotonic clock's reading too (`uptime`, seconds): what PTZ hold-to-move
/// measures key repeats and ticks with.
public func step(_ state: AppState, _ event: AppEvent, at date: Date, uptime: Double) -> (AppState, [Command]) {
    var s = state
    s.uptime = uptime
    return step(s, event, at: date)
}

extension AppState {
    /// The key contexts that apply now, most specific first.
    public var activeContexts: [KeyContext] {
        switch modal {
        case .help: return [.help]
        case .saveReport: return [.report]
        case .some: return [.confirm]
        case nil: break
        }
        if isPreviewing { return pictures.preview?.ptz?.naming != nil ? [.presetName] : [.preview] }
        if focus == .log { return [.log, .global] }
        switch screen {
        case .sources: return [.sources, .global]
        case .form: return [.form, .global]
        case .cameras: return cameras.filtering ? [.cameraFilter, .global] : [.cameras, .global]
        case .dates: return (focus == .startTime || focus == .endTime) ? [.timeField, .global] : [.dates, .global]
        case .downloads: return [.downloads, .global]
        }
    }

    /// The full-screen picture preview is open (on the camera screen).
    public var isPreviewing: Bool { screen == .cameras && pictures.preview != nil }

    /// A text field has focus, so printable keys type instead of acting.
    public var isTyping: Bool {
        guard modal == nil else { return false }
        if isPreviewing { return pictures.preview?.ptz?.naming != nil }
        switch focus {
        case let .formField(f): return screen == .form && f.isText
        case .startTime, .endTime: return screen == .dates
        case .cameraGrid: return screen == .cameras && cameras.filtering
        default: return false
        }
    }

    mutating func handleKey(_ key: Key, _ commands: inout [Command]) {
        notice = nil
        if key == .ctrl("c") {
            perform(.quitNow, &commands)
            return
        }
        if isTooSmall {
            if modal == nil, key == .char("q") { perform(.quit, &commands) }
            else if modal != nil, let a = Keymap.action(for: key, in: activeContexts) { perform(a, &commands) }
            return
        }
        if let binding = Keymap.binding(for: key, in: activeContexts, typing: isTyping) {
            if let reason = disabledReason(binding.action) {
                notice = Notice(reason)
                return
            }
            if binding.action == .gotoPreset, let n = key.printable?.wholeNumberValue {
                gotoPreset(number: n, &commands)
                return
            }
            perform(binding.action, &commands)
            return
        }
        if isTyping { edit(key) }
    }

    /// Why an action cannot run now (shown instead of doing nothing), or nil when it can.
    public func disabledReason(_ action: Action) -> Localized? {
        if isPreviewing, modal == nil {
            switch action {
            case .previousCamera, .nextCamera, .refreshPictures: return pictureDisabledReason(action)
            case .panLeft, .panRight, .tiltUp, .tiltDown, .zoomIn, .zoomOut, .stopCamera, .speedDown, .speedUp,
                 .gotoPreset, .savePreset, .gotoHome:
                return ptzDisabledReason(action)
            default: return nil
            }
        }
        switch action {
        case .openPreview, .refreshPictures:
            return pictureDisabledReason(action)
        case .gotoCameras:
            return cameras.rows.isEmpty ? UIText.needTestFirst : nil
        case .gotoDates:
            if cameras.rows.isEmpty { return UIText.needTestFirst }
            return cameras.isSaved ? nil : UIText.needSaveFirst
        case .confirm where modal == .saveReport:
            return cameras.isSaved ? nil : UIText.needSaveFirst
        case .continueToDates:
            return cameras.isSaved ? nil : (cameras.saving ? UIText.saveRunning : UIText.needSaveFirst)
        case .gotoDownloads:
            return downloads.rows.isEmpty && downloads.sync.isEmpty ? UIText.noDownloadsYet : nil
        case .testSource:
            return form.testing ? UIText.testRunning : nil
        case .nextField where screen == .form && focus == .formField(.testButton):
            return form.testing ? UIText.testRunning : nil
        case .saveSelection:
            if cameras.saving { return UIText.saveRunning }
            if cameras.connection == nil { return UIText.needTestFirst }
            return cameras.selectedNames.isEmpty ? UIText.tickFirst : nil
        case .toggleCamera, .selectAll, .selectNone:
            return cameras.visibleIndices.isEmpty ? UIText.noCameraShown : nil
        case .startDownload:
            if !cameras.isSaved { return UIText.needSaveFirst }
            return (dates.start == nil || dates.end == nil || dates.marking) ? UIText.needRange : nil
        case .pauseResume, .cancelDownload:
            guard downloads.rows.indices.contains(downloads.cursor) else { return UIText.noDownloadsYet }
            let phase = downloads.rows[downloads.cursor].phase
            if case .failed = phase, action == .pauseResume { return nil }   // tried again
            return phase.isUnfinished ? nil : UIText.downloadNotRunning
        case .pauseResumeAll, .cancelAll:
            return downloads.rows.contains { $0.phase.isUnfinished } ? nil : UIText.downloadNotRunning
        case .back where screen == .sources && focus != .log:
            return UIText.alreadyFirstScreen
        case .openItem:
            if focus == .savedList, sources.saved.isEmpty { return UIText.noSavedSources }
            if focus == .foundList, sources.found.isEmpty { return UIText.noFoundDevices }
            return nil
        default:
            return nil
        }
    }

    /// Runs one action of the keymap.
    mutating func perform(_ action: Action, _ commands: inout [Command]) {
        switch action {
        // Everywhere
        case .focusNext: moveFocus(1)
        case .focusPrevious: moveFocus(-1)
        case .showHelp: modal = .help; helpScroll = 0
        case .quit:
            if downloads.anyActive { modal = .confirmQuit } else { quitApp(&commands) }
        case .quitNow: quitApp(&commands)
        case .back: goBack(&commands)
        case .gotoSources: show(.sources, &commands)
        case .gotoForm: show(.form, &commands)
        case .gotoCameras: show(.cameras, &commands)
        case .gotoDates: show(.dates, &commands)
        case .gotoDownloads: show(.downloads, &commands)
        case .confirm: confirmModal(&commands)
        case .dismiss: modal = nil
        case .moveUp where modal == .help: helpScroll = max(0, helpScroll - 1)
        case .moveDown where modal == .help: helpScroll = min(Dialogs.helpMaxScroll(self), helpScroll + 1)
        case .pageUp where modal == .help: helpScroll = max(0, helpScroll - 10)
        case .pageDown where modal == .help: helpScroll = min(Dialogs.helpMaxScroll(self), helpScroll + 10)
        default:
            if isPreviewing { previewAction(action, &commands); return }
            if focus == .log { logAction(action); return }
            switch screen {
            case .sources: sourcesAction(action, &commands)
            case .form: formAction(action, &commands)
            case .cameras: camerasAction(action, &commands)
            case .dates: datesAction(action, &commands)
            case .downloads: downloadsAction(action, &commands)
            }
        }
    }

    /// Gives a key to the focused text field.
    mutating func edit(_ key: Key) {
        if isPreviewing, pictures.preview?.ptz?.naming != nil {
            pictures.preview?.ptz?.naming?.handle(key)
            return
        }
        switch focus {
        case let .formField(f) where f.isText:
            var field = form[f]
            field.handle(key)
            form[f] = field
        case .startTime: dates.startTime.handle(key)
        case .endTime: dates.endTime.handle(key)
        case .cameraGrid where cameras.filtering:
            cameras.filter.handle(key)
            cameras.cursor = 0
        default: break
        }
    }

    mutating func moveFocus(_ step: Int) {
        if screen == .cameras { cameras.filtering = false }
        let order = screen.focusOrder
        let i = order.firstIndex(of: focus) ?? 0
        focus = order[(i + step + order.count) % order.count]
    }

    mutating func quitApp(_ commands: inout [Command]) {
        stopPTZ(&commands)
        stopLive(&commands)
        running = false
        modal = nil
        commands.append(.quit)
    }

    /// Switches screen, putting focus on its main pane.
    mutating func show(_ target: Screen, _ commands: inout [Command]) {
        if target == .cameras { cameras.filtering = false }
        if target != .cameras { closePreview(&commands) }
        screen = target
        focus = target.focusOrder[0]
        if target == .form { focus = form.address.text.isEmpty ? .formField(.address) : .formField(.testButton) }
        if target == .dates { requestCoverageIfNeeded(&commands) }
        if target == .downloads {
            downloads.syncTicks = 0
            commands.append(.loadSyncStatus)
        }
    }

    mutating func goBack(_ commands: inout [Command]) {
        if focus == .log { focus = screen.focusOrder[0]; return }
        switch screen {
        case .sources: break
        case .form: show(.sources, &commands)
        case .cameras: show(.form, &commands)
        case .dates: show(.cameras, &commands)
        case .downloads: show(cameras.isSaved ? .dates : .sources, &commands)
        }
    }

    mutating func confirmModal(_ commands: inout [Command]) {
        let m = modal
        modal = nil
        switch m {
        case .confirmQuit:
            addLog(.info, UIText.quitWhileDownloading)
            quitApp(&commands)
        case let .confirmCancel(job?, camera):
            commands.append(.cancelDownload(job: job, camera: camera))
            addLog(.warning, camera.map { UIText.cancelledOne($0) } ?? UIText.cancelledAll)
        case .confirmCancel(nil, _):
            for id in downloads.jobIDs(where: \.isUnfinished) { commands.append(.cancelDownload(job: id, camera: nil)) }
            addLog(.warning, UIText.cancelledAll)
        case .confirmDownload:
            beginDownload(&commands)
        case .saveReport:
            if cameras.isSaved { show(.dates, &commands) }
        case .help, nil:
            break
        }
    }

    mutating func logAction(_ action: Action) {
        let page = max(1, LayoutMetrics(width: width, height: height).logRows - 1)
        let maxScroll = max(0, log.lines.count - 1)
        switch action {
        case .moveUp: log.scroll = min(maxScroll, log.scroll + 1)
        case .moveDown: log.scroll = max(0, log.scroll - 1)
        case .pageUp: log.scroll = min(maxScroll, log.scroll + page)
        case .pageDown: log.scroll = max(0, log.scroll - page)
        case .follow: log.scroll = 0
        default: break
        }
    }

    /// Appends a line to the session log (newest last; the oldest fall off).
    public mutating func addLog(_ level: LogLine.Level, _ text: Localized) {
        log.lines.append(LogLine(time: now, level: level, text: text))
        if log.lines.count > LogState.capacity { log.lines.removeFirst(log.lines.count - LogState.capacity) }
        if log.scroll > 0 { log.scroll += 1 }
    }

    /// Keeps every cursor inside its list after the lists or the window changed.
    mutating func clampCursors() {
        sources.savedCursor = clamp(sources.savedCursor, sources.saved.count)
        sources.foundCursor = clamp(sources.foundCursor, sources.found.count)
        cameras.cursor = clamp(cameras.cursor, cameras.visibleIndices.count)
        downloads.cursor = clamp(downloads.cursor, downloads.rows.count)
    }

    func clamp(_ i: Int, _ count: Int) -> Int { count == 0 ? 0 : min(max(0, i), count - 1) }
}
