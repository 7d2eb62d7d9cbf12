import Foundation
import Testing
@testable import Streaming

/// Crafted RFC 7798 packets: single, AP, FU, DONL, zero-length NAL units, loss.
@Suite("H.265 depacketizer")
struct H265DepacketizerTests {
    static let vps: [UInt8] = [0x40, 0x01, 0x0C, 0x01, 0xFF, 0xFF]
    static let sps: [UInt8] = [0x42, 0x01, 0x01, 0x01, 0x60, 0x00]
    static let pps: [UInt8] = [0x44, 0x01, 0xC1, 0x72]
    static let params = ParameterSets(vps: vps, sps: sps, pps: pps)
    /// IDR_W_RADL (19) and TRAIL_R (1) with a 2-byte header.
    static func idr(_ n: Int) -> [UInt8] { [19 << 1, 0x01] + [UInt8](repeating: 0xAB, count: n - 2) }
    static func trail(_ n: Int) -> [UInt8] { [1 << 1, 0x01] + [UInt8](repeating: 0xCD, count: n - 2) }

    var pk = RTPPacketizer(codec: .h265, sequenceNumber: 7)

    static func lengthPrefixed(_ nals: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        for n in nals { out.appendU32(UInt32(n.count)); out += n }
        return out
    }

    @Test mutating func singleAggregationAndFragmentation() throws {
        pk.maxPayload = 120
        let big = Self.idr(1000)
        let packets = pk.packetize([Self.vps, Self.sps, Self.pps, big], timestamp: 0) + pk.packetize([Self.trail(60)], timestamp: 3600)
        // first packet aggregates the parameter sets (AP = type 48), then FUs (49)
        packets[0].withUnsafeBytes { #expect((RTPPacket($0)!.payload[0] >> 1) & 0x3F == 48) }
        packets[1].withUnsafeBytes { #expect((RTPPacket($0)!.payload[0] >> 1) & 0x3F == 49) }
        let d = H265Depacketizer()
        let aus = try d.accessUnits(packets)
        #expect(aus.count == 2)
        #expect(aus[0].isKeyframe && aus[0].parameterSets == Self.params)
        #expect(aus[0].data == Self.lengthPrefixed([big]))
        #expect(aus[1].data == Self.lengthPrefixed([Self.trail(60)]))
    }

    @Test mutating func donlFieldsAreSkippedInEveryPacketKind() throws {
        let d = H265Depacketizer(parameterSets: Self.params, usesDONL: true)
        // single NAL unit packet: header, DONL(2), body
        let idr = Self.idr(40)
        let single = pk.packet(Array(idr[0..<2]) + [0x00, 0x05] + Array(idr[2...]), timestamp: 0, marker: true, ext: nil)
        // AP: header, DONL(2), size, NAL, DOND(1), size, NAL
        let t1 = Self.trail(10), t2 = Self.trail(12)
        var ap: [UInt8] = [48 << 1, 0x01, 0x00, 0x06]
        ap.appendU16(UInt16(t1.count)); ap += t1
        ap.append(0x01); ap.appendU16(UInt16(t2.count)); ap += t2
        let apPacket = pk.packet(ap, timestamp: 3600, marker: true, ext: nil)
        // FU: header, FU header, DONL(2) only in the start fragment
        let t3 = Self.trail(30)
        let fuStart = pk.packet([49 << 1, 0x01, 0x80 | 1, 0x00, 0x08] + Array(t3[2..<15]), timestamp: 7200, marker: false, ext: nil)
        let fuEnd = pk.packet([49 << 1, 0x01, 0x40 | 1] + Array(t3[15...]), timestamp: 7200, marker: true, ext: nil)
        let aus = try d.accessUnits([single, apPacket, fuStart, fuEnd])
        #expect(aus.count == 3)
        #expect(aus[0].data == Self.lengthPrefixed([idr]))
        #expect(aus[1].data == Self.lengthPrefixed([t1, t2]))
        #expect(aus[2].data == Self.lengthPrefixed([t3]))
    }

    @Test mutating func zeroLengthNALUnitsAreSkipped() throws {
        let d = H265Depacketizer(parameterSets: Self.params)
        let idr = Self.idr(20)
        var ap: [UInt8] = [48 << 1, 0x01]
        ap.appendU16(0)  // empty NAL unit (seen from NVRs)
        ap.appendU16(UInt16(idr.count)); ap += idr
        ap.appendU16(0)
        let aus = try d.accessUnits([pk.packet(ap, timestamp: 0, marker: true, ext: nil),
                                     pk.packet(Self.trail(9), timestamp: 3600, marker: true, ext: nil)])
        #expect(aus.count == 2)
        #expect(aus[0].data == Self.lengthPrefixed([idr]))
    }

    @Test mutating func fuStartLostDropsUntilIRAP() throws {
        pk.maxPayload = 100
        let d = H265Depacketizer(parameterSets: Self.params)
        var packets = pk.packetize([Self.idr(300)], timestamp: 0)
        var lostStart = pk.packetize([Self.trail(300)], timestamp: 3600)
        lostStart.removeFirst()
        packets += lostStart
        packets += pk.packetize([Self.trail(300)], timestamp: 7200)
        // CRA (21) is an IRAP too
        packets += pk.packetize([[21 << 1, 0x01] + [UInt8](repeating: 1, count: 50)], timestamp: 10800)
        let aus = try d.accessUnits(packets)
        #expect(aus.map(\.timestamp) == [0, 10800])
        #expect(d.statistics.droppedAccessUnits == 2)
    }

    @Test mutating func fuEndLost() throws {
        pk.maxPayload = 100
        let d = H265Depacketizer(parameterSets: Self.params)
        var packets = pk.packetize([Self.idr(300)], timestamp: 0)
        var lostEnd = pk.packetize([Self.trail(300)], timestamp: 3600)
        lostEnd.removeLast()
        packets += lostEnd
        packets += pk.packetize([Self.idr(300)], timestamp: 7200)
        let aus = try d.accessUnits(packets)
        #expect(aus.map(\.timestamp) == [0, 7200])
    }

    @Test mutating func paciIsRefused() {
        let d = H265Depacketizer(parameterSets: Self.params)
        #expect(throws: StreamingError.self) {
            try d.accessUnits([pk.packet([50 << 1, 1, 0, 0], timestamp: 0, marker: true, ext: nil)])
        }
    }
}
