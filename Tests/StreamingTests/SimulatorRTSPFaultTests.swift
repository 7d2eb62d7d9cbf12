import Foundation
import Glibc
import Simulator
import Synchronization
import Testing
import TestSupport
@testable import Streaming

/// Every error path of the client, driven through a simulator switch: survived, or turned
/// into its typed error — and whatever was written before stays a readable file.
@Suite("Simulator RTSP: faults, auth, timeouts", .serialized)
struct SimulatorRTSPFaultTests {
    static func replayToken(_ sim: SimRTSP) -> String { sim.model.channels[0].recordingToken }

    /// Unpaced replay of `seconds` into a file; returns the summary (or the error) and the files.
    static func replay(_ sim: SimRTSP, seconds: Double, options: RTSPOptions = RTSPOptions(), dir: URL)
        -> (Result<StreamSummary, Error>, MP4RecordingSink) {
        let start = alignedReplayStart()
        let sink = MP4RecordingSink(path: dir.appendingPathComponent("f.mp4").path)
        let r = Result { try RTSPSession(url: sim.url("/replay/\(replayToken(sim))"), options: options).run(.replay(from: start, to: start + seconds), sink: sink) }
        return (r, sink)
    }

    @Test(.enabled(if: MediaCheck.available))
    func droppedConnectionIsATypedErrorAndTheFileSoFarIsRecoverable() throws {
        let sim = try SimRTSP { $0.rtsp.faults.dropAfterBytes = 1_500_000 }
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (result, _) = Self.replay(sim, seconds: 60, dir: dir)
        #expect(throws: StreamingError.connectionClosed) { try result.get() }
        // the writer was never finished: a .part file is left, as after a crash
        let part = dir.appendingPathComponent("f.mp4.part").path
        #expect(FileManager.default.fileExists(atPath: part))
        let recovered = try #require(try MP4Recovery.finalize(partPath: part))
        #expect(recovered.videoSamples >= 50)
        let (ok, err) = StreamingSupport.decodesCleanly(recovered.path)
        #expect(ok, "ffmpeg: \(err)")
        #expect(recovered.endWallClock != nil)  // where the download resumes
    }

    @Test func stalledServerIsATypedError() throws {
        let sim = try SimRTSP { $0.rtsp.faults.stallAfterBytes = 300_000 }
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        var options = RTSPOptions()
        options.stallTimeout = 1
        let (result, _) = Self.replay(sim, seconds: 60, options: options, dir: dir)
        #expect(throws: StreamingError.stalled(seconds: 1)) { try result.get() }
        #expect(eventually { sim.server.statistics.teardowns == 1 })  // TEARDOWN also after an error
    }

    @Test(.enabled(if: MediaCheck.available))
    func garbageBetweenFramesIsSkippedAndCounted() throws {
        let sim = try SimRTSP { $0.rtsp.faults.garbageEveryPictures = 7 }
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (result, sink) = Self.replay(sim, seconds: 20, dir: dir)
        let s = try result.get()
        #expect(s.endReason == .endOfRange)
        #expect(s.lostBytes > 0)
        let f = try sink.finish()[0]
        // random garbage can (rarely) swallow a packet: then at most one GOP is dropped
        #expect(f.videoSamples >= 450)
        let (ok, err) = StreamingSupport.decodesCleanly(f.path)
        #expect(ok, "ffmpeg: \(err)")
    }

    @Test(.enabled(if: MediaCheck.available))
    func rtspResponseInjectedMidStreamIsSkipped() throws {
        let sim = try SimRTSP { $0.rtsp.faults.injectResponseEveryPictures = 10 }
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (result, sink) = Self.replay(sim, seconds: 20, dir: dir)
        let s = try result.get()
        #expect(s.unexpectedMessages >= 40)
        #expect(s.lostBytes == 0)
        let f = try sink.finish()[0]
        #expect(f.videoSamples == 500)
        let (ok, err) = StreamingSupport.decodesCleanly(f.path)
        #expect(ok, "ffmpeg: \(err)")
    }

    @Test(.enabled(if: MediaCheck.available))
    func timestampsThatJumpBackGiveAMonotonicFile() throws {
        let sim = try SimRTSP { $0.rtsp.faults.timestampJumpBackEveryPictures = 60 }
        let dir = StreamingSupport.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (result, sink) = Self.replay(sim, seconds: 10, dir: dir)
        _ = try result.get()
        let f = try sink.finish()[0]
        #expect(f.videoSamples == 250)
        #expect(abs(f.duration - 10) < 0.05)
        let (ok, err) = StreamingSupport.decodesCleanly(f.path)
        #expect(ok, "ffmpeg: \(err)")
    }

    // MARK: Session timeout and keepalive

    @Test func idleSessionIsKilledByTheServer() throws {
        let sim = try SimRTSP { $0.rtsp.sessionTimeout = 1 }
        var options = RTSPOptions()
        options.keepaliveInterval = 3600  // never
        let sink = CollectingSink()
        #expect(throws: StreamingError.connectionClosed) {
            try RTSPSession(url: sim.url("/live/ch01/sub"), options: options).run(PlayRequest(), sink: sink)
        }
        #expect(sim.server.statistics.sessionsTimedOut == 1)
    }

    @Test(arguments: [false, true])
    func keepaliveHoldsTheSession(noGetParameter: Bool) throws {
        let sim = try SimRTSP { $0.rtsp.sessionTimeout = 3; $0.rtsp.noGetParameter = noGetParameter }
        let sink = MP4RecordingSink(path: StreamingSupport.tempDir().appendingPathComponent("k.mp4").path, maxDuration: 5)
        let s = try RTSPSession(url: sim.url("/live/ch01/sub")).run(PlayRequest(), sink: sink)
        #expect(s.endReason == .stoppedBySink)
        #expect(s.keepalivesSent >= 2)  // every 1.5 s for 5 s: 3 on time, 2 when the machine is saturated
        #expect(sim.server.statistics.sessionsTimedOut == 0)
        let method = noGetParameter ? "OPTIONS" : "GET_PARAMETER"
        #expect((sim.server.statistics.requests[method] ?? 0) >= 2)
        try? FileManager.default.removeItem(atPath: (sink.path as NSString).deletingLastPathComponent)
    }

    @Test func keepaliveAlsoDuringAFastBulkRead() throws {
        // unpaced replay of 10 minutes with an 8 s session timeout: keepalives (every 4 s) must go
        // out while data pours in; 4 s of margin for a saturated machine (2 s was not always
        // enough when four test suites ran at once)
        let sim = try SimRTSP { $0.rtsp.sessionTimeout = 8 }
        final class Counter: MediaSink {  // a slow disk: at least 12.5 s for the whole read
            var n = 0
            func received(_ au: AccessUnit) throws -> SinkDecision { n += 1; usleep(n % 12 == 0 ? 10_000 : 0); return .continue }
        }
        let start = alignedReplayStart()
        let sink = Counter()
        let s = try RTSPSession(url: sim.url("/replay/\(Self.replayToken(sim))")).run(.replay(from: start, to: start + 600), sink: sink)
        #expect(s.endReason == .endOfRange)
        #expect(sink.n == 600 * 25)
        #expect(s.keepalivesSent >= 2)
        #expect(sim.server.statistics.sessionsTimedOut == 0)
    }

    // MARK: Cancel

    @Test func cancelStopsPromptlyAndTearsDown() throws {
        let sim = try SimRTSP()
        let session = try RTSPSession(url: sim.url("/live/ch01/main"))
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<Result<StreamSummary, StreamingError>?>(nil)
        DispatchQueue.global().async {
            let r = Result { try session.run(PlayRequest(), sink: CollectingSink()) }.mapError { $0 as? StreamingError ?? .connectionClosed }
            result.withLock { $0 = r }
            done.signal()
        }
        #expect(eventually { (sim.server.statistics.requests["PLAY"] ?? 0) == 1 })
        session.cancel()
        #expect(done.wait(timeout: .now() + 5) == .success)
        let summary = try result.withLock { $0 }?.get()
        #expect(summary?.endReason == .cancelled)
        #expect(eventually { sim.server.statistics.teardowns == 1 })
    }

    // MARK: Auth

    @Test(arguments: SimulatorConfig.RTSPAuth.allCases)
    func everyChallengeShapeIsAnswered(mode: SimulatorConfig.RTSPAuth) throws {
        let sim = try SimRTSP { $0.rtsp.auth = mode }
        let s = try RTSPSession(url: sim.url("/live/ch01/sub")).run(PlayRequest(), sink: CollectingSink(limit: 5))
        #expect(s.endReason == .stoppedBySink)
        // one 401 for the first request at most; every later request answered at once
        #expect(sim.server.statistics.authFailures <= (mode == .none ? 0 : 1))
    }

    @Test func wrongPasswordIsATypedError() throws {
        let sim = try SimRTSP()
        #expect(throws: StreamingError.authenticationFailed(user: "admin")) {
            try RTSPSession(url: sim.url("/live/ch01/sub"), password: "wrong").run(PlayRequest(), sink: CollectingSink(limit: 1))
        }
        #expect(throws: StreamingError.authenticationFailed(user: nil)) {
            try RTSPSession(url: sim.url("/live/ch01/sub", withCredentials: false)).run(PlayRequest(), sink: CollectingSink(limit: 1))
        }
    }

    @Test func passwordWithSpecialCharactersWorksAndNeverReachesTheWire() throws {
        let password = "p@ss/w?rd%"
        let sim = try SimRTSP { $0.password = password }
        // percent-encoded in the URL
        let s1 = try RTSPSession(url: sim.url("/live/ch01/sub")).run(PlayRequest(), sink: CollectingSink(limit: 2))
        #expect(s1.endReason == .stoppedBySink)
        // raw in the URL (the last '@' before the host separates it)
        let raw = "rtsp://admin:\(password)@127.0.0.1:\(sim.server.port)/live/ch01/sub"
        let s2 = try RTSPSession(url: raw).run(PlayRequest(), sink: CollectingSink(limit: 2))
        #expect(s2.endReason == .stoppedBySink)
        // given apart from the URL
        let s3 = try RTSPSession(url: sim.url("/live/ch01/sub", withCredentials: false), user: "admin", password: password)
            .run(PlayRequest(), sink: CollectingSink(limit: 2))
        #expect(s3.endReason == .stoppedBySink)
    }

    @Test func staleNonceIsRenewedWithoutFailing() throws {
        let sim = try SimRTSP { $0.rtsp.nonceLifetime = 0.2 }
        let client = try RTSPClient(url: RTSPURL(sim.url("/live/ch01/sub"))!)
        let sdp = try client.describe(requireReplay: false)
        usleep(400_000)
        _ = try client.setup(sdp.video!, channel: 0, requireReplay: false)  // stale=true then a fresh answer
        #expect(sim.server.statistics.authFailures == 2)
        client.teardown(client.aggregateURL(sdp))
    }

    // MARK: Connection errors

    @Test func refusedPortIsATypedError() throws {
        let port = freePort()
        #expect(throws: StreamingError.connectionRefused(host: "127.0.0.1", port: port)) {
            try RTSPSession(url: "rtsp://127.0.0.1:\(port)/x").run(PlayRequest(), sink: CollectingSink())
        }
    }

    @Test func tlsAndNonRTSPAddressesAreRefusedUpFront() {
        for bad in ["rtsps://127.0.0.1/x", "http://127.0.0.1/x", "rtsp://"] {
            #expect(throws: StreamingError.invalidURL(bad)) { _ = try RTSPSession(url: bad) }
        }
    }

    @Test func unknownHostIsATypedError() throws {
        #expect(throws: StreamingError.hostNotFound(host: "no-such-host.invalid")) {
            try RTSPSession(url: "rtsp://no-such-host.invalid/x").run(PlayRequest(), sink: CollectingSink())
        }
    }

    @Test func silentServerGivesAResponseTimeout() throws {
        // a listening socket that accepts (backlog) and never answers
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(s) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, len) } }
        listen(s, 4)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &len) } }
        var options = RTSPOptions()
        options.responseTimeout = 0.5
        #expect(throws: StreamingError.responseTimeout(method: "OPTIONS", seconds: 0.5)) {
            try RTSPSession(url: "rtsp://127.0.0.1:\(UInt16(bigEndian: addr.sin_port))/x", options: options).run(PlayRequest(), sink: CollectingSink())
        }
    }

    @Test func connectionThatNeverCompletesGivesAConnectTimeout() throws {
        // a listener whose accept queue is full: further SYNs are dropped, connect() hangs
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(s) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, len) } }
        listen(s, 0)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &len) } }
        var fillers: [Int32] = []
        defer { fillers.forEach { close($0) } }
        for _ in 0..<4 {  // fill the queue (non-blocking connects that complete or stay pending)
            let c = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(c, $0, len) } }
            fillers.append(c)
        }
        var options = RTSPOptions()
        options.connectTimeout = 0.5
        let port = Int(UInt16(bigEndian: addr.sin_port))
        #expect(throws: StreamingError.connectTimeout(host: "127.0.0.1", port: port, seconds: 0.5)) {
            try RTSPSession(url: "rtsp://127.0.0.1:\(port)/x", options: options).run(PlayRequest(), sink: CollectingSink())
        }
    }

    @Test func unknownPathIsATypedError() throws {
        let sim = try SimRTSP()
        #expect(throws: StreamingError.notFound(uri: "rtsp://127.0.0.1:\(sim.server.port)/live/ch99/main")) {
            try RTSPSession(url: sim.url("/live/ch99/main")).run(PlayRequest(), sink: CollectingSink())
        }
    }
}
