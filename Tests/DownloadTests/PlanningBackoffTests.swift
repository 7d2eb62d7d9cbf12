import Common
import Foundation
import Simulator
import Store
import Testing
import TestSupport
@testable import Core

/// A job whose device does not answer while it is being planned (the simulator stopped: the
/// connection is refused) retries after a back-off; a pause or cancel of the whole job ends that
/// wait at once. The back-off is an hour, so these can only pass if the wait is cut short.
@Suite(.serialized) struct PlanningBackoffTests {
    /// The fixture with its device gone, an engine through the real ONVIF access whose planning
    /// back-off is an hour, and a started job that is waiting to retry its planning.
    static func jobWaitingToRetryPlanning() throws -> (EngineFixture, DownloadEngine, EventLog, DownloadJobRecord, ports: (http: Int, rtsp: Int)) {
        let fx = try EngineFixture { $0.channels = 2 }
        let ports = (http: fx.sim.httpPort, rtsp: fx.sim.rtspPort)
        fx.sim.stop()
        var options = DownloadOptions.testing
        options.backoff = Backoff(initial: 3600, maximum: 3600, attempts: 6)
        options.planAttempts = 3
        let log = EventLog(), lines = LogBox()
        let engine = DownloadEngine(repository: fx.repo, options: options, queue: DispatchQueue(label: "test.events"),
                                    logger: lines.logger, onEvent: { log.append($0) })
        let job = try engine.start(DownloadRequest(sourceName: "sim", range: pastRange(minutes: 1), parallel: 2))
        #expect(eventually { lines.contains("planning failed") && lines.contains("retry 1 in 3600") })
        return (fx, engine, log, job, ports)
    }

    @Test func pauseDuringThePlanningBackoffStopsTheJobAtOnce() throws {
        let (fx, engine, log, job, ports) = try Self.jobWaitingToRetryPlanning()
        engine.pause(jobID: job.id)
        #expect(log.wait { _ in !log.summaries.isEmpty })
        let summary = try #require(log.summaries.last)
        #expect(summary.state == .paused, "\(summary)")
        let cameras = try fx.repo.read { try $0.downloadCameras(jobID: job.id) }
        #expect(cameras.count == 2 && cameras.allSatisfy { $0.state == .paused && $0.covered == nil },
                "\(cameras.map { ($0.camera, $0.state, $0.reason?.en ?? "") })")
        #expect(try engine.unfinishedJobs().map(\.id) == [job.id])

        // the device back on the same ports: a resume plans the job and downloads it
        var config = fx.sim.config
        config.port = ports.http
        config.rtspPort = ports.rtsp
        let device = Simulator(config: config)
        try device.start()
        defer { device.stop() }
        let before = log.summaries.count
        try engine.resume(jobID: job.id)
        #expect(log.wait { _ in log.summaries.count > before })
        _ = try? engine.cancel(jobID: job.id) // (should a failed run be waiting out an hour-long back-off)
        #expect(log.summaries.last?.state == .done, "\(String(describing: log.summaries.last))")
    }

    @Test func cancelDuringThePlanningBackoffStopsTheJobAtOnce() throws {
        let (fx, engine, log, job, _) = try Self.jobWaitingToRetryPlanning()
        try engine.cancel(jobID: job.id)
        #expect(log.wait { _ in !log.summaries.isEmpty })
        #expect(log.summaries.last?.state == .cancelled, "\(String(describing: log.summaries.last))")
        #expect(try fx.repo.read { try $0.downloadJob(id: job.id) }?.state == .cancelled)
        #expect(try fx.repo.read { try $0.downloadCameras(jobID: job.id) }.allSatisfy { $0.state == .cancelled })
        #expect(try engine.unfinishedJobs().isEmpty)
    }
}
