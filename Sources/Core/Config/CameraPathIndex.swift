/// Builds `processing_config.selected_cameras` and `camera_paths` from every active source.
///
/// Keys are camera keys (names). With several sources, a key that two sources share (both have a
/// "Camera 01") is written `<source name>/<camera key>` for each of them, so no camera hides another.
public enum CameraPathIndex {
    /// One source's contribution: its name and its selected cameras' keys and folders, in order.
    public struct Entry: Sendable, Equatable {
        public var sourceName: String
        public var cameras: [(key: String, folder: String)]

        public init(sourceName: String, cameras: [(key: String, folder: String)]) {
            self.sourceName = sourceName
            self.cameras = cameras
        }

        public static func == (a: Entry, b: Entry) -> Bool {
            a.sourceName == b.sourceName && a.cameras.elementsEqual(b.cameras, by: { $0.key == $1.key && $0.folder == $1.folder })
        }
    }

    /// The selected keys (in source, then device order) and key → folder.
    public static func merge(_ entries: [Entry]) -> (selected: [String], paths: [String: String]) {
        var count: [String: Int] = [:]
        for e in entries {
            for key in Set(e.cameras.map(\.key)) { count[key, default: 0] += 1 }
        }
        var selected: [String] = []
        var paths: [String: String] = [:]
        for e in entries {
            for c in e.cameras {
                let key = (count[c.key] ?? 0) > 1 ? "\(e.sourceName)/\(c.key)" : c.key
                if paths[key] == nil { selected.append(key) }
                paths[key] = c.folder
            }
        }
        return (selected, paths)
    }
}
