/// A raw Annex B video stream (`.h264` / `.h265` file) split into access units: what the
/// simulator loops and what tests feed through the packetizers and the MP4 writer.
public struct ElementaryStream: Sendable {
    /// One picture: its NAL units (no start codes), parameter sets included when they precede it.
    public struct Picture: Sendable {
        public var nalUnits: [[UInt8]]
        public var isKeyframe: Bool
    }

    public let codec: VideoCodec
    public let pictures: [Picture]
    /// The first parameter sets found in the stream.
    public let parameterSets: ParameterSets

    /// Splits `bytes` (Annex B) into pictures: a new picture starts at a parameter set, SEI or
    /// delimiter after a slice, or at a slice that is the first of its picture.
    public init(codec: VideoCodec, annexB bytes: [UInt8]) {
        self.codec = codec
        var pictures: [Picture] = []
        var current: [[UInt8]] = []
        var hasSlice = false
        var key = false
        var ps = ParameterSets()
        for nal in NALUnit.splitAnnexB(bytes) where !nal.isEmpty {
            let (isVCL, firstInPicture, isPrefix, isKey) = ElementaryStream.classify(codec, nal)
            if hasSlice && (isPrefix || (isVCL && firstInPicture)) {
                pictures.append(Picture(nalUnits: current, isKeyframe: key))
                current = []; hasSlice = false; key = false
            }
            current.append(nal)
            if isVCL { hasSlice = true }
            if isKey { key = true }
            switch (codec, ElementaryStream.nalType(codec, nal)) {
            case (.h264, 7): if ps.sps == nil { ps.sps = nal }
            case (.h264, 8): if ps.pps == nil { ps.pps = nal }
            case (.h265, 32): if ps.vps == nil { ps.vps = nal }
            case (.h265, 33): if ps.sps == nil { ps.sps = nal }
            case (.h265, 34): if ps.pps == nil { ps.pps = nal }
            default: break
            }
        }
        if hasSlice { pictures.append(Picture(nalUnits: current, isKeyframe: key)) }
        self.pictures = pictures
        self.parameterSets = ps
    }

    /// The NAL unit type of `nal` for `codec`.
    public static func nalType(_ codec: VideoCodec, _ nal: [UInt8]) -> UInt8 {
        codec == .h264 ? nal[0] & 0x1F : (nal[0] >> 1) & 0x3F
    }

    private static func classify(_ codec: VideoCodec, _ nal: [UInt8]) -> (vcl: Bool, first: Bool, prefix: Bool, key: Bool) {
        let t = nalType(codec, nal)
        switch codec {
        case .h264:
            let vcl = t >= 1 && t <= 5
            let first = vcl && nal.count > 1 && nal[1] & 0x80 != 0
            let prefix = t == 6 || t == 7 || t == 8 || t == 9 || (t >= 14 && t <= 18)
            return (vcl, first, prefix, t == 5)
        case .h265:
            let vcl = t < 32
            let first = vcl && nal.count > 2 && nal[2] & 0x80 != 0
            let prefix = (t >= 32 && t <= 35) || t == 39 || (t >= 41 && t <= 44) || (t >= 48 && t <= 55)
            return (vcl, first, prefix, t >= 16 && t <= 23)
        }
    }
}
