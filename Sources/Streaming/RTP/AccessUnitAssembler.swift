/// Counters of what a depacketizer saw and threw away.
public struct DepacketizerStatistics: Sendable, Equatable {
    /// RTP packets missing from the sequence (gaps in sequence numbers).
    public var lostPackets = 0
    /// Pictures thrown away after a loss while waiting for the next keyframe.
    public var droppedAccessUnits = 0
    /// Pictures before the first keyframe with parameter sets (normal at stream start).
    public var skippedBeforeStart = 0
    /// Pictures handed on.
    public var accessUnits = 0
    /// Packets that came late or twice (sequence number behind the expected one).
    public var latePackets = 0
    public init() {}
}

/// Builds access units from NAL units for both codecs: the MP4 sample buffer with length
/// prefixes, parameter set tracking, loss handling ("drop to the next keyframe") and the ONVIF
/// extension flags. The codec-specific depacketizers only parse their payload formats.
struct AccessUnitAssembler {
    let codec: VideoCodec
    private(set) var params: ParameterSets
    var stats = DepacketizerStatistics()

    private var buffer: [UInt8] = []
    private var capacityHint = 64 * 1024
    private var timestamp: Int64 = 0
    private var hasContent = false
    private var keyframe = false
    private var broken = false
    private var waitingForKeyframe = true
    private var everEmitted = false
    private var onvif: ONVIFReplayExtension?
    private var terminal = false
    private var droppedSinceEmit = 0
    private var fragmentStart: Int?  // offset of the length prefix of an open fragmented NAL
    private var fragmentType: UInt8 = 0
    private var expectedSeq: UInt16?
    private var tsUnwrapper = TimestampUnwrapper()

    init(codec: VideoCodec, params: ParameterSets) {
        self.codec = codec
        self.params = params
        buffer.reserveCapacity(capacityHint)
    }

    /// Sequence check and timestamp boundary; call first for every packet.
    /// Returns false when the packet is late or duplicated and must be ignored.
    @inline(__always)
    mutating func begin(_ packet: borrowing RTPPacket, emit: (AccessUnit) throws -> Void) rethrows -> Bool {
        var lost = 0
        if let e = expectedSeq, packet.sequenceNumber != e {
            let gap = packet.sequenceNumber &- e
            if gap >= 0x8000 {
                stats.latePackets += 1
                return false
            }
            stats.lostPackets += Int(gap)
            lost = Int(gap)
        }
        expectedSeq = packet.sequenceNumber &+ 1
        let ts = tsUnwrapper.unwrap(packet.timestamp)
        if hasContent && ts != timestamp {
            // The previous picture never got its marker: at least its last packet is lost.
            // With exactly one packet lost, that was it and this new picture is whole.
            if lost > 0 { markBroken() }
            try finish(emit: emit)
            if lost > 1 { markBroken() }
        } else if lost > 0 {
            markBroken()
        }
        if !hasContent {
            hasContent = true
            timestamp = ts
        }
        if let ext = packet.onvifExtension {
            if onvif == nil { onvif = ext }
            if ext.terminal { terminal = true }
            if ext.discontinuity { onvif?.discontinuity = true }
        }
        return true
    }

    /// Marks the picture being built as damaged (it will be dropped, and so will everything up
    /// to the next keyframe).
    @inline(__always)
    mutating func markBroken() {
        broken = true
        if let f = fragmentStart {
            buffer.removeSubrange(f...)
            fragmentStart = nil
        }
    }

    // MARK: NAL units

    /// A complete NAL unit given as a header and a body (so H.265 DONL can be cut out without a copy).
    @inline(__always)
    mutating func appendNAL(header: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer, type: UInt8) {
        let length = header.count + body.count
        guard length > 0 else { return }
        switch classify(type) {
        case .skip:
            return
        case .vps, .sps, .pps:
            var nal = Array(header)
            nal.append(contentsOf: body)
            setParameterSet(type, nal)
            return
        case .keyframe:
            keyframe = true
        case .other:
            break
        }
        buffer.appendU32(UInt32(length))
        buffer.append(contentsOf: header)
        buffer.append(contentsOf: body)
    }

    @inline(__always)
    mutating func appendNAL(_ nal: UnsafeRawBufferPointer, type: UInt8) {
        appendNAL(header: UnsafeRawBufferPointer(start: nil, count: 0), body: nal, type: type)
    }

    /// Starts a NAL unit that arrives in fragments; `header` is the reconstructed NAL header.
    @inline(__always)
    mutating func beginFragment(header: UnsafeRawBufferPointer, type: UInt8, body: UnsafeRawBufferPointer) {
        if fragmentStart != nil { markBroken() }  // the previous fragment's end was lost
        fragmentStart = buffer.count
        fragmentType = type
        if classify(type) == .keyframe { keyframe = true }
        buffer.appendU32(0)
        buffer.append(contentsOf: header)
        buffer.append(contentsOf: body)
    }

    /// The middle or end of a fragmented NAL unit; ignored (and the picture marked damaged)
    /// when its start was lost.
    @inline(__always)
    mutating func continueFragment(_ body: UnsafeRawBufferPointer, end: Bool) {
        guard let start = fragmentStart else { markBroken(); return }
        buffer.append(contentsOf: body)
        guard end else { return }
        fragmentStart = nil
        let length = buffer.count - start - 4
        switch classify(fragmentType) {
        case .skip:
            buffer.removeSubrange(start...)
        case .vps, .sps, .pps:
            let nal = Array(buffer[(start + 4)...])
            buffer.removeSubrange(start...)
            setParameterSet(fragmentType, nal)
        default:
            buffer.setU32(UInt32(length), at: start)
        }
    }

    var fragmentOpen: Bool { fragmentStart != nil }

    // MARK: Access units

    /// Ends the picture being built and hands it on when it is whole and decodable.
    mutating func finish(emit: (AccessUnit) throws -> Void) rethrows {
        guard hasContent else { return }
        if fragmentStart != nil { markBroken() }
        defer { reset() }
        if broken {
            stats.droppedAccessUnits += 1
            droppedSinceEmit += 1
            waitingForKeyframe = true
            return
        }
        if buffer.isEmpty { return }  // parameter sets only: they stay for the next picture
        if waitingForKeyframe && !(keyframe && params.isComplete(for: codec)) {
            if everEmitted {
                stats.droppedAccessUnits += 1
                droppedSinceEmit += 1
            } else {
                stats.skippedBeforeStart += 1
            }
            return
        }
        waitingForKeyframe = false
        everEmitted = true
        let data = buffer
        capacityHint = max(capacityHint, buffer.count + buffer.count / 4)
        buffer = []
        buffer.reserveCapacity(capacityHint)
        stats.accessUnits += 1
        let au = AccessUnit(codec: codec, timestamp: timestamp, wallClock: onvif.map { $0.date }, isKeyframe: keyframe,
                            data: data, parameterSets: params, discontinuity: onvif?.discontinuity ?? false,
                            isLastInRange: terminal, droppedBefore: droppedSinceEmit)
        droppedSinceEmit = 0
        try emit(au)
    }

    private mutating func reset() {
        if !buffer.isEmpty { buffer.removeAll(keepingCapacity: true) }
        hasContent = false
        keyframe = false
        broken = false
        onvif = nil
        terminal = false
        fragmentStart = nil
    }

    // MARK: Parameter sets

    private enum Kind { case skip, vps, sps, pps, keyframe, other }

    @inline(__always)
    private func classify(_ type: UInt8) -> Kind {
        switch codec {
        case .h264:
            switch type {
            case 7: return .sps
            case 8: return .pps
            case 9: return .skip
            case 5: return .keyframe
            default: return .other
            }
        case .h265:
            switch type {
            case 32: return .vps
            case 33: return .sps
            case 34: return .pps
            case 35: return .skip
            case 16...23: return .keyframe
            default: return .other
            }
        }
    }

    private mutating func setParameterSet(_ type: UInt8, _ nal: [UInt8]) {
        switch classify(type) {
        case .vps: if params.vps != nal { params.vps = nal }
        case .sps: if params.sps != nal { params.sps = nal }
        case .pps: if params.pps != nal { params.pps = nal }
        default: break
        }
    }
}
