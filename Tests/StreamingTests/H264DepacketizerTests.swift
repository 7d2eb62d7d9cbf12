import Foundation
import Testing
@testable import Streaming

/// Crafted RFC 6184 packets: every payload structure and every loss case.
@Suite("H.264 depacketizer")
struct H264DepacketizerTests {
    static let sps: [UInt8] = [0x67, 0x4D, 0x00, 0x1F, 0x9A, 0x66, 0x02, 0x80, 0x2D, 0xFF, 0x35, 0x01, 0x01, 0x01, 0x40]
    static let pps: [UInt8] = [0x68, 0xEE, 0x3C, 0x80]
    static let params = ParameterSets(sps: sps, pps: pps)

    var pk = RTPPacketizer(codec: .h264, sequenceNumber: 100)

    static func idr(_ n: Int, fill: UInt8 = 0xAB) -> [UInt8] { [0x65] + [UInt8](repeating: fill, count: n - 1) }
    static func slice(_ n: Int, fill: UInt8 = 0xCD) -> [UInt8] { [0x41] + [UInt8](repeating: fill, count: n - 1) }

    static func lengthPrefixed(_ nals: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        for n in nals { out.appendU32(UInt32(n.count)); out += n }
        return out
    }

    @Test mutating func singleNALUnitsAndMarker() throws {
        let d = H264Depacketizer(parameterSets: Self.params)
        let packets = pk.packetize([Self.idr(50)], timestamp: 3000) + pk.packetize([Self.slice(40)], timestamp: 6600)
        let aus = try d.accessUnits(packets)
        #expect(aus.count == 2)
        #expect(aus[0].isKeyframe && !aus[1].isKeyframe)
        #expect(aus[0].data == Self.lengthPrefixed([Self.idr(50)]))
        #expect(aus[1].timestamp - aus[0].timestamp == 3600)
    }

    @Test mutating func stapAWithParameterSetsFromTheStreamWinOverSDP() throws {
        let sdpParams = ParameterSets(sps: [0x67, 0x42, 0, 0x1E, 0xFF], pps: [0x68, 1])
        let d = H264DepacketizerTests.depacketizer(sdpParams)
        pk.aggregate = true
        let packets = pk.packetize([Self.sps, Self.pps, Self.idr(30)], timestamp: 0)
        #expect(packets.count == 1)  // all three in one STAP-A
        packets[0].withUnsafeBytes { #expect(RTPPacket($0)!.payload[0] & 0x1F == 24) }
        let aus = try d.accessUnits(packets)
        #expect(aus.count == 1)
        #expect(aus[0].parameterSets == Self.params)
        #expect(aus[0].data == Self.lengthPrefixed([Self.idr(30)]))  // SPS/PPS not in the sample
    }

    static func depacketizer(_ p: ParameterSets) -> H264Depacketizer { H264Depacketizer(parameterSets: p) }

    @Test mutating func fuAReassembly() throws {
        pk.maxPayload = 100
        let big = Self.idr(1000)
        let packets = pk.packetize([big], timestamp: 0)
        #expect(packets.count > 10)
        let aus = try H264Depacketizer(parameterSets: Self.params).accessUnits(packets)
        #expect(aus.count == 1)
        #expect(aus[0].data == Self.lengthPrefixed([big]))
        #expect(aus[0].isKeyframe)
    }

    @Test mutating func fuAStartLostDropsUntilNextIDR() throws {
        pk.maxPayload = 100
        let d = H264Depacketizer(parameterSets: Self.params)
        var packets = pk.packetize([Self.idr(500)], timestamp: 0)
        var p2 = pk.packetize([Self.slice(500)], timestamp: 3600)
        p2.removeFirst()  // FU-A start lost
        packets += p2
        packets += pk.packetize([Self.slice(300)], timestamp: 7200)  // depends on the lost picture
        packets += pk.packetize([Self.idr(300)], timestamp: 10800)
        let aus = try d.accessUnits(packets)
        #expect(aus.map(\.timestamp) == [0, 10800])
        #expect(d.statistics.lostPackets == 1)
        #expect(d.statistics.droppedAccessUnits == 2)
        #expect(aus[1].droppedBefore == 2)
    }

    @Test mutating func fuAEndLostDropsThePicture() throws {
        pk.maxPayload = 100
        let d = H264Depacketizer(parameterSets: Self.params)
        var packets = pk.packetize([Self.idr(400)], timestamp: 0)
        var p2 = pk.packetize([Self.slice(400)], timestamp: 3600)
        p2.removeLast()  // FU-A end (and marker) lost
        packets += p2
        packets += pk.packetize([Self.idr(200)], timestamp: 7200)
        let aus = try d.accessUnits(packets)
        #expect(aus.map(\.timestamp) == [0, 7200])
        #expect(d.statistics.droppedAccessUnits == 1)
        #expect(aus.allSatisfy { $0.data.count > 0 })
    }

    @Test mutating func fuEndMissingWithoutSequenceGapIsCaught() throws {
        // A server that forgets the E bit: the next FU start arrives while one is open.
        let d = H264Depacketizer(parameterSets: Self.params)
        let a = pk.packet([0x7C, 0x85, 1, 2, 3], timestamp: 0, marker: false, ext: nil)  // FU-A S, IDR
        let b = pk.packet([0x7C, 0x85, 4, 5, 6], timestamp: 0, marker: false, ext: nil)  // another S: previous end missing
        let c = pk.packet([0x7C, 0x45, 7], timestamp: 0, marker: true, ext: nil)
        let next = pk.packetize([Self.idr(20)], timestamp: 3600)
        let aus = try d.accessUnits([a, b, c] + next)
        #expect(aus.map(\.timestamp) == [3600])
    }

    @Test mutating func timestampChangeEndsAPictureWithoutMarker() throws {
        let d = H264Depacketizer(parameterSets: Self.params)
        let a = pk.packet(Self.idr(30), timestamp: 0, marker: false, ext: nil)
        let b = pk.packet(Self.slice(30), timestamp: 3600, marker: false, ext: nil)
        let aus = try d.accessUnits([a, b])
        #expect(aus.map(\.timestamp) == [0, 3600])
    }

    @Test mutating func waitsForParameterSetsAndFirstKeyframe() throws {
        let d = H264Depacketizer()
        var packets = pk.packetize([Self.slice(30)], timestamp: 0)  // no keyframe yet
        packets += pk.packetize([Self.idr(30)], timestamp: 3600)  // keyframe but no SPS/PPS known
        packets += pk.packetize([Self.sps, Self.pps, Self.idr(30)], timestamp: 7200)
        packets += pk.packetize([Self.slice(30)], timestamp: 10800)
        let aus = try d.accessUnits(packets)
        #expect(aus.map(\.timestamp) == [7200, 10800])
        #expect(d.statistics.skippedBeforeStart == 2)
        #expect(d.statistics.droppedAccessUnits == 0)
    }

    @Test mutating func interleavedModeIsRefused() {
        let d = H264Depacketizer(parameterSets: Self.params)
        let stapB = pk.packet([25, 0, 0, 0, 2, 0x65, 1], timestamp: 0, marker: true, ext: nil)
        #expect(throws: StreamingError.self) { try d.accessUnits([stapB]) }
    }

    @Test mutating func sequenceWrapIsNotALoss() throws {
        pk.sequenceNumber = 65530
        pk.maxPayload = 100
        let d = H264Depacketizer(parameterSets: Self.params)
        let packets = pk.packetize([Self.idr(1000)], timestamp: 0xFFFF_FF00) + pk.packetize([Self.slice(50)], timestamp: 0x0000_0D10)
        let aus = try d.accessUnits(packets)
        #expect(aus.count == 2)
        #expect(d.statistics.lostPackets == 0)
        #expect(aus[1].timestamp - aus[0].timestamp == 3600)
    }

    @Test mutating func latePacketsAreIgnored() throws {
        let d = H264Depacketizer(parameterSets: Self.params)
        let a = pk.packetize([Self.idr(30)], timestamp: 0)
        let b = pk.packetize([Self.slice(30)], timestamp: 3600)
        let aus = try d.accessUnits(a + b + a)
        #expect(aus.count == 2)
        #expect(d.statistics.latePackets == 1)
    }

    @Test mutating func onvifExtensionFlagsReachTheAccessUnit() throws {
        let d = H264Depacketizer(parameterSets: Self.params)
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        let first = ONVIFReplayExtension(ntpTimestamp: NTPTime.ntp(t0), cleanPoint: true, discontinuity: true)
        var packets = pk.packetize([Self.idr(30)], timestamp: 0, first: first)
        let last = ONVIFReplayExtension(ntpTimestamp: NTPTime.ntp(t0 + 0.04), endOfSection: true, terminal: true)
        packets += pk.packetize([Self.slice(30)], timestamp: 3600, first: nil, last: last)
        let aus = try d.accessUnits(packets)
        #expect(aus[0].discontinuity && !aus[0].isLastInRange)
        #expect(abs(aus[0].wallClock!.timeIntervalSince(t0)) < 1e-6)
        #expect(aus[1].isLastInRange && !aus[1].discontinuity)
    }
}
