import Foundation
import Testing
@testable import Streaming

@Suite("RTP packets")
struct RTPPacketTests {
    @Test func parsesHeaderCSRCExtensionAndPadding() throws {
        // V=2 P=1 X=1 CC=1, M=1 PT=96
        var b: [UInt8] = [0xB1, 0xE0, 0x12, 0x34, 0, 0, 0x10, 0, 0xDE, 0xAD, 0xBE, 0xEF]
        b += [1, 2, 3, 4]  // CSRC
        let ext = ONVIFReplayExtension(ntpTimestamp: 0x1122_3344_5566_7788, cleanPoint: true, endOfSection: false,
                                       discontinuity: true, terminal: true, cseq: 7)
        b += ext.wireBytes
        b += [0x65, 0xAA, 0xBB]  // payload
        b += [0, 0, 3]  // padding of 3
        try b.withUnsafeBytes { raw in
            let p = try #require(RTPPacket(raw))
            #expect(p.marker)
            #expect(p.payloadType == 96)
            #expect(p.sequenceNumber == 0x1234)
            #expect(p.timestamp == 0x1000)
            #expect(p.ssrc == 0xDEAD_BEEF)
            #expect(Array(p.payload) == [0x65, 0xAA, 0xBB])
            #expect(p.onvifExtension == ext)
        }
    }

    @Test func rejectsNonRTPAndBadLengths() {
        for bad: [UInt8] in [[], [0x80, 96], [0x40] + [UInt8](repeating: 0, count: 11),
                             [0x90, 96, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0xAB, 0xAC, 0, 9]] {
            bad.withUnsafeBytes { #expect(RTPPacket($0) == nil) }
        }
    }

    @Test func extensionFlagsEachAlone() throws {
        let cases: [(ONVIFReplayExtension, UInt8)] = [
            (ONVIFReplayExtension(ntpTimestamp: 1, cleanPoint: true), 0x80),
            (ONVIFReplayExtension(ntpTimestamp: 1, endOfSection: true), 0x40),
            (ONVIFReplayExtension(ntpTimestamp: 1, discontinuity: true), 0x20),
            (ONVIFReplayExtension(ntpTimestamp: 1, terminal: true), 0x10),
        ]
        for (ext, flag) in cases {
            let wire = ext.wireBytes
            #expect(wire[0...3] == [0xAB, 0xAC, 0, 3])
            #expect(wire[12] == flag)
            var pk = RTPPacketizer(codec: .h264)
            let packet = pk.packet([0x41, 1], timestamp: 0, marker: true, ext: ext)
            try packet.withUnsafeBytes { raw in
                let p = try #require(RTPPacket(raw))
                #expect(p.onvifExtension == ext)
                #expect(Array(p.payload) == [0x41, 1])
            }
        }
    }

    @Test func ntpTimeRoundTrip() {
        let d = Date(timeIntervalSince1970: 1_752_451_200.25)
        let ntp = NTPTime.ntp(d)
        #expect(ntp >> 32 == 1_752_451_200 + 2_208_988_800)
        #expect(abs(NTPTime.date(ntp).timeIntervalSince1970 - d.timeIntervalSince1970) < 1e-6)
    }

    @Test func sequenceUnwrapsAcrossWrapAndJumpsBack() {
        var u = SequenceUnwrapper()
        #expect(u.unwrap(65534) == 65534)
        #expect(u.unwrap(65535) == 65535)
        #expect(u.unwrap(0) == 65536)
        #expect(u.unwrap(1) == 65537)
        #expect(u.unwrap(0) == 65536)  // a step back stays a step back
        #expect(u.unwrap(2) == 65538)
    }

    @Test func timestampUnwrapsAcrossWrapAndJumpsBack() {
        var u = TimestampUnwrapper()
        #expect(u.unwrap(0xFFFF_F000) == 0xFFFF_F000)
        #expect(u.unwrap(0x0000_0E10) == 0x1_0000_0E10)
        #expect(u.unwrap(0x0000_0000) == 0x1_0000_0000)
        #expect(u.unwrap(0x0000_1C20) == 0x1_0000_1C20)
    }
}
