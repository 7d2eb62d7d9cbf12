import Foundation
import Testing

/// Golden-file comparison for text snapshots. Set `VTRACK_UPDATE_GOLDENS=1` to rewrite the
/// files from the current output (then review the diff in git).
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    static var updating: Bool { ProcessInfo.processInfo.environment["VTRACK_UPDATE_GOLDENS"] == "1" }

    /// Compares `text` with `Goldens/<name>.txt`; a missing file is a failure unless updating.
    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        if updating {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name).txt; run with VTRACK_UPDATE_GOLDENS=1 to create it", sourceLocation: sourceLocation)
            return
        }
        let want = expected.hasSuffix("\n") ? String(expected.dropLast()) : expected
        if want != text {
            let a = want.components(separatedBy: "\n"), b = text.components(separatedBy: "\n")
            var firstDiff = 0
            while firstDiff < min(a.count, b.count), a[firstDiff] == b[firstDiff] { firstDiff += 1 }
            let wantLine = firstDiff < a.count ? a[firstDiff] : "<end>"
            let gotLine = firstDiff < b.count ? b[firstDiff] : "<end>"
            Issue.record("\(name): line \(firstDiff + 1) differs\n  want: \(wantLine)\n  got:  \(gotLine)\n(VTRACK_UPDATE_GOLDENS=1 rewrites the goldens)",
                         sourceLocation: sourceLocation)
        }
    }
}
