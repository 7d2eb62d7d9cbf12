import Common
import Foundation
import ONVIF
import Simulator
import Testing
import TestSupport

/// Cameras grouped by video source token, Media1/Media2 merged, addresses rewritten.
@Suite struct CameraListingTests {
    @Test func thirtyTwoChannelNVR() throws {
        let f = try SimFixture { $0.channels = 32 }
        let r = try f.client().probe()
        #expect(r.cameras.count == 32)
        #expect(Set(r.cameras.map(\.sourceToken)).count == 32)
        let rtsp = "rtsp://127.0.0.1:\(f.sim.rtspPort)"
        for ch in f.sim.model.channels {
            let cam = try #require(r.cameras.first { $0.sourceToken == ch.sourceToken })
            #expect(cam.id == "onvif_127.0.0.1_\(ch.sourceToken)")
            #expect(cam.name == ch.name)
            // channel numbers follow the device's video source list (channel order), not the
            // profile list, which the simulator scrambles
            #expect(cam.channel == ch.number)
            #expect(cam.mainStream?.profileToken == ch.main.token)
            #expect(cam.subStream?.profileToken == ch.sub.token)
            #expect(cam.mainStream?.uri == rtsp + ch.main.rtspPath)
            #expect(cam.subStream?.uri == rtsp + ch.sub.rtspPath)
            #expect(cam.streamURL == rtsp + ch.main.rtspPath)
            #expect(cam.resolution == "1920x1080")
            #expect(cam.codec == "H264")
            #expect(cam.mainStream?.fps == 25)
            #expect(cam.mainStream?.bitrateKbps == 4096)
            #expect(cam.subStream?.codec == ch.sub.codec.rawValue)
            #expect(cam.subStream?.resolution == "640x360")
            // H.265 subs exist only in Media2
            #expect(cam.subStream?.media == (ch.sub.codec == .h265 ? "media2" : "media1"))
            #expect(cam.snapshotURL == "http://127.0.0.1:\(f.sim.httpPort)/onvif/snapshot/\(ch.sourceToken).jpg")
            #expect(cam.capabilities.contains("video"))
            #expect(cam.capabilities.contains("h265") == (ch.sub.codec == .h265))
        }
        #expect(r.cameras.map(\.channel) == Array(1...32))
        // no duplicate streams from merging Media1 and Media2
        let tokens = r.cameras.flatMap { [$0.mainStream?.profileToken, $0.subStream?.profileToken] }.compactMap { $0 }
        #expect(Set(tokens).count == 64)
    }

    @Test func media1Only() throws {
        let f = try SimFixture { $0.media1Only = true }
        let r = try f.client().probe()
        #expect(!r.services.offers(.media2))
        #expect(r.cameras.count == 4)
        for c in r.cameras {
            #expect(c.mainStream?.media == "media1")
            #expect(c.subStream?.media == "media1")
            #expect(c.subStream?.codec == "H264")
            #expect(c.subStream?.uri != nil)
        }
    }

    @Test func media2Only() throws {
        let f = try SimFixture { $0.media2Only = true }
        let r = try f.client().probe()
        #expect(!r.services.offers(.media))
        #expect(r.cameras.count == 4)
        for ch in f.sim.model.channels {
            let c = try #require(r.cameras.first { $0.sourceToken == ch.sourceToken })
            #expect(c.mainStream?.media == "media2")
            #expect(c.subStream?.codec == ch.sub.codec.rawValue)
            #expect(c.mainStream?.uri == "rtsp://127.0.0.1:\(f.sim.rtspPort)\(ch.main.rtspPath)")
            #expect(c.subStream?.uri == "rtsp://127.0.0.1:\(f.sim.rtspPort)\(ch.sub.rtspPath)")
        }
        #expect(r.cameras.contains { $0.subStream?.codec == "H265" })
    }

    @Test(arguments: ["192.168.77.10:80", "127.0.0.5:8080", ":80", "10.1.2.3"])
    func advertisedAddressesAreRewritten(_ advertised: String) throws {
        let f = try SimFixture { $0.advertise = advertised }
        let r = try f.client().probe()
        #expect(r.cameras.count == 4)
        let base = "http://127.0.0.1:\(f.sim.httpPort)/"
        for (_, url) in r.services.addresses { #expect(url.hasPrefix(base)) }
        for c in r.cameras {
            #expect(c.mainStream?.uri?.hasPrefix("rtsp://127.0.0.1:\(f.sim.rtspPort)/") == true)
            #expect(c.subStream?.uri?.hasPrefix("rtsp://127.0.0.1:\(f.sim.rtspPort)/") == true)
            #expect(c.snapshotURL?.hasPrefix(base) == true)
        }
    }

    @Test(.enabled(if: IPv6Loopback.available, Comment(rawValue: IPv6Loopback.unavailableReason)))
    func ipv6LoopbackDevice() throws {
        let f = try SimFixture { $0.host = "::1" }
        let address = try DeviceAddress(parsing: "[::1]:\(f.sim.httpPort)")
        let r = try ONVIFClient(address: address, credentials: Credentials(user: "admin", password: "admin123")).probe()
        #expect(r.cameras.count == 4)
        for c in r.cameras {
            #expect(c.mainStream?.uri?.hasPrefix("rtsp://[::1]:\(f.sim.rtspPort)/live/") == true)
            #expect(c.id == "onvif_::1_\(c.sourceToken)")
        }
        #expect(r.services[.media] == "http://[::1]:\(f.sim.httpPort)/onvif/media_service")
    }

    @Test func rewritingCanBeTurnedOff() throws {
        let f = try SimFixture { $0.advertise = "192.168.77.10:80" }
        let r = try f.client(options: ClientOptions(rewriteAdvertisedAddresses: false)).services()
        #expect(r[.media] == "http://192.168.77.10:80/onvif/media_service")
    }

    @Test func probeJSONKeepsThePrototypeFields() throws {
        let f = try SimFixture()
        let r = try f.client().probe()
        let data = try JSONEncoder().encode(r.cameras[0])
        let obj = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["id", "name", "description", "stream_url", "resolution", "codec", "capabilities"] {
            #expect(obj[key] != nil, "missing \(key)")
        }
        let back = try JSONDecoder().decode(Camera.self, from: data)
        #expect(back == r.cameras[0])
    }
}
