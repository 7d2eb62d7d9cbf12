import Foundation
import Common

/// The key of each camera of a source: what `selected_cameras` and `camera_paths` hold.
///
/// A camera's key is its name. Devices do report several cameras with the same name (two
/// "Camera 01"), so a later camera whose name is already taken gets "Camera 01 (2)", "(3)", …
/// in the device's order. A camera with an empty name is "Camera <channel>". Equality is
/// Swift's (Unicode canonical equivalence), the same rule JSON object keys end up under.
public enum CameraKeys {
    /// One key per camera, in the same order, all distinct.
    public static func keys(for cameras: [Camera]) -> [String] {
        var taken = Set<String>()
        var keys: [String] = []
        keys.reserveCapacity(cameras.count)
        for (index, camera) in cameras.enumerated() {
            var base = camera.name
            if base.allSatisfy({ $0.isWhitespace }) {
                base = "Camera \(camera.channel > 0 ? camera.channel : index + 1)"
            }
            var key = base
            var n = 2
            while taken.contains(key) {
                key = "\(base) (\(n))"
                n += 1
            }
            taken.insert(key)
            keys.append(key)
        }
        return keys
    }

    /// The keys of `cameras` named by `names`: exact keys, or names matched without regard to
    /// case. Returns the keys found and the names that match no camera.
    public static func resolve(_ names: [String], in cameras: [Camera]) -> (keys: [String], unknown: [String]) {
        let all = keys(for: cameras)
        var found: [String] = []
        var unknown: [String] = []
        for raw in names {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { continue }
            if let k = all.first(where: { $0 == name }) ?? all.first(where: { $0.lowercased() == name.lowercased() }) {
                if !found.contains(k) { found.append(k) }
            } else {
                unknown.append(name)
            }
        }
        return (found, unknown)
    }
}
