import Foundation
import Common
import Core

extension AppState {
    mutating func handleEngineEvent(_ event: AppEvent, _ commands: inout [Command]) {
        switch event {
        case let .syncStatusLoaded(lines):
            downloads.sync = lines
        case let .sourcesLoaded(.success(list)):
            let previous = Dictionary(sources.saved.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            sources.saved = list.map { src in
                var s = src
                if s.lastResult == nil, let old = previous[s.name] { s.lastResult = old.lastResult; s.lastOK = old.lastOK }
                if s.lastResult == nil, let tested = sources.tested[s.name] { s.lastResult = tested.text; s.lastOK = tested.level == .ok }
                return s
            }
            sources.loadStatus = .loaded
            clampCursors()
            // which sources `vtrack sync` keeps: the downloads screen opens for them too
            commands.append(.loadSyncStatus)
        case let .sourcesLoaded(.failure(error)):
            sources.loadStatus = .failed(error.message)
            addLog(.error, error.message)

        case let .configLoaded(c):
            if form.videoRoot.text == config.videoRoot { form.videoRoot.set(c.videoRoot) }
            config = c

        case let .discovery(update):
            discoveryUpdate(update)

        case let .probeFinished(connection, result):
            form.testing = false
            switch result {
            case let .success(outcome):
                probeSucceeded(connection, outcome, &commands)
            case let .failure(error):
                form.outcome = Notice(error.message, level: .error)
                addLog(.error, error.message)
                markSaved(connection.name, ok: false, error.message)
            }

        case let .streamChecked(id, reachable):
            if let i = cameras.rows.firstIndex(where: { $0.camera.id == id }) { cameras.rows[i].reachable = reachable }

        case let .saveFinished(result):
            cameras.saving = false
            switch result {
            case let .success(report):
                cameras.report = report
                if report.ok {
                    cameras.savedSelection = cameras.selectedNames
                    addLog(.ok, UIText.saved(report.folders.count, report.videoRoot))
                } else {
                    cameras.savedSelection = nil
                    addLog(.warning, report.problem ?? UIText.folderProblems)
                }
                for f in report.folders { if let p = f.problem { addLog(.warning, p) } }
                commands.append(.loadSources)
            case let .failure(error):
                cameras.report = SaveReport(videoRoot: cameras.connection?.videoRoot ?? config.videoRoot, folders: [], ok: false, problem: error.message)
                cameras.savedSelection = nil
                addLog(.error, error.message)
            }
            modal = .saveReport

        case let .coverageLoaded(from, to, result):
            guard from == dates.coverageFrom, to == dates.coverageTo else { return }
            switch result {
            case let .success(list):
                dates.coverage = list
                dates.coverageStatus = .loaded
            case let .failure(error):
                dates.coverageStatus = .failed(error.message)
                addLog(.warning, error.message)
            }

        case .downloadStarted:
            downloads.starting = max(0, downloads.starting - 1)

        case let .downloadProgress(info, rows):
            applyDownloadProgress(info, rows)

        case let .downloadFinished(id, phase, summary):
            if let i = downloads.jobs.firstIndex(where: { $0.id == id }) {
                downloads.jobs[i].phase = phase
                downloads.jobs[i].summary = summary
            }
            switch phase {
            case .done: addLog(.ok, summary)
            case .failed: addLog(.error, summary)
            default: addLog(.warning, summary)
            }

        case let .commandFailed(command, message):
            switch command {
            case .probe: form.testing = false; form.outcome = Notice(message, level: .warning)
            case .saveConfig: cameras.saving = false
            case .loadCoverage: dates.coverageStatus = .failed(message)
            case .startDiscovery: sources.discovering = false; sources.discoveryProblem = message
            case .loadSources: sources.loadStatus = .failed(message)
            case let .loadPictures(_, list, _):
                for c in list { pictures[c.id].loading = false; pictures[c.id].failure = message }
            case let .startLive(_, _, session):
                pictureEvent(.liveEnded(session: session, message), &commands)
                return
            case let .ptzOpen(_, camera):
                ptzEvent(.ptzOpened(cameraID: camera.id, .failure(EngineFailure(message))), &commands)
                return
            case let .ptzStatus(_, camera):
                ptzEvent(.ptzStatus(cameraID: camera.id, .failure(EngineFailure(message))), &commands)
                return
            case let .ptzMove(_, camera, _, _), let .ptzStop(_, camera), let .ptzGotoPreset(_, camera, _),
                 let .ptzSavePreset(_, camera, _), let .ptzHome(_, camera):
                ptzEvent(.ptzFailed(cameraID: camera.id, message), &commands)
                return
            case .startDownload:
                // the job was never made: nothing else changes
                downloads.starting = max(0, downloads.starting - 1)
                addLog(.error, message)
                return
            default: break
            }
            addLog(.warning, message)

        case let .log(level, text):
            addLog(level, text)

        case .pictureLoading, .pictureLoaded, .pictureFailed, .liveFrame, .liveEnded:
            pictureEvent(event, &commands)

        case .ptzOpened, .ptzStatus, .ptzPresets, .ptzPresetSaved, .ptzFailed:
            ptzEvent(event, &commands)

        case .key, .resize, .tick, .clock:
            break
        }
    }

    mutating func discoveryUpdate(_ update: DiscoveryUpdate) {
        switch update {
        case let .found(device):
            if let i = sources.found.firstIndex(where: { $0.id == device.id }) {
                sources.found[i] = device
            } else {
                sources.found.append(device)
                addLog(.info, UIText.deviceFound(device.name.isEmpty ? device.host : device.name, device.host))
            }
        case let .gone(id):
            if let i = sources.found.firstIndex(where: { $0.id == id }) {
                let d = sources.found.remove(at: i)
                addLog(.info, UIText.deviceGone(d.name.isEmpty ? d.host : d.name))
            }
            clampCursors()
        case let .sweepFinished(count):
            sources.discovering = false
            addLog(.info, UIText.sweepDone(count))
        case let .failed(message):
            sources.discovering = false
            sources.discoveryProblem = message
            addLog(.warning, message)
        }
    }

    mutating func probeSucceeded(_ connection: Connection, _ outcome: ProbeOutcome, _ commands: inout [Command]) {
        let device = [outcome.device.manufacturer, outcome.device.model].filter { !$0.isEmpty }.joined(separator: " ")
        let sentence = UIText.connected(device.isEmpty ? connection.host : device, outcome.cameras.count)
        form.outcome = Notice(sentence, level: .ok)
        addLog(.ok, sentence)
        markSaved(connection.name, ok: true, sentence)
        let previouslySelected = Set(sources.saved.first(where: { $0.name == connection.name })?.selected ?? [])
        closePreview(&commands)
        pictures.slots = [:]
        cameras = CameraGridState()
        cameras.connection = connection
        cameras.device = outcome.device
        let keys = CameraKeys.keys(for: outcome.cameras)
        cameras.rows = zip(outcome.cameras, keys).map { CameraRow(camera: $0, key: $1, selected: previouslySelected.contains($1)) }
        dates.coverage = []
        dates.coverageStatus = .idle
        dates.coverageFrom = nil
        dates.coverageTo = nil
        if !outcome.cameras.isEmpty {
            screen = .cameras
            focus = .cameraGrid
            commands.append(.checkStreams(connection, outcome.cameras))
            requestPictures(pictureOrder(), refresh: false, &commands)
        }
    }

    mutating func markSaved(_ name: String, ok: Bool, _ text: Localized) {
        sources.tested[name] = Notice(text, level: ok ? .ok : .error)
        if let i = sources.saved.firstIndex(where: { $0.name == name }) {
            sources.saved[i].lastOK = ok
            sources.saved[i].lastResult = text
        }
    }

}
