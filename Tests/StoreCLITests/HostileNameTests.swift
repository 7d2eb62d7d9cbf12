import Common
import Core
import Foundation
import Testing
import TestSupport

/// Names that fight the terminal: a right-to-left override (U+202E) and emoji (two columns).
/// `sources list` and `sources show` escape bidirectional controls and keep their columns
/// aligned by terminal width, not by character count.
@Suite struct HostileNameTests {
    static let override = "\u{202E}"
    static let names = ["shop", "evil\(override)gpj.exe", "Cửa 📷📷"]

    func seed(_ env: VTrackHome) throws {
        let repo = try env.repository()
        for (i, name) in Self.names.enumerated() {
            let cams = [Camera(id: "c\(i)", name: "Cam 🚪 \(i)", streamURL: "rtsp://10.0.0.\(i)/ch1", resolution: "1920x1080", codec: "H264",
                               channel: 1, sourceToken: "VS0"),
                        Camera(id: "d\(i)", name: "Plain \(i)", streamURL: "rtsp://10.0.0.\(i)/ch2", resolution: "640x480", codec: "H265",
                               channel: 2, sourceToken: "VS1")]
            _ = try SaveConfig(repository: repo).save(
                TestedSource(name: name, host: "10.0.0.\(i)", port: 80, username: "admin", password: "pw",
                             device: DeviceInfo(manufacturer: "Acme", model: "NVR"), cameras: cams),
                choice: .all, videoRoot: env.videoRoot)
        }
    }

    /// Terminal columns of the text before `marker` in `line` (emoji two, others one: enough for these names).
    static func column(of marker: String, in line: Substring) -> Int? {
        guard let r = line.range(of: marker) else { return nil }
        return line[..<r.lowerBound].unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1F300 ? 2 : ($1.properties.generalCategory == .nonspacingMark ? 0 : 1)) }
    }

    @Test func listEscapesBidiControlsAndAlignsByWidth() throws {
        let env = VTrackHome()
        try seed(env)
        let r = env.vtrack(["sources", "list"])
        #expect(r.status == 0, "\(r.err)")
        #expect(!r.out.unicodeScalars.contains { $0.value == 0x202E }, "a raw U+202E reached the terminal")
        #expect(r.out.contains("evil\\u{202e}gpj.exe"))
        let lines = r.out.split(separator: "\n")
        let header = try #require(lines.first.flatMap { Self.column(of: "ADDRESS", in: $0) })
        for (i, line) in lines.dropFirst().enumerated() {
            #expect(Self.column(of: "10.0.0.\(i):80", in: line) == header, "row \(i) is out of line: \(line)")
        }
    }

    @Test func showAlignsCameraColumnsByWidth() throws {
        let env = VTrackHome()
        try seed(env)
        let r = env.vtrack(["sources", "show", Self.names[1]])
        #expect(r.status == 0, "\(r.err)")
        #expect(!r.out.unicodeScalars.contains { $0.value == 0x202E })
        let rows = r.out.split(separator: "\n").filter { $0.contains("[x]") }
        #expect(rows.count == 2)
        let codecs = rows.compactMap { Self.column(of: "H26", in: $0) }
        #expect(codecs.count == 2 && codecs[0] == codecs[1], "\(rows)")
    }
}
