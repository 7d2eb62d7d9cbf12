import Common
import Foundation
import Testing
@testable import Streaming

@Suite("RTSP pieces: URL, digest, SDP, interleaved framing")
struct RTSPUnitTests {
    // MARK: URL

    @Test func userInfoIsStrippedAndDecoded() throws {
        let u = try #require(RTSPURL("rtsp://admin:p%40ss%2Fw%3Frd%25@10.0.0.5:8554/Streaming/tracks/101?starttime=20250101T000000Z"))
        #expect(u.user == "admin" && u.password == "p@ss/w?rd%")
        #expect(u.host == "10.0.0.5" && u.port == 8554)
        #expect(u.requestURI == "rtsp://10.0.0.5:8554/Streaming/tracks/101?starttime=20250101T000000Z")
        let raw = try #require(RTSPURL("rtsp://admin:p@ss@cam.local/live"))
        #expect(raw.password == "p@ss" && raw.host == "cam.local" && raw.port == 554)
        let v6 = try #require(RTSPURL("rtsp://[fe80::1]:554/x"))
        #expect(v6.host == "fe80::1" && v6.requestURI == "rtsp://[fe80::1]/x")
        #expect(RTSPURL("http://x/y") == nil)
        #expect(RTSPURL("rtsp://:554/x") == nil)
        #expect(!u.description.contains("p@ss"))
    }

    @Test func controlResolution() throws {
        let base = try #require(RTSPURL("rtsp://u:p@h/a/b/"))
        #expect(base.resolving(control: "trackID=1").requestURI == "rtsp://h/a/b/trackID=1")
        #expect(base.resolving(control: "*").requestURI == "rtsp://h/a/b/")
        #expect(base.resolving(control: "rtsp://x:p@h2:10/z").requestURI == "rtsp://h2:10/z")
        #expect(base.resolving(control: "rtsp://h2/z").password == "p")  // our credentials kept
        let noSlash = try #require(RTSPURL("rtsp://h/live"))
        #expect(noSlash.resolving(control: "track1").requestURI == "rtsp://h/live/track1")
        #expect(noSlash.resolving(control: "/other").requestURI == "rtsp://h/other")
    }

    // MARK: Digest

    @Test func rfc2617ExampleWithQop() throws {
        // RFC 2617 §3.5 vector, with our cnonce fixed by recomputing the expected response
        var a = RTSPAuthenticator(user: "Mufasa", password: "Circle Of Life")
        let accepted1 = a.accept(["Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""])
        #expect(accepted1)
        let hValue = a.authorization(method: "GET", uri: "/dir/index.html")
        let h = try #require(hValue)
        let p = AuthParameters.parse(h).parameters
        let ha1 = DigestAlgorithm.md5.hash("Mufasa:testrealm@host.com:Circle Of Life")
        let ha2 = DigestAlgorithm.md5.hash("GET:/dir/index.html")
        #expect(ha1 == "939e7578ed9e3c518a452acee763bce9")
        let expected = DigestAlgorithm.md5.hash("\(ha1):dcd98b7102dd2f0e8b11d0f600bfb0c093:\(p["nc"]!):\(p["cnonce"]!):auth:\(ha2)")
        #expect(p["response"] == expected)
        #expect(p["qop"] == "auth" && p["nc"] == "00000001" && p["opaque"] == "5ccc069c403ebaf9f0171e9517f40e41")
        #expect(h.contains("qop=auth,") && h.contains("nc=00000001"))  // qop and nc unquoted (F8)
        // the next request with the same nonce counts up
        let h2Value = a.authorization(method: "GET", uri: "/")
        let h2 = try #require(h2Value)
        #expect(AuthParameters.parse(h2).parameters["nc"] == "00000002")
    }

    @Test func rfc2069WithoutQopAndMissingAlgorithm() throws {
        var a = RTSPAuthenticator(user: "u", password: "p")
        let accepted2 = a.accept(["Digest realm=\"r\", nonce=\"n\""])
        #expect(accepted2)
        let hValue = a.authorization(method: "DESCRIBE", uri: "rtsp://h/x")
        let h = try #require(hValue)
        let p = AuthParameters.parse(h).parameters
        let expected = DigestAlgorithm.md5.hash("\(DigestAlgorithm.md5.hash("u:r:p")):n:\(DigestAlgorithm.md5.hash("DESCRIBE:rtsp://h/x"))")
        #expect(p["response"] == expected)
        #expect(p["qop"] == nil && p["nc"] == nil && p["algorithm"] == nil)
    }

    @Test func unquotedTokensAndDigestPreferredOverBasic() throws {
        var a = RTSPAuthenticator(user: "u", password: "p")
        let accepted3 = a.accept(["Basic realm=\"r\"", "Digest realm=r, nonce=abc, qop=auth, algorithm=MD5"])
        #expect(accepted3)
        let hValue = a.authorization(method: "OPTIONS", uri: "rtsp://h/")
        let h = try #require(hValue)
        #expect(h.hasPrefix("Digest ") && h.contains("nonce=\"abc\"") && h.contains("algorithm=MD5"))
    }

    @Test func sameNonceRefusedTwiceIsFinalButStaleIsNot() {
        var a = RTSPAuthenticator(user: "u", password: "p")
        let accepted4 = a.accept(["Digest realm=\"r\", nonce=\"n1\""])
        #expect(accepted4)
        let accepted5 = a.accept(["Digest realm=\"r\", nonce=\"n1\""])
        #expect(!accepted5)  // wrong password
        var b = RTSPAuthenticator(user: "u", password: "p")
        let accepted6 = b.accept(["Digest realm=\"r\", nonce=\"n1\""])
        #expect(accepted6)
        let accepted7 = b.accept(["Digest realm=\"r\", nonce=\"n2\", stale=TRUE"])
        #expect(accepted7)
        var c = RTSPAuthenticator(user: "u", password: "p")
        let accepted8 = c.accept(["Basic realm=\"r\""])
        #expect(accepted8)
        let basic = c.authorization(method: "X", uri: "/")
        #expect(basic == "Basic " + Base64.encode(Array("u:p".utf8)))
        let accepted9 = c.accept(["Basic realm=\"r\""])
        #expect(!accepted9)
    }

    // MARK: SDP

    @Test func tolerantSDP() throws {
        let sprop = Base64.encode([0, 0, 0, 1] + H264DepacketizerTests.sps) + "," + Base64.encode(H264DepacketizerTests.pps)
        let text = "v=0\no=- 1 1 IN IP4 0.0.0.0\ns=x\na=control:rtsp://h/agg  \na=range:clock=20250101T000000Z-\n"
            + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000 \r\na=fmtp:96 packetization-mode=1; sprop-parameter-sets=\(sprop) \r\n"
            + "a=control:trackID=1\r\na=x-onvif-track:VIDEO001\r\n"
            + "m=audio 0 RTP/AVP 0\r\na=control:trackID=2\r\n"
            + "m=audio 0 RTP/AVP 97\r\na=rtpmap:97 mpeg4-generic/16000/1\r\na=fmtp:97 streamtype=5;mode=AAC-hbr;config=1408;sizelength=13;indexlength=3;indexdeltalength=3\r\n"
        let sdp = SessionDescription(text)
        #expect(sdp.control == "rtsp://h/agg")
        #expect(sdp.range == "clock=20250101T000000Z-")
        let v = try #require(sdp.video)
        #expect(v.codec == .h264 && v.clockRate == 90_000 && v.control == "trackID=1" && v.onvifTrack == "VIDEO001")
        #expect(v.parameterSets == H264DepacketizerTests.params)  // start code inside sprop tolerated
        #expect(sdp.media[1].encoding == "PCMU")
        let aac = try #require(sdp.aacAudio)
        let d = try #require(AACDepacketizer(media: aac))
        #expect(d.format.sampleRate == 16_000 && d.format.audioSpecificConfig == [0x14, 0x08])
        // missing fmtp: still a video track, no parameter sets
        let bare = SessionDescription("m=video 0 RTP/AVP 96\na=rtpmap:96 H265/90000\n")
        #expect(bare.video?.codec == .h265 && bare.video?.parameterSets == ParameterSets())
    }

    @Test func rangeHeadersAreCanonical() {
        let d = Date(timeIntervalSince1970: 1_752_451_200)
        #expect(RTSPRange.clock(start: d, end: d + 3600).headerValue == "clock=20250714T000000Z-20250714T010000Z")
        #expect(RTSPRange.clock(start: d + 0.5, end: nil).headerValue == "clock=20250714T000000.500Z-")
        #expect(RTSPRange.npt(start: 0, end: nil).headerValue == "npt=0.000-")
    }

    // MARK: Interleaved framing

    static func frame(_ ch: UInt8, _ payload: [UInt8]) -> [UInt8] { [0x24, ch, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)] + payload }

    static func rtp(_ seq: UInt16, _ n: Int = 20) -> [UInt8] {
        var p: [UInt8] = [0x80, 96]
        p.appendU16(seq)
        p += [0, 0, 0, 1, 0, 0, 0, 2] + [UInt8](repeating: 7, count: n)
        return p
    }

    /// Feeds `bytes` in chunks of `chunk` and collects what comes out.
    static func run(_ bytes: [UInt8], chunk: Int) -> (frames: [(UInt8, [UInt8])], messages: [RTSPResponse], lost: Int) {
        let r = InterleavedReader(capacity: 1 << 20)
        r.expect(rtp: 0, rtcp: 1, payloadType: 96)
        var frames: [(UInt8, [UInt8])] = [], messages: [RTSPResponse] = []
        var i = 0
        while i < bytes.count {
            let n = min(chunk, bytes.count - i)
            bytes[i..<(i + n)].withUnsafeBytes { _ = r.feed($0) }
            i += n
            while let item = r.next() {
                switch item {
                case .frame(let ch, let p): frames.append((ch, Array(p)))
                case .message(let m): messages.append(m)
                }
            }
        }
        return (frames, messages, r.lostBytes)
    }

    /// The header scan resumes where the last read stopped: a long header arriving in small
    /// reads, its blank line split at every place, and a 20 KiB would-be header that never ends
    /// (skipped byte by byte) still give exactly the messages and frames that are there.
    @Test(arguments: [1, 2, 3, 5, 4096])
    func headerScanResumesAcrossReads(chunk: Int) {
        var s: [UInt8] = []
        let long = (0..<300).map { "X-Pad-\($0): \(String(repeating: "v", count: 20))\r\n" }.joined()
        s += Array("RTSP/1.0 200 OK\r\nCSeq: 1\r\n\(long)Content-Length: 3\r\n\r\nxyz".utf8)
        s += Self.frame(0, Self.rtp(1))
        s += Array("RTSP/1.0 200 OK\nCSeq: 2\n\n".utf8)                       // bare LF line ends
        s += [UInt8](repeating: 0x41, count: 20 * 1024)                          // "AAAA…" with no end
        s += Array("\u{01}".utf8)                                              // then a binary byte
        s += Array("RTSP/1.0 454 Session Not Found\r\nCSeq: 3\r\n\r\n".utf8)
        s += Self.frame(0, Self.rtp(2))
        let out = Self.run(s, chunk: chunk)
        #expect(out.messages.map(\.cseq) == [1, 2, 3])
        #expect(out.messages.first?.body == Array("xyz".utf8))
        #expect(out.messages.first?.headers["X-Pad-299"] == String(repeating: "v", count: 20))
        #expect(out.frames.count == 2)
        #expect(out.lost == 20 * 1024 + 1)
    }

    @Test(arguments: [1, 7, 4096])
    func garbageResponsesAndSplitReadsAreHandled(chunk: Int) {
        var s: [UInt8] = []
        s += Self.frame(0, Self.rtp(1))
        s += [0x00, 0xFF, 0x13, 0x24, 0x05]  // garbage, including a '$' with an unknown channel
        s += Self.frame(0, Self.rtp(2))
        s += Array("RTSP/1.0 200 OK\r\nCSeq: 5\r\nContent-Length: 4\r\n\r\nabcd".utf8)
        s += Self.frame(1, [0x81, 203, 0, 1, 0, 0, 0, 9])  // RTCP BYE
        s += Array("RTSP/1.0 400 Bad Request\r\nCSeq: 9999\r\n\r\n".utf8)
        s += [0x24, 0x00, 0x00]  // a truncated header followed by a real frame
        s += Self.frame(0, Self.rtp(3))
        s += Self.frame(0, Self.rtp(4, 1000))
        let out = Self.run(s, chunk: chunk)
        #expect(out.frames.map(\.0) == [0, 0, 1, 0, 0])
        #expect(out.frames.filter { $0.0 == 0 }.map { UInt16($0.1[2]) << 8 | UInt16($0.1[3]) } == [1, 2, 3, 4])
        #expect(out.messages.map(\.status) == [200, 400])
        #expect(out.messages[0].body == Array("abcd".utf8))
        #expect(out.lost == 5 + 3)
    }
}
