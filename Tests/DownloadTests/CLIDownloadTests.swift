import Common
import Foundation
import Simulator
import Store
import Testing
import TestSupport
@testable import Core

/// `vtrack download` and `vtrack jobs`, the real binaries against a `vtrack-sim` process: ONVIF
/// search and GetReplayUri, progress as JSON lines, Ctrl-C, kill -9 at random points, the replay
/// limit, vendor fallbacks and placeholder times.
@Suite(.serialized, .requiresMediaTools) struct CLIDownloadTests {
    /// The simulator's footage of a channel (same seed, same model as the `vtrack-sim` process).
    static func footage(channel: Int, in range: DateInterval, config: SimulatorConfig = SimulatorConfig()) -> [DateInterval] {
        let recordings = SimRecordings(config: config, model: NVRModel(config: config))
        return recordings.all[channel - 1].footage(in: range)
    }

    static func camera(_ n: Int) -> String { String(format: "Camera %02d", n) }

    /// Yesterday, `minutes` from `hour` UTC.
    static func yesterday(hour: Double, minutes: Double) -> DateInterval {
        let day = (Date().timeIntervalSince1970 / 86_400).rounded(.down) - 1
        return DateInterval(start: Date(timeIntervalSince1970: day * 86_400 + hour * 3600), duration: minutes * 60)
    }

    @Test func downloadWithJSONLinesAndJobs() throws {
        let sim = try SimProcess(["--channels", "4"])
        let home = VTrackHome()
        try home.addSource(sim)
        let range = Self.yesterday(hour: 4, minutes: 90) // across the end of the nightly gap
        let r = home.vtrack(["download", "sim", "--from", isoZ(range.start), "--to", isoZ(range.end), "--cameras", "Camera 01,Camera 02",
                             "--parallel", "2", "--replay-sessions", "2", "--json"])
        #expect(r.status == 0, "\(r.err)")
        let lines = jsonLines(r.out)
        #expect(lines.first?["type"] as? String == "job")
        #expect(lines.contains { $0["type"] as? String == "progress" })
        let summary = try #require(lines.last)
        #expect(summary["type"] as? String == "summary" && summary["state"] as? String == "done")
        #expect((summary["gaps"] as? Int ?? 0) >= 2)
        let jobID = Int64(summary["job"] as? Int ?? 0)
        let repo = try home.repository()
        for n in [1, 2] {
            try EngineTests.checkCoverage(repo, jobID: jobID, camera: Self.camera(n), covered: Self.footage(channel: n, in: range), fps: 25,
                                          decode: false)
        }
        let jobs = home.vtrack(["jobs", "--json"])
        #expect(jobs.status == 0)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(jobs.out.utf8)) as? [[String: Any]])
        #expect(list.count == 1 && list[0]["state"] as? String == "done" && list[0]["id"] as? Int == Int(jobID))
        let cams = try #require(list[0]["cameras"] as? [[String: Any]])
        #expect(cams.allSatisfy { !(($0["files"] as? [String]) ?? []).isEmpty })
        let text = home.vtrack(["jobs"])
        #expect(text.out.contains("done") && text.out.contains("sim"))
    }

    /// kill -9 of the download at five random points, then `--resume`: in the end every picture
    /// of the footage is in exactly one file, and every file decodes. Each kill lands while the
    /// simulator holds the replay at its point (`--rtsp-hold-after`, released with SIGUSR1 once
    /// the download is dead), so no kill can come too late, however fast the download runs.
    @Test func killNineAtRandomPointsThenResume() throws {
        // six minutes both cameras recorded through (the day's outages move with the date)
        let range = try #require(stride(from: 6.0, to: 22, by: 0.25).lazy.map { Self.yesterday(hour: $0, minutes: 6) }
            .first { r in [1, 2].allSatisfy { Self.footage(channel: $0, in: r) == [r] } })
        let total = 2 * 6 * 60 * 177_000 // about 127 MB: the 1080p clip is 177 kB a second
        let points = Set((0..<5).map { _ in Int.random(in: total / 20...(total * 9 / 10)) }).sorted()
        print("kill -9 after \(points) bytes of replay")
        // the points count the replay bytes sent in all (over every run): each run is held at the next one
        let sim = try SimProcess(["--channels", "2", "--rtsp-hold-after", points.map(String.init).joined(separator: ",")])
        let home = VTrackHome()
        try home.addSource(sim)
        let cams = ["Camera 01", "Camera 02"]
        var args = ["download", "sim", "--from", isoZ(range.start), "--to", isoZ(range.end), "--cameras", cams.joined(separator: ","),
                    "--max-file-size-mb", "9", "--json"]
        for n in 1...points.count {
            guard let run = home.start(args) else { Issue.record("cannot start vtrack"); return }
            var ended: Int32?
            let held = eventually(timeout: 120) {
                if sim.process.output.contains("\nheld \(n) ") { return true }
                ended = Spawn.exited(run.pid)
                return ended != nil
            }
            #expect(held && ended == nil, "hold \(n) not reached: \(ended.map { "vtrack ended with \($0)" } ?? "timed out"): \(sim.process.output) \((try? String(contentsOfFile: run.err, encoding: .utf8)) ?? "")")
            guard held, ended == nil else { return }
            kill(run.pid, SIGKILL)
            #expect(Spawn.wait(run.pid) == 128 + SIGKILL)
            kill(sim.pid, SIGUSR1) // the replay goes on, to the next point
            args = ["download", "--resume", "--json"]
        }
        // the last run finishes the job
        let last = home.vtrack(["download", "--resume", "--json"])
        #expect(last.status == 0, "\(last.err)")
        #expect(jsonLines(last.out).last?["state"] as? String == "done")
        let repo = try home.repository()
        let job = try #require(try repo.read { try $0.downloadJobs() }.first)
        #expect(job.state == .done)
        for n in [1, 2] {
            try EngineTests.checkCoverage(repo, jobID: job.id, camera: Self.camera(n), covered: Self.footage(channel: n, in: range), fps: 25)
        }
    }

    @Test func ctrlCPausesAndSaysHowToResume() throws {
        let sim = try SimProcess(["--channels", "1"])
        let home = VTrackHome()
        try home.addSource(sim)
        let range = Self.yesterday(hour: 12, minutes: 60)
        guard let run = home.start(["download", "sim", "--from", isoZ(range.start), "--to", isoZ(range.end)]) else {
            Issue.record("cannot start vtrack"); return
        }
        _ = eventually { ((try? String(contentsOfFile: run.out, encoding: .utf8)) ?? "").contains("running") }
        kill(run.pid, SIGINT)
        #expect(Spawn.wait(run.pid) == 130)
        let err = (try? String(contentsOfFile: run.err, encoding: .utf8)) ?? ""
        #expect(err.contains("continue with: vtrack download --resume 1 --db"), "\(err)")
        let out = (try? String(contentsOfFile: run.out, encoding: .utf8)) ?? ""
        #expect(out.contains("paused"))
        let jobs = home.vtrack(["jobs", "--json", "--unfinished"])
        #expect(jobs.out.contains("\"paused\""))
        let again = home.vtrack(["download", "--resume", "1"])
        #expect(again.status == 0, "\(again.err)")
        #expect(again.out.contains("done"))
        try EngineTests.checkCoverage(try home.repository(), jobID: 1, camera: "Camera 01", covered: Self.footage(channel: 1, in: range),
                                      fps: 25, decode: false)
    }

    @Test func theReplayLimitWithTwoInParallel() throws {
        let sim = try SimProcess(["--channels", "2", "--replay-limit", "1"])
        let home = VTrackHome()
        try home.addSource(sim)
        let range = Self.yesterday(hour: 14, minutes: 10)
        let r = home.vtrack(["download", "sim", "--from", isoZ(range.start), "--to", isoZ(range.end), "--parallel", "2", "--replay-sessions", "2"])
        #expect(r.status == 0, "\(r.err)")
        let repo = try home.repository()
        for n in [1, 2] {
            try EngineTests.checkCoverage(repo, jobID: 1, camera: Self.camera(n), covered: Self.footage(channel: n, in: range), fps: 25, decode: false)
        }
    }

    /// No Profile G: Hikvision's playback URL (which plays past its end time: the client stops it)
    /// and Dahua's. Without search the whole range is tried; gaps in the footage still split files.
    @Test(arguments: ["hikvision", "dahua"])
    func vendorFallbacks(_ vendor: String) throws {
        let sim = try SimProcess(["--channels", "1", "--no-profile-g", "--vendor", vendor])
        let home = VTrackHome()
        try home.addSource(sim)
        let range = Self.yesterday(hour: 4, minutes: 90)
        let r = home.vtrack(["download", "sim", "--from", isoZ(range.start), "--to", isoZ(range.end), "--json"])
        #expect(r.status == 0, "\(r.err)")
        let repo = try home.repository()
        let cam = try #require(try repo.read { try $0.downloadCameras(jobID: 1) }.first)
        #expect(cam.replay == "fallback:\(vendor)")
        #expect(cam.covered == [range])
        let files = try repo.read { try $0.downloadFiles(jobID: 1) }
        #expect(!files.isEmpty)
        // nothing past the end of the range, even from a server that keeps playing
        #expect(files.allSatisfy { $0.end! <= range.end.addingTimeInterval(0.1) && $0.start! >= range.start.addingTimeInterval(-2) })
        try EngineTests.checkCoverage(repo, jobID: 1, camera: "Camera 01", covered: Self.footage(channel: 1, in: range), fps: 25, decode: false)
    }

    /// A playback URL template saved on the source (`vtrack recordings --url-template …
    /// --save-url-template`) drives a whole download: it wins over the manufacturer's format,
    /// and its end bound is enforced like the vendors'.
    @Test func aSavedURLTemplateDrivesTheDownload() throws {
        let sim = try SimProcess(["--channels", "2", "--no-profile-g", "--vendor", "dahua"])
        let home = VTrackHome()
        try home.addSource(sim)
        let range = Self.yesterday(hour: 4, minutes: 90)
        let template = "rtsp://{host}:{port}/cam/playback?channel={channel}&subtype={subtype}"
            + "&starttime={start:yyyy_MM_dd_HH_mm_ss}&endtime={end:yyyy_MM_dd_HH_mm_ss}"
        let saved = home.vtrack(["recordings", "sim", "--from", isoZ(range.start), "--to", isoZ(range.end), "--cameras", "Camera 02",
                                 "--url-template", template, "--save-url-template", "--json"])
        #expect(saved.status == 0, "\(saved.err)")
        let r = home.vtrack(["download", "sim", "--from", isoZ(range.start), "--to", isoZ(range.end), "--cameras", "Camera 02", "--json"])
        #expect(r.status == 0, "\(r.err)")
        let repo = try home.repository()
        let cam = try #require(try repo.read { try $0.downloadCameras(jobID: 1) }.first)
        #expect(cam.replay == "fallback:template")
        let files = try repo.read { try $0.downloadFiles(jobID: 1) }
        #expect(!files.isEmpty)
        #expect(files.allSatisfy { $0.end! <= range.end.addingTimeInterval(0.1) && $0.start! >= range.start.addingTimeInterval(-2) })
        try EngineTests.checkCoverage(repo, jobID: 1, camera: "Camera 02", covered: Self.footage(channel: 2, in: range), fps: 25, decode: false)
    }

    @Test func noProfileGAndNoVendorIsOneSentence() throws {
        let sim = try SimProcess(["--channels", "1", "--no-profile-g"])
        let home = VTrackHome()
        try home.addSource(sim)
        let range = Self.yesterday(hour: 12, minutes: 5)
        let r = home.vtrack(["download", "sim", "--from", isoZ(range.start), "--to", isoZ(range.end)])
        #expect(r.status == 1)
        #expect(r.err.contains("offers no recordings over ONVIF"), "\(r.err)")
        #expect(r.err.split(separator: "\n").filter { $0.hasPrefix("vtrack:") }.count == 1)
    }

    @Test func placeholderTimesNeverPlanFiftyYears() throws {
        let sim = try SimProcess(["--channels", "1", "--placeholder-times", "--days", "2"])
        let home = VTrackHome()
        try home.addSource(sim)
        // a range of 300 days around the device's placeholder (1970) times: only real footage is
        // planned, never the whole range (a range from 1970 itself is refused: HostileDownloadTests)
        let end = Self.yesterday(hour: 12, minutes: 5).end
        guard let run = home.start(["download", "sim", "--from", isoZ(end.addingTimeInterval(-300 * 86_400)), "--to", isoZ(end), "--json"]) else {
            Issue.record("cannot start vtrack"); return
        }
        var covered = 0.0
        _ = eventually {
            let text = (try? String(contentsOfFile: run.out, encoding: .utf8)) ?? ""
            if let c = jsonLines(text).compactMap({ $0["covered_seconds"] as? Double }).first(where: { $0 > 0 }) { covered = c; return true }
            return text.contains("\"summary\"")
        }
        kill(run.pid, SIGINT)
        _ = Spawn.wait(run.pid)
        #expect(covered > 0 && covered <= 2 * 86_400, "covered \(covered) s")
        let cam = try #require(try home.repository().read { try $0.downloadCameras(jobID: 1) }.first)
        let first = try #require(cam.covered?.first)
        #expect(first.start > Date(timeIntervalSince1970: 946_684_800), "plan starts at \(first.start)")
    }

    /// On a terminal (`script` gives it one): bars redrawn in place, a total line, the summary;
    /// never more than 10 redraws a second.
    @Test(.enabled(if: Tools.find("script") != nil, "script(1) is not installed"))
    func progressBarsOnATerminal() throws {
        let sim = try SimProcess(["--channels", "2"])
        let home = VTrackHome()
        try home.addSource(sim)
        let range = Self.yesterday(hour: 15, minutes: 20)
        let cmd = [BuiltProducts.path("vtrack"), "download", "sim", "--from", isoZ(range.start), "--to", isoZ(range.end), "--db", home.db]
            .map { "'" + $0 + "'" }.joined(separator: " ")
        let typescript = home.dir.file("typescript")
        let t0 = Date()
        let status = Spawn.run(try #require(Tools.find("script")), ["-qec", cmd, typescript], environment: home.environment).status
        let elapsed = Date().timeIntervalSince(t0)
        #expect(status == 0)
        let text = (try? String(contentsOfFile: typescript, encoding: .utf8)) ?? ""
        #expect(text.contains("\u{1B}[2KCamera 01") && text.contains("Total") && text.contains("█"))
        #expect(text.contains("Job 1: done"))
        let redraws = text.components(separatedBy: "\u{1B}[3A").count - 1 // two cameras and the total
        #expect(redraws >= 1)
        #expect(Double(redraws) <= elapsed * 10 + 2, "\(redraws) redraws in \(elapsed) s")
    }
}
