import Common
import ONVIF

/// Ties recordings to cameras: by `Source/SourceId` = the camera's video source token; a recording
/// whose SourceId matches no camera is tied by `Source/Name` = the camera's name, when exactly
/// one camera has that name. Never by list order.
public enum RecordingMatcher {
    /// Camera index → its recording (the first one, in the device's order, when there are several).
    public static func match(cameras: [Camera], recordings: [RecordingInformation]) -> [Int: RecordingInformation] {
        var out: [Int: RecordingInformation] = [:]
        var used = Set<String>()
        for (i, camera) in cameras.enumerated() where !camera.sourceToken.isEmpty {
            if let r = recordings.first(where: { $0.sourceToken == camera.sourceToken && !used.contains($0.token) }) {
                out[i] = r
                used.insert(r.token)
            }
        }
        let tokens = Set(cameras.map(\.sourceToken))
        for r in recordings where !used.contains(r.token) && !tokens.contains(r.sourceToken) && !r.sourceName.isEmpty {
            let named = cameras.indices.filter { cameras[$0].name.lowercased() == r.sourceName.lowercased() }
            if named.count == 1, out[named[0]] == nil {
                out[named[0]] = r
                used.insert(r.token)
            }
        }
        return out
    }
}
