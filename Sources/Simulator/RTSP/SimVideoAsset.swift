import Foundation
import Streaming

/// A looping video clip the RTSP server sends: pictures already cut into RTP payloads (no RTP
/// header yet), parameter sets for the SDP, frame rate and keyframe positions. Loaded once
/// from the bundled Annex B files made by `scripts/make-sim-assets`.
final class SimVideoAsset: Sendable {
    struct Picture: Sendable {
        var payloads: [[UInt8]]
        var isKeyframe: Bool
        var bytes: Int
    }

    let codec: VideoCodec
    let fps: Int
    let width: Int
    let height: Int
    let pictures: [Picture]
    let parameterSets: ParameterSets
    /// Indices of keyframes, ascending.
    let keyframes: [Int]

    init(file: String, codec: VideoCodec, fps: Int) throws {
        guard let url = Bundle.module.url(forResource: file, withExtension: nil, subdirectory: "Assets")
            ?? Bundle.module.url(forResource: file, withExtension: nil) else {
            throw SimulatorError.assetMissing(file: file)
        }
        guard let data = try? Data(contentsOf: url) else { throw SimulatorError.assetMissing(file: file) }
        let stream = ElementaryStream(codec: codec, annexB: [UInt8](data))
        self.codec = codec
        self.fps = fps
        parameterSets = stream.parameterSets
        let format = VideoTrackFormat(codec: codec, parameterSets: stream.parameterSets)
        width = format?.width ?? 0
        height = format?.height ?? 0
        var pk = RTPPacketizer(codec: codec, maxPayload: 1400)
        var list: [Picture] = []
        for pic in stream.pictures {
            let payloads = pk.packetize(pic.nalUnits, timestamp: 0).map { Array($0[12...]) }
            list.append(Picture(payloads: payloads, isKeyframe: pic.isKeyframe, bytes: payloads.reduce(0) { $0 + $1.count }))
        }
        pictures = list
        keyframes = list.indices.filter { list[$0].isKeyframe }
    }

    /// The keyframe index at or before `index` (0 when none).
    func keyframe(atOrBefore index: Int) -> Int {
        keyframes.last { $0 <= index } ?? 0
    }

    /// The three bundled clips, loaded once. A missing resource bundle (a binary copied away from
    /// `.build`) is a clear error when the simulator starts, never a crash.
    struct Library: Sendable {
        let main1080: SimVideoAsset
        let sub360h264: SimVideoAsset
        let sub360h265: SimVideoAsset

        /// The asset for a profile of the NVR model.
        func forProfile(_ p: NVRModel.Profile) -> SimVideoAsset {
            if p.isMain { return main1080 }
            return p.codec == .h265 ? sub360h265 : sub360h264
        }
    }

    static let bundled: Result<Library, SimulatorError> = Result {
        Library(main1080: try SimVideoAsset(file: "main_1080p25.h264", codec: .h264, fps: 25),
                sub360h264: try SimVideoAsset(file: "sub_360p15.h264", codec: .h264, fps: 15),
                sub360h265: try SimVideoAsset(file: "sub_360p15.h265", codec: .h265, fps: 15))
    }.mapError { $0 as? SimulatorError ?? .assetMissing(file: "Assets") }

    /// The bundled clips, or the error that says which one is missing.
    static func library() throws -> Library { try bundled.get() }
}
