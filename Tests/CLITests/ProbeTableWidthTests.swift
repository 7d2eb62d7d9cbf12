import Foundation
import Simulator
import Testing
import TestSupport

/// `vtrack probe`'s camera table with names as installers type them (issue 12): Vietnamese in
/// NFD (combining marks take no column), CJK and emoji (two columns each), and a right-to-left
/// override (U+202E) that would reorder the rest of the line. The columns stay aligned by
/// terminal width, and the override reaches the terminal only escaped.
@Suite struct ProbeTableWidthTests {
    static let names = [
        1: "Co\u{302}\u{309}ng tru\u{31B}o\u{31B}\u{301}c",  // "Cổng trước", decomposed
        2: "倉庫カメラ",
        3: "Cam 📷📷",
        4: "evil\u{202E}gpj.exe",
    ]

    /// Terminal columns of `text` (enough for the names above): combining marks none; CJK,
    /// kana and emoji two; the rest one.
    static func columns(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            if u.properties.generalCategory == .nonspacingMark { return n }
            let wide = (0x3040...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || v >= 0x1F300
            return n + (wide ? 2 : 1)
        }
    }

    static func column(of marker: String, in line: Substring) -> Int? {
        guard let r = line.range(of: marker) else { return nil }
        return columns(line[..<r.lowerBound])
    }

    @Test func cameraNamesOfAnyWidthKeepTheColumnsAlignedAndBidiControlsEscaped() throws {
        var c = SimulatorConfig()
        c.port = 0
        c.channels = 4
        c.channelNames = Self.names
        let sim = Simulator(config: c)
        try sim.start()
        defer { sim.stop() }
        let r = BinaryRunner.run("vtrack", ["probe", "127.0.0.1:\(sim.httpPort)", "--user", "admin", "--lang", "en"],
                                 environment: ["VTRACK_PASSWORD": c.password])
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(!r.out.unicodeScalars.contains { $0.value == 0x202E }, "a raw U+202E reached the terminal")
        #expect(r.out.contains("evil\\u{202e}gpj.exe"))
        let lines = r.out.split(separator: "\n")
        let header = try #require(lines.first { $0.hasPrefix("CH ") })
        let main = try #require(Self.column(of: "MAIN", in: header))
        let sub = try #require(Self.column(of: "SUB", in: header))
        let rows = lines.filter { $0.contains("1920x1080") }
        #expect(rows.count == 4)
        for row in rows {
            #expect(Self.column(of: "1920x1080", in: row) == main, "out of line: \(row)")
            #expect(Self.column(of: "640x360", in: row) == sub, "out of line: \(row)")
        }
    }
}
