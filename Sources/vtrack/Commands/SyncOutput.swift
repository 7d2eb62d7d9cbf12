import Common
import Core
import Foundation

/// How `vtrack sync` tells what it does: one line per event (a service's journal), or JSON lines
/// with `--json` (`pass_started`, `job`, `progress`, `summary`, `problem`, `gap_filled`,
/// `deletion`, `pass`).
final class SyncOutput: Sendable {
    let json: Bool
    private let downloads: DownloadOutput

    init(json: Bool) {
        self.json = json
        downloads = DownloadOutput(mode: json ? .json : .lines)
    }

    func handle(_ e: SyncEvent) {
        switch e {
        case let .passStarted(at, sources):
            if json {
                line(JSONOut.object(["type": "pass_started", "at": UTC.iso(at), "sources": sources]))
            } else {
                line(Localized(vi: "Đồng bộ lúc \(UTC.iso(at)): \(sources.joined(separator: ", "))",
                               en: "Sync pass at \(UTC.iso(at)): \(sources.joined(separator: ", "))").text())
            }
        case let .jobStarted(source, jobID, range, cameras, resumed):
            if json {
                line(JSONOut.object(["type": "job", "job": jobID, "source": source, "from": UTC.iso(range.start), "to": UTC.iso(range.end),
                                     "cameras": cameras, "resumed": resumed]))
            } else {
                let verbEN = resumed ? "continues" : "starts", verbVI = resumed ? "tải tiếp" : "bắt đầu"
                line(Localized(vi: "Lượt tải \(jobID) \(verbVI): \(source), \(UTC.iso(range.start)) → \(UTC.iso(range.end)), \(cameras.count) camera",
                               en: "Job \(jobID) \(verbEN): \(source), \(UTC.iso(range.start)) → \(UTC.iso(range.end)), \(cameras.count) cameras").text())
            }
        case .download(let d):
            switch d {
            case .progress(let p): downloads.progress(p)
            case .stopped(let s):
                if json { line(JSONOut.summary(s)) } else { line(s.headline.text()) }
            }
        case let .cameraProblem(source, camera, why):
            if json {
                line(JSONOut.object(["type": "problem", "source": source, "camera": camera, "message": why.text()]))
            } else {
                line("\(source) / \(camera): \(why.text())")
            }
        case let .sourceFailed(source, why):
            if json {
                line(JSONOut.object(["type": "problem", "source": source, "message": why.text()]))
            } else {
                line("\(source): \(why.text())")
            }
        case let .gapFilled(source, camera, found):
            let seconds = found.reduce(0) { $0 + $1.duration }
            if json {
                line(JSONOut.object(["type": "gap_filled", "source": source, "camera": camera, "seconds": JSONOut.round3(seconds),
                                     "intervals": found.map { ["start": UTC.iso($0.start), "end": UTC.iso($0.end)] }]))
            } else {
                line(Localized(vi: "\(source) / \(camera): có thêm \(Format.duration(seconds)) hình trong một khoảng trống đã biết, sẽ tải",
                               en: "\(source) / \(camera): \(Format.duration(seconds)) of footage appeared in a known gap; fetching it").text())
            }
        case .deletion(let d):
            deletion(d)
        case .passFinished(let s):
            if json {
                line(JSONOut.object(["type": "pass", "started": UTC.iso(s.started), "ended": UTC.iso(s.ended), "sources": s.sources,
                                     "jobs": s.jobs, "files": s.files, "bytes": s.bytes, "media_seconds": JSONOut.round3(s.mediaSeconds),
                                     "deleted": s.deletions.count, "problems": s.problems.map { $0.text() }, "interrupted": s.interrupted]))
            } else {
                line(Localized(
                    vi: "Xong lượt đồng bộ: \(s.files) tệp, \(Format.bytes(s.bytes)), \(Format.hours(s.mediaSeconds)) có hình, \(s.deletions.count) tệp cũ đã xoá, \(s.problems.count) vấn đề.",
                    en: "Sync pass done: \(s.files) files, \(Format.bytes(s.bytes)), \(Format.hours(s.mediaSeconds)) of footage, \(s.deletions.count) old files deleted, \(s.problems.count) problems.").text())
            }
        }
    }

    func deletion(_ d: RetentionDeletion) {
        if json {
            line(JSONOut.object(["type": "deletion", "source": d.source, "camera": d.camera, "path": d.path, "bytes": d.bytes,
                                 "reason": d.reason.rawValue, "deleted": d.deleted,
                                 "start": d.start.map { UTC.iso($0) } ?? NSNull(), "end": d.end.map { UTC.iso($0) } ?? NSNull()]))
        } else {
            let why = d.reason == .maxDays ? Localized(vi: "quá số ngày giữ", en: "older than the days kept")
                                           : Localized(vi: "ổ đĩa dưới mức trống tối thiểu", en: "disk under the free-space floor")
            let verb = d.deleted ? Localized(vi: "Đã xoá", en: "Deleted") : Localized(vi: "Sẽ xoá", en: "Would delete")
            line("\(verb.text()) \(d.path) (\(Format.bytes(d.bytes)), \(why.text()))")
        }
    }

    func note(_ text: Localized) { downloads.note(text) }

    private func line(_ s: String) {
        FileHandle.standardOutput.write(Data((s + "\n").utf8))
    }
}
