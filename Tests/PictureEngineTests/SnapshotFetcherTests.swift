import Common
import Core
import Foundation
import ONVIF
import Pictures
import Simulator
import Testing
import TestSupport

/// ONVIF's snapshot fetcher against the simulator's snapshot URIs, through every switch.
@Suite struct SnapshotFetcherTests {
    static let admin = Credentials(user: "admin", password: "admin123")

    private func uri(_ s: PictureSim, channel: Int) throws -> String {
        let t = try s.targets()
        return try #require(t.first { $0.camera.channel == channel }?.camera.snapshotURL)
    }

    @Test(arguments: [SnapshotAuth.none, .basic, .digest])
    func loginIsFoundThenRemembered(_ auth: SnapshotAuth) throws {
        let s = try PictureSim { $0.snapshotAuth = auth; $0.channels = 2 }
        let fetcher = SnapshotFetcher()
        let first = try fetcher.fetch(try uri(s, channel: 1), device: s.device, credentials: Self.admin)
        #expect(ImageKind.sniff(first.bytes) == .jpeg)
        #expect(first.login.name == auth.rawValue)
        #expect(fetcher.login(device: s.device, user: "admin")?.name == auth.rawValue)
        // none: one request; basic/digest: the first goes without a login and gets the 401
        #expect(s.snapshotRequests(1) == (auth == .none ? 1 : 2))
        // the second snapshot of the same device goes straight to what worked: one request
        let second = try fetcher.fetch(try uri(s, channel: 2), device: s.device, credentials: Self.admin)
        #expect(second.login.name == auth.rawValue)
        #expect(s.snapshotRequests(2) == 1)
        #expect(s.sim.stats.snapshots(channel: 2) == 1)
        #expect(fetcher.counters.pictures == 2)
    }

    @Test func digestAfterTheNonceExpiredAnswersTheNewOne() throws {
        let s = try PictureSim { $0.snapshotAuth = .digest }
        let fetcher = SnapshotFetcher()
        _ = try fetcher.fetch(try uri(s, channel: 1), device: s.device, credentials: Self.admin)
        s.sim.expireDigestNonces()
        let again = try fetcher.fetch(try uri(s, channel: 1), device: s.device, credentials: Self.admin)
        #expect(again.login.name == "digest")
        #expect(s.sim.stats.snapshots(channel: 1) == 2)
    }

    @Test(arguments: [SnapshotAuth.basic, .digest])
    func wrongPasswordIsTheLoginSentence(_ auth: SnapshotAuth) throws {
        let s = try PictureSim { $0.snapshotAuth = auth }
        let fetcher = SnapshotFetcher()
        let secret = "Wr0ng-s3cret"
        do {
            _ = try fetcher.fetch(try uri(s, channel: 1), device: s.device, credentials: Credentials(user: "admin", password: secret))
            Issue.record("a wrong password gave a snapshot")
        } catch let e as SnapshotError {
            #expect(e == .loginRefused(host: s.device.authority, user: "admin"))
            #expect(e.text(.en).contains("refused the snapshot login"))
            #expect(!e.text(.en).contains(secret) && !e.text(.vi).contains(secret))
        }
        #expect(s.sim.stats.failedLogins == 1)
        #expect(s.sim.stats.snapshots(channel: 1) == 0)
    }

    @Test func wrongPasswordStopsAskingAfterThreeRefusals() throws {
        let s = try PictureSim { $0.snapshotAuth = .digest }
        let fetcher = SnapshotFetcher()
        let bad = Credentials(user: "admin", password: "nope")
        let u = try uri(s, channel: 1)
        for _ in 0..<5 {
            #expect(throws: SnapshotError.self) { _ = try fetcher.fetch(u, device: s.device, credentials: bad) }
        }
        #expect(s.sim.stats.failedLogins == SnapshotFetcher.maxRefusals)
        // the right password starts afresh
        let good = try fetcher.fetch(u, device: s.device, credentials: Self.admin)
        #expect(good.login.name == "digest")
    }

    @Test func noCredentialsForAProtectedSnapshot() throws {
        let s = try PictureSim { $0.snapshotAuth = .digest }
        #expect(throws: SnapshotError.loginRefused(host: s.device.authority, user: nil)) {
            _ = try SnapshotFetcher().fetch(try uri(s, channel: 1), device: s.device, credentials: nil)
        }
    }

    @Test func notFound() throws {
        let s = try PictureSim { $0.snapshotFault = .notFound }
        let e = #expect(throws: SnapshotError.self) {
            _ = try SnapshotFetcher().fetch(try uri(s, channel: 1), device: s.device, credentials: Self.admin)
        }
        #expect(e == .notFound(host: s.device.authority))
        #expect(e?.text(.en).contains("has no snapshot at this address") == true)
    }

    @Test func htmlPageIsNotAPicture() throws {
        let s = try PictureSim { $0.snapshotFault = .htmlPage }
        let e = #expect(throws: SnapshotError.self) {
            _ = try SnapshotFetcher().fetch(try uri(s, channel: 1), device: s.device, credentials: Self.admin)
        }
        #expect(e == .webPage(host: s.device.authority))
        #expect(e?.text(.en).contains("answered the snapshot with a web page, not a picture") == true)
    }

    @Test func stallIsTheTimeoutSentenceWithTheHost() throws {
        let s = try PictureSim { $0.snapshotFault = .stall }
        let fetcher = SnapshotFetcher(options: SnapshotOptions(timeout: 0.5))
        let e = #expect(throws: SnapshotError.self) {
            _ = try fetcher.fetch(try uri(s, channel: 1), device: s.device, credentials: Self.admin)
        }
        #expect(e == .timeout(host: s.device.authority, seconds: 0.5))
        #expect(e?.text(.en).contains(s.device.authority) == true)
        #expect(e?.text(.en).contains("0.5 seconds") == true)
    }

    @Test func oversizedBodyStopsAtTheCap() throws {
        let s = try PictureSim { $0.snapshotFault = .oversized }
        let fetcher = SnapshotFetcher()
        let e = #expect(throws: SnapshotError.self) {
            _ = try fetcher.fetch(try uri(s, channel: 1), device: s.device, credentials: Self.admin)
        }
        #expect(e == .tooLarge(host: s.device.authority, limitBytes: 8 * 1024 * 1024))
        #expect(e?.text(.en).contains("larger than 8 MB") == true)
        // a cap above the body takes the picture
        let big = SnapshotFetcher(options: SnapshotOptions(maxBytes: 16 * 1024 * 1024))
        let snap = try big.fetch(try uri(s, channel: 1), device: s.device, credentials: Self.admin)
        #expect(snap.bytes.count > 8 * 1024 * 1024)
    }

    @Test func wrongHostIsRewrittenToTheDevice() throws {
        let s = try PictureSim { $0.snapshotFault = .wrongHost }
        // the URI as advertised (the probe's own rewrite off)
        var raw = ClientOptions()
        raw.rewriteAdvertisedAddresses = false
        let advertised = try #require(try s.targets(clientOptions: raw).first?.camera.snapshotURL)
        #expect(advertised.contains("192.0.2.1"))
        let fetcher = SnapshotFetcher()
        #expect(fetcher.address(of: advertised, device: s.device).hasPrefix("http://127.0.0.1:\(s.sim.httpPort)/"))
        let snap = try fetcher.fetch(advertised, device: s.device, credentials: Self.admin)
        #expect(ImageKind.sniff(snap.bytes) == .jpeg)
        #expect(snap.uri.hasPrefix("http://127.0.0.1:\(s.sim.httpPort)/"))
    }

    @Test func credentialsInTheURIAreDroppedAndNeverShown() throws {
        let s = try PictureSim { $0.snapshotFault = .notFound }
        let u = try uri(s, channel: 1).replacingOccurrences(of: "http://", with: "http://admin:Sup3rSecret@")
        let fetcher = SnapshotFetcher()
        #expect(!fetcher.address(of: u, device: s.device).contains("Sup3rSecret"))
        let e = #expect(throws: SnapshotError.self) { _ = try fetcher.fetch(u, device: s.device, credentials: Self.admin) }
        #expect(e?.text(.en).contains("Sup3rSecret") == false)
    }
}
