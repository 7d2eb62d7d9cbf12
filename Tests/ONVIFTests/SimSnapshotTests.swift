import Foundation
import Pictures
import Simulator
import Testing
import TestSupport

/// The simulator's snapshot URIs (`/onvif/snapshot/<token>.jpg`) seen by a plain HTTP client
/// (curl): a distinct picture per channel that changes on every request, the snapshot login, and
/// each snapshot fault switch; and GetSnapshotUri with `noSnapshotURI` and the wrong host.
@Suite(.requires("curl")) struct SimSnapshotTests {
    // MARK: Helpers

    static func url(_ f: SimFixture, channel: Int) -> String {
        "http://127.0.0.1:\(f.sim.httpPort)/onvif/snapshot/\(f.sim.model.channels[channel - 1].sourceToken).jpg"
    }

    static func close(_ a: (r: UInt8, g: UInt8, b: UInt8), _ b: (r: UInt8, g: UInt8, b: UInt8), within d: Int = 12) -> Bool {
        abs(Int(a.r) - Int(b.r)) <= d && abs(Int(a.g) - Int(b.g)) <= d && abs(Int(a.b) - Int(b.b)) <= d
    }

    static func brightness(_ p: (r: UInt8, g: UInt8, b: UInt8)) -> Int { (Int(p.r) + Int(p.g) + Int(p.b)) / 3 }

    static let media1 = "http://www.onvif.org/ver10/media/wsdl"
    static let media2 = "http://www.onvif.org/ver20/media/wsdl"

    /// GetSnapshotUri for a channel's main profile through Media (ver10) or Media2 (ver20).
    static func snapshotURI(_ f: SimFixture, channel: Int, media2: Bool = false, login: SimSnapshotHTTP.Login = .admin) -> SimSnapshotHTTP.Reply {
        let token = f.sim.model.channels[channel - 1].main.token
        let (path, ns, p) = media2 ? ("/onvif/media2_service", Self.media2, "tr2") : ("/onvif/media_service", Self.media1, "trt")
        return SimSnapshotHTTP.soap("http://127.0.0.1:\(f.sim.httpPort)\(path)",
                                    "<\(p):GetSnapshotUri xmlns:\(p)=\"\(ns)\"><\(p):ProfileToken>\(token)</\(p):ProfileToken></\(p):GetSnapshotUri>",
                                    login: login)
    }

    /// The text of the first `<…Uri>` element of an answer.
    static func uri(in reply: SimSnapshotHTTP.Reply) -> String? {
        let text = String(decoding: reply.body, as: UTF8.self)
        guard let r = text.range(of: #"Uri>[^<]+</"#, options: .regularExpression) else { return nil }
        return String(text[r].dropFirst(4).dropLast(2)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: The scene (no HTTP)

    @Test func theSceneShowsTheChannelColourTopLeftAndTheMarkerAtTheCounter() {
        let time = Date(timeIntervalSince1970: 1_700_000_000)
        for channel in [1, 2, 7, 32] {
            let p = SnapshotScene.render(channel: channel, width: 640, height: 360, time: time, counter: 3)
            #expect(p.width == 640 && p.height == 360)
            let c = SnapshotScene.channelColor(channel)
            for (x, y) in [(0, 0), (8, 8), (31, 31)] { #expect(Self.close(p.pixel(x, y), c, within: 0)) }
            let marker = SnapshotScene.markerX(counter: 3, width: 640)
            #expect(marker == 48)
            #expect(p.pixel(marker + 8, 359) == (255, 255, 255))
            #expect(p.pixel(marker + 8 + 16, 359) == (0, 0, 0))
            #expect(p.pixel(marker - 8, 359) == (0, 0, 0))
        }
        // the marker wraps after width / 16 steps
        #expect(SnapshotScene.markerX(counter: 40, width: 640) == 0)
        #expect(SnapshotScene.markerX(counter: 41, width: 640) == 16)
    }

    @Test func theSceneIsAFunctionOfChannelTimeAndCounter() {
        let t = Date(timeIntervalSince1970: 1_700_000_000)
        let a = SnapshotScene.render(channel: 3, width: 320, height: 180, time: t, counter: 1)
        #expect(a == SnapshotScene.render(channel: 3, width: 320, height: 180, time: t, counter: 1))
        #expect(a != SnapshotScene.render(channel: 3, width: 320, height: 180, time: t, counter: 2))
        #expect(a != SnapshotScene.render(channel: 3, width: 320, height: 180, time: t.addingTimeInterval(1), counter: 1))
        #expect(a != SnapshotScene.render(channel: 4, width: 320, height: 180, time: t, counter: 1))
        // any size draws, tiny ones included
        #expect(SnapshotScene.render(channel: 12, width: 1920, height: 1080, time: t, counter: 0).rgb.count == 1920 * 1080 * 3)
        #expect(SnapshotScene.render(channel: 1, width: 8, height: 4, time: t, counter: 0).rgb.count == 8 * 4 * 3)
    }

    @Test func neighbouringChannelsHaveClearlyDifferentColours() {
        let colours = (1...32).map(SnapshotScene.channelColor)
        for i in 1..<colours.count {
            let a = colours[i - 1], b = colours[i]
            let distance = abs(Int(a.r) - Int(b.r)) + abs(Int(a.g) - Int(b.g)) + abs(Int(a.b) - Int(b.b))
            #expect(distance > 150, "channels \(i) and \(i + 1)")
        }
        #expect(Set(colours.map { "\($0.r),\($0.g),\($0.b)" }).count == 32)
    }

    // MARK: Pictures over HTTP

    @Test func eachChannelServesAJPEGOfItsColour() throws {
        let f = try SimFixture()
        for channel in 1...4 {
            let r = SimSnapshotHTTP.get(Self.url(f, channel: channel), login: .admin)
            #expect(r.status == 200, "\(r.stderr)")
            #expect(r.contentType == "image/jpeg")
            #expect(r.isJPEG)
            let p = try ImageDecoder.decode(r.body)
            #expect(p.width == 640 && p.height == 360)
            #expect(Self.close(p.pixel(8, 8), SnapshotScene.channelColor(channel)), "channel \(channel): \(p.pixel(8, 8))")
            #expect(Self.close(p.pixel(24, 24), SnapshotScene.channelColor(channel)))
        }
        #expect((1...4).allSatisfy { f.sim.stats.snapshots(channel: $0) == 1 })
        #expect(f.sim.stats.totalSnapshots == 4)
        #expect(f.sim.stats.failedLogins == 0)
    }

    @Test func twoRequestsGiveDifferentPicturesWithTheMarkerMoved() throws {
        let f = try SimFixture()
        let first = SimSnapshotHTTP.get(Self.url(f, channel: 2), login: .admin)
        let second = SimSnapshotHTTP.get(Self.url(f, channel: 2), login: .admin)
        #expect(first.isJPEG && second.isJPEG)
        #expect(first.body != second.body)
        let a = try ImageDecoder.decode(first.body), b = try ImageDecoder.decode(second.body)
        // the first picture has the marker at counter 1, the second at counter 2
        let x1 = SnapshotScene.markerX(counter: 1, width: 640) + 8, x2 = SnapshotScene.markerX(counter: 2, width: 640) + 8
        #expect(Self.brightness(a.pixel(x1, 356)) > 200 && Self.brightness(a.pixel(x2, 356)) < 60)
        #expect(Self.brightness(b.pixel(x2, 356)) > 200 && Self.brightness(b.pixel(x1, 356)) < 60)
        #expect(f.sim.stats.snapshots(channel: 2) == 2)
    }

    @Test func theMainSizeServesTheMainResolution() throws {
        let f = try SimFixture { $0.snapshotSize = .main; $0.channels = 1 }
        let r = SimSnapshotHTTP.get(Self.url(f, channel: 1), login: .admin)
        let p = try ImageDecoder.decode(r.body)
        #expect(p.width == 1920 && p.height == 1080)
    }

    // MARK: Login

    @Test func withoutLoginTheDefaultAsksForDigestEvenWithWSSecurity() throws {
        let f = try SimFixture() // auth wsse: a GET has no SOAP header, so HTTP Digest
        let r = SimSnapshotHTTP.get(Self.url(f, channel: 1))
        #expect(r.status == 401)
        #expect(r.challenges.contains { $0.hasPrefix("Digest ") && $0.contains("realm=\"VTrackSim\"") })
        #expect(!r.isJPEG)
        let wrong = SimSnapshotHTTP.get(Self.url(f, channel: 1), login: .digest(user: "admin", password: "nope"))
        #expect(wrong.status == 401)
        #expect(f.sim.stats.failedLogins == 1)
        #expect(f.sim.stats.totalSnapshots == 0)
        #expect(f.sim.stats.snapshotRequests[1] ?? 0 >= 2)
        // Basic is not what it asks for: challenged again, not counted as a failed login
        let basic = SimSnapshotHTTP.get(Self.url(f, channel: 1), login: .adminBasic)
        #expect(basic.status == 401)
        #expect(f.sim.stats.failedLogins == 1)
    }

    @Test func theDigestAlgorithmOfTheDeviceIsUsed() throws {
        let f = try SimFixture { $0.digestAlgorithm = .sha256 }
        let r = SimSnapshotHTTP.get(Self.url(f, channel: 1))
        #expect(r.challenges.contains { $0.contains("algorithm=SHA-256") })
    }

    @Test func basicModeAcceptsBasic() throws {
        let f = try SimFixture { $0.snapshotAuth = .basic }
        let refused = SimSnapshotHTTP.get(Self.url(f, channel: 1))
        #expect(refused.status == 401)
        #expect(refused.challenges == ["Basic realm=\"VTrackSim\""])
        let r = SimSnapshotHTTP.get(Self.url(f, channel: 1), login: .adminBasic)
        #expect(r.status == 200)
        #expect(r.isJPEG)
        let wrong = SimSnapshotHTTP.get(Self.url(f, channel: 1), login: .basic(user: "admin", password: "bad"))
        #expect(wrong.status == 401)
        #expect(f.sim.stats.failedLogins == 1)
    }

    @Test func noneModeNeedsNothing() throws {
        let f = try SimFixture { $0.snapshotAuth = .none }
        let r = SimSnapshotHTTP.get(Self.url(f, channel: 3))
        #expect(r.status == 200)
        #expect(r.isJPEG)
        #expect(f.sim.stats.snapshots(channel: 3) == 1)
    }

    @Test func deviceModeFollowsTheDeviceLogin() throws {
        #expect(SnapshotAuth.device.effective(deviceAuth: .wsse) == .digest)
        #expect(SnapshotAuth.device.effective(deviceAuth: .both) == .digest)
        #expect(SnapshotAuth.device.effective(deviceAuth: .digest) == .digest)
        #expect(SnapshotAuth.device.effective(deviceAuth: .basic) == .basic)
        #expect(SnapshotAuth.device.effective(deviceAuth: .none) == .none)
        #expect(SnapshotAuth.basic.effective(deviceAuth: .wsse) == .basic)
        let open = try SimFixture { $0.auth = .none }
        #expect(SimSnapshotHTTP.get(Self.url(open, channel: 1)).status == 200)
        let basic = try SimFixture { $0.auth = .basic }
        #expect(SimSnapshotHTTP.get(Self.url(basic, channel: 1)).challenges.first?.hasPrefix("Basic ") == true)
        #expect(SimSnapshotHTTP.get(Self.url(basic, channel: 1), login: .adminBasic).status == 200)
    }

    @Test func theAccountLockAppliesToSnapshots() throws {
        let f = try SimFixture { $0.lockAfterFailures = 2 }
        for _ in 0..<2 { _ = SimSnapshotHTTP.get(Self.url(f, channel: 1), login: .digest(user: "admin", password: "bad")) }
        #expect(f.sim.stats.locked)
        #expect(SimSnapshotHTTP.get(Self.url(f, channel: 1), login: .admin).status == 401)
        f.sim.unlockAccount()
        #expect(SimSnapshotHTTP.get(Self.url(f, channel: 1), login: .admin).status == 200)
    }

    @Test func unknownTokensAndOtherMethodsAreRefused() throws {
        let f = try SimFixture { $0.snapshotAuth = .none }
        let missing = SimSnapshotHTTP.get("http://127.0.0.1:\(f.sim.httpPort)/onvif/snapshot/VS_nope.jpg")
        #expect(missing.status == 404)
        let post = SimSnapshotHTTP.get(Self.url(f, channel: 1), extra: ["-X", "POST", "--data", "x"])
        #expect(post.status == 405)
        #expect(post.headers["allow"] == "GET")
        // a query string (a cache buster) is fine
        #expect(SimSnapshotHTTP.get(Self.url(f, channel: 1) + "?t=123").status == 200)
        #expect(f.sim.stats.snapshotRequests.keys.sorted() == [1])
    }

    // MARK: Faults

    @Test func notFoundFaultAnswers404WhateverTheLogin() throws {
        let f = try SimFixture { $0.snapshotFault = .notFound }
        #expect(SimSnapshotHTTP.get(Self.url(f, channel: 1)).status == 404)
        #expect(SimSnapshotHTTP.get(Self.url(f, channel: 1), login: .admin).status == 404)
        #expect(f.sim.stats.totalSnapshots == 0)
        #expect(f.sim.stats.snapshotRequests[1] == 2)
        // lifted while running: pictures again
        f.sim.setSnapshotFault(nil)
        #expect(SimSnapshotHTTP.get(Self.url(f, channel: 1), login: .admin).status == 200)
    }

    @Test func htmlFaultAnswers200WithALoginPage() throws {
        let f = try SimFixture { $0.snapshotFault = .htmlPage }
        let r = SimSnapshotHTTP.get(Self.url(f, channel: 1), login: .admin)
        #expect(r.status == 200)
        #expect(r.contentType.hasPrefix("text/html"))
        #expect(String(decoding: r.body, as: UTF8.self).contains("type=\"password\""))
        #expect(ImageKind.sniff(r.body) == nil)
        #expect(f.sim.stats.totalSnapshots == 0)
    }

    @Test func stallFaultLetsTheClientTimeOut() throws {
        let f = try SimFixture { $0.snapshotFault = .stall }
        let r = SimSnapshotHTTP.get(Self.url(f, channel: 1), login: .admin, maxTime: 1)
        #expect(r.exit == 28) // curl: operation timed out
        #expect(r.status == 0)
        #expect(r.body.isEmpty)
        #expect(f.sim.stats.snapshotRequests[1] == 1)
    }

    @Test func aStalledSnapshotBlocksNeitherOtherRequestsNorTheStop() throws {
        let f = try SimFixture { $0.snapshotFault = .stall }
        let dir = Scratch("snap-stall")
        let args = SimSnapshotHTTP.arguments(into: dir, ["--max-time", "600", Self.url(f, channel: 1)])
        guard let pid = Spawn.start("curl", args, stdout: dir.file("out"), stderr: dir.file("err")) else {
            throw TestFailure("curl did not start")
        }
        var ended: Int32?
        defer { if ended == nil { kill(pid, SIGKILL); _ = Spawn.wait(pid) } }
        #expect(eventually { f.sim.stats.snapshotRequests[1] == 1 })
        // meanwhile: SOAP answers, and pictures once the fault is lifted
        let clock = SimSnapshotHTTP.soap(f.sim.deviceServiceURL,
                                         "<tds:GetSystemDateAndTime xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"/>")
        #expect(clock.status == 200)
        f.sim.setSnapshotFault(nil)
        #expect(SimSnapshotHTTP.get(Self.url(f, channel: 2), login: .admin).status == 200)
        #expect(Spawn.exited(pid) == nil) // still waiting for its answer
        // stopping the simulator closes the silent connection: curl sees it closed, not its own timeout
        f.sim.stop()
        let status = Spawn.wait(pid)
        ended = status
        #expect(status != 0 && status != 28, "curl ended with \(status)")
        #expect(f.sim.stats.snapshots(channel: 1) == 0)
    }

    @Test func oversizedFaultStreamsA12MBPicture() throws {
        let f = try SimFixture { $0.snapshotFault = .oversized }
        let r = SimSnapshotHTTP.get(Self.url(f, channel: 1), login: .admin)
        #expect(r.status == 200)
        #expect(r.contentType == "image/jpeg")
        let length = Int(r.headers["content-length"] ?? "") ?? 0
        #expect(length > 12_000_000)
        #expect(r.body.count == length)
        #expect(ImageKind.sniff(r.body) == .jpeg)
        #expect(r.isJPEG)
        // a client with a size cap stops; the simulator carries on
        let capped = SimSnapshotHTTP.get(Self.url(f, channel: 1), login: .admin, extra: ["--max-filesize", "8388608"])
        #expect(capped.exit == 63) // curl: maximum file size exceeded
        f.sim.setSnapshotFault(nil)
        let normal = SimSnapshotHTTP.get(Self.url(f, channel: 1), login: .admin)
        #expect(normal.isJPEG && normal.body.count < 1_000_000)
    }

    @Test func wrongHostFaultNamesAnotherHostWithTheRealPort() throws {
        let f = try SimFixture { $0.snapshotFault = .wrongHost; $0.auth = .digest }
        for media2 in [false, true] {
            let answer = Self.snapshotURI(f, channel: 2, media2: media2)
            #expect(answer.status == 200)
            let u = try #require(Self.uri(in: answer).flatMap { URLComponents(string: $0) })
            #expect(u.host == "192.0.2.1")
            #expect(u.port == f.sim.httpPort)
            #expect(u.path == "/onvif/snapshot/\(f.sim.model.channels[1].sourceToken).jpg")
            // a client that puts back the host it was given gets the picture
            var fixed = u
            fixed.host = "127.0.0.1"
            let r = SimSnapshotHTTP.get(try #require(fixed.string), login: .admin)
            #expect(r.status == 200 && r.isJPEG)
        }
    }

    @Test func withoutFaultsGetSnapshotUriNamesTheServedPath() throws {
        let f = try SimFixture { $0.auth = .digest }
        let answer = Self.snapshotURI(f, channel: 3)
        #expect(Self.uri(in: answer) == Self.url(f, channel: 3))
    }

    @Test func noSnapshotURIChannelsGetAFaultAndTheOthersAURI() throws {
        let f = try SimFixture { $0.auth = .digest; $0.noSnapshotURI = [2, 4] }
        for media2 in [false, true] {
            for channel in 1...4 {
                let answer = Self.snapshotURI(f, channel: channel, media2: media2)
                if channel % 2 == 0 {
                    #expect(answer.status == 500)
                    #expect(String(decoding: answer.body, as: UTF8.self).contains("ActionNotSupported"))
                    #expect(Self.uri(in: answer) == nil)
                } else {
                    #expect(answer.status == 200)
                    #expect(Self.uri(in: answer) == Self.url(f, channel: channel))
                }
            }
        }
        let caps = SimSnapshotHTTP.soap("http://127.0.0.1:\(f.sim.httpPort)/onvif/media_service",
                                        "<trt:GetServiceCapabilities xmlns:trt=\"\(Self.media1)\"/>", login: .admin)
        #expect(String(decoding: caps.body, as: UTF8.self).contains("SnapshotUri=\"true\""))
    }

    @Test func noSnapshotURIForAllSaysSoInTheCapabilities() throws {
        let f = try SimFixture { $0.auth = .digest; $0.noSnapshotURI = .all; $0.channels = 2 }
        for channel in 1...2 { #expect(Self.snapshotURI(f, channel: channel, media2: true).status == 500) }
        let m1 = SimSnapshotHTTP.soap("http://127.0.0.1:\(f.sim.httpPort)/onvif/media_service",
                                      "<trt:GetServiceCapabilities xmlns:trt=\"\(Self.media1)\"/>", login: .admin)
        let m2 = SimSnapshotHTTP.soap("http://127.0.0.1:\(f.sim.httpPort)/onvif/media2_service",
                                      "<tr2:GetServiceCapabilities xmlns:tr2=\"\(Self.media2)\"/>", login: .admin)
        #expect(String(decoding: m1.body, as: UTF8.self).contains("SnapshotUri=\"false\""))
        #expect(String(decoding: m2.body, as: UTF8.self).contains("SnapshotUri=\"false\""))
    }

    @Test func aProbeListsNoSnapshotForTheChannelsWithout() throws {
        let f = try SimFixture { $0.noSnapshotURI = [2] }
        let cameras = try f.client().probe().cameras
        #expect(cameras.count == 4)
        for camera in cameras {
            #expect((camera.snapshotURL == nil) == (camera.channel == 2), "\(camera.name)")
            #expect(camera.capabilities.contains("snapshot") == (camera.channel != 2))
            #expect(camera.mainStream?.uri != nil)
        }
    }

    @Test func aProbeOfAWrongHostDeviceGetsSnapshotURIsItCanReach() throws {
        let f = try SimFixture { $0.snapshotFault = .wrongHost }
        let cameras = try f.client().probe().cameras
        let first = try #require(cameras.first { $0.channel == 1 }?.snapshotURL)
        #expect(first == Self.url(f, channel: 1)) // the probe put back 127.0.0.1
        #expect(SimSnapshotHTTP.get(first, login: .admin).isJPEG)
    }

    @Test func channelSetsReadAllAndLists() {
        #expect(SimChannelSet(parsing: "all") == .all)
        #expect(SimChannelSet(parsing: "1,3") == [1, 3])
        #expect(SimChannelSet(parsing: " 2 ") == [2])
        #expect(SimChannelSet(parsing: "1,,3") == nil)
        #expect(SimChannelSet(parsing: "0") == nil)
        #expect(SimChannelSet(parsing: "x") == nil)
        #expect(SimChannelSet.all.contains(99))
        #expect(!SimChannelSet([1]).contains(2))
    }

    // MARK: vtrack-sim

    @Test func vtrackSimFlagsSetTheSnapshotSwitches() throws {
        let sim = try SimProcess(["--auth", "none", "--no-snapshot-uri", "2", "--snapshot-fault", "html", "--channels", "2"])
        defer { sim.stop() }
        let model = NVRModel(config: { var c = SimulatorConfig(); c.channels = 2; return c }())
        let base = "http://127.0.0.1:\(sim.httpPort)"
        let page = SimSnapshotHTTP.get("\(base)/onvif/snapshot/\(model.channels[0].sourceToken).jpg")
        #expect(page.status == 200 && page.contentType.hasPrefix("text/html"))
        func snapshotURI(_ ch: Int) -> SimSnapshotHTTP.Reply {
            SimSnapshotHTTP.soap("\(base)/onvif/media_service",
                                 "<trt:GetSnapshotUri xmlns:trt=\"\(Self.media1)\"><trt:ProfileToken>\(model.channels[ch - 1].main.token)</trt:ProfileToken></trt:GetSnapshotUri>")
        }
        #expect(snapshotURI(1).status == 200)
        #expect(snapshotURI(2).status == 500)

        let basic = try SimProcess(["--snapshot-auth", "basic", "--channels", "1"])
        defer { basic.stop() }
        let refused = SimSnapshotHTTP.get("http://127.0.0.1:\(basic.httpPort)/onvif/snapshot/\(model.channels[0].sourceToken).jpg")
        #expect(refused.challenges.first?.hasPrefix("Basic ") == true)

        let bad = Spawn.run(BuiltProducts.path("vtrack-sim"), ["--snapshot-fault", "teapot"])
        #expect(bad.status != 0)
        #expect(bad.err.contains("--snapshot-fault must be one of: 404, html, stall, oversize, wrong-host"))
    }
}
