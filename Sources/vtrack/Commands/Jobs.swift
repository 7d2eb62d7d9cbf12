import ArgumentParser
import CLISupport
import Common
import Core
import Foundation

/// `vtrack jobs [--json]`: every download job with its state, cameras, files and progress;
/// `vtrack jobs --cancel JOB`: cancels a job no process runs, keeping its files.
struct Jobs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List download jobs: state, range, cameras, files and progress (newest first); or cancel one.",
        discussion: """
            Unfinished jobs (queued, running, retrying, paused, failed) continue with `vtrack download --resume JOB`.
            --cancel JOB ends one for good: every file already downloaded stays, an unfinished file is closed at its \
            last complete GOP, and `--resume` no longer continues it. A job running in another process \
            (`vtrack download` or the TUI) is left alone: stop it there first.
            """)

    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Only the jobs `--resume` would continue.") var unfinished = false
    @Option(help: ArgumentHelp("Cancel this job (its downloaded files are kept).", valueName: "job")) var cancel: Int64?
    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    struct JobOut: Encodable {
        struct CameraOut: Encodable {
            let camera: String
            let folder: String
            let state: String
            let reason: String?
            let coveredSeconds: Double?
            let mediaSeconds: Double
            let bytes: Int64
            let files: [String]
            enum CodingKeys: String, CodingKey {
                case camera, folder, state, reason, coveredSeconds = "covered_seconds", mediaSeconds = "media_seconds", bytes, files
            }
        }
        let id: Int64
        let sourceID: Int64
        let source: String
        let from: String
        let to: String
        let format: String
        let maxFileSizeMB: Int
        let state: String
        let reason: String?
        let createdAt: String?
        let updatedAt: String?
        let finishedAt: String?
        let cameras: [CameraOut]
        enum CodingKeys: String, CodingKey {
            case id, sourceID = "source_id", source, from, to, format, maxFileSizeMB = "max_file_size_mb", state, reason
            case createdAt = "created_at", updatedAt = "updated_at", finishedAt = "finished_at", cameras
        }
    }

    func validate() throws {
        if cancel != nil && unfinished { throw ValidationError("--cancel takes no --unfinished.") }
    }

    struct CancelOut: Encodable {
        let job: Int64
        let state: String
        let files: [String]
        let bytes: Int64
        let partsFinished: Int
        let partsRemoved: Int
        enum CodingKeys: String, CodingKey {
            case job, state, files, bytes, partsFinished = "parts_finished", partsRemoved = "parts_removed"
        }
    }

    func run() throws {
        global.apply()
        let repo = try store.open(readOnly: cancel == nil)
        if let id = cancel {
            let engine = DownloadEngine(repository: repo, queue: DispatchQueue(label: "vtrack.jobs.cancel"), onEvent: { _ in })
            let done = try CLI.attempt { try engine.cancelStopped(jobID: id) }
            if json {
                CLI.printJSON(CancelOut(job: id, state: DownloadState.cancelled.rawValue, files: done.files.map(\.path), bytes: done.bytes,
                                        partsFinished: done.partsFinished, partsRemoved: done.partsRemoved))
            } else {
                print(done.message.text())
            }
            return
        }
        let jobs: [JobOut] = try CLI.attempt {
            try repo.read { r in
                try r.downloadJobs(unfinishedOnly: unfinished).map { j in
                    let files = try r.downloadFiles(jobID: j.id).filter { $0.state == .done }
                    let cams = try r.downloadCameras(jobID: j.id).map { c in
                        JobOut.CameraOut(camera: c.camera, folder: c.folder, state: c.state.rawValue, reason: c.reason?.text(),
                                         coveredSeconds: c.covered == nil ? nil : c.coveredSeconds, mediaSeconds: c.mediaSeconds,
                                         bytes: c.bytes, files: files.filter { $0.camera == c.camera }.map(\.path))
                    }
                    return JobOut(id: j.id, sourceID: j.sourceID, source: j.sourceName, from: UTC.iso(j.range.start), to: UTC.iso(j.range.end),
                                  format: j.format, maxFileSizeMB: j.maxFileSizeMB, state: j.state.rawValue, reason: j.reason?.text(),
                                  createdAt: j.createdAt.map { UTC.iso($0) }, updatedAt: j.updatedAt.map { UTC.iso($0) },
                                  finishedAt: j.finishedAt.map { UTC.iso($0) }, cameras: cams)
                }
            }
        }
        if json {
            CLI.printJSON(jobs)
            return
        }
        if jobs.isEmpty {
            print(Localized(vi: "Chưa có lượt tải nào.", en: "No download jobs yet.").text())
            return
        }
        let header = Localized(vi: "SỐ|NGUỒN|TỪ (UTC)|ĐẾN (UTC)|CAMERA|TRẠNG THÁI|TIẾN ĐỘ|TỆP|DUNG LƯỢNG", en: "JOB|SOURCE|FROM (UTC)|TO (UTC)|CAMERAS|STATE|PROGRESS|FILES|SIZE").text()
            .split(separator: "|").map(String.init)
        var rows = [header]
        for j in jobs {
            let covered = j.cameras.reduce(0) { $0 + ($1.coveredSeconds ?? 0) }
            let media = j.cameras.reduce(0) { $0 + min($1.mediaSeconds, $1.coveredSeconds ?? $1.mediaSeconds) }
            let pct = j.state == DownloadState.done.rawValue ? 100 : (covered > 0 ? Int(media / covered * 100) : 0)
            let state = DownloadState(rawValue: j.state).map { $0.label.text() } ?? j.state
            rows.append([String(j.id), j.source, j.from, j.to, String(j.cameras.count), state, "\(pct)%",
                         String(j.cameras.reduce(0) { $0 + $1.files.count }), Format.bytes(j.cameras.reduce(0) { $0 + $1.bytes })])
        }
        print(TextTable.render(rows), terminator: "")
        for j in jobs where j.reason != nil && j.state != DownloadState.done.rawValue {
            print("\(j.id): \(j.reason!)")
        }
    }
}
