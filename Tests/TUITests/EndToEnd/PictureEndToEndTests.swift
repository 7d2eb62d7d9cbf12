import Foundation
import Testing
import TestSupport

/// Camera pictures in the real app: `vtrack demo` in tmux (its simulator serves a snapshot per
/// channel that changes with every request), the grid shows coloured picture cells, `r` changes
/// them, the preview refreshes by itself and shows live video.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: these end-to-end tests need it (scripts/install-deps --test installs it)"))
struct PictureEndToEndTests {
    /// The screen with its colours (SGR sequences), as tmux has it.
    static func colouredScreen(_ t: Tmux) -> String {
        (try? Tmux.run(["-L", t.socket, "capture-pane", "-e", "-p", "-t", t.name]).output) ?? ""
    }

    /// The distinct background colours (xterm-256 numbers) of block-symbol cells on the lines
    /// `rows`: a drawn picture has many, the app's theme a handful.
    static func pictureColours(_ screen: String, rows: Range<Int>) -> Set<String> {
        let lines = screen.components(separatedBy: "\n")
        var out = Set<String>()
        for i in rows where i < lines.count {
            var bg = ""
            let chunks = lines[i].components(separatedBy: "\u{1B}[")
            for (n, chunk) in chunks.enumerated() {
                var text = Substring(chunk)
                if n > 0, let m = chunk.firstIndex(of: "m") {
                    let params = chunk[..<m].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                    var k = 0
                    while k < params.count {
                        if params[k] == "48", k + 2 < params.count, params[k + 1] == "5" { bg = params[k + 2]; k += 3; continue }
                        if params[k] == "0" || params[k] == "49" || params[k].isEmpty { bg = "" }
                        k += 1
                    }
                    text = chunk[chunk.index(after: m)...]
                }
                if !bg.isEmpty, text.unicodeScalars.contains(where: { (0x2580...0x259F).contains($0.value) }) { out.insert(bg) }
            }
        }
        return out
    }

    static let spinner = CharacterSet(charactersIn: "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
    static func settled(_ s: String) -> Bool { s.rangeOfCharacter(from: spinner) == nil }

    @Test func theGridShowsPicturesRefreshChangesThemAndThePreviewGoesLive() throws {
        let dir = Scratch("pictures-e2e")
        let env = ["LANG": "C.UTF-8", "XDG_DATA_HOME": dir.path + "/data", "XDG_CONFIG_HOME": dir.path + "/config", "TERM": "tmux-256color"]
        // (swift test runs with NO_COLOR=1, which tmux's server hands on: take it away)
        let command = "env -u NO_COLOR \(Tmux.quote(BuiltProducts.path("vtrack"))) demo --lang en --graphics auto --channels 4 --folder \(Tmux.quote(dir.path))"
        let t = try Tmux(width: 120, height: 40, command: command, environment: env)
        #expect(t.wait(for: "Demo: a simulated 4-channel NVR").ok)
        t.keys("Enter")
        var r = t.wait(for: "Cameras — nvr_localhost")
        #expect(r.ok, "Enter tests the demo source:\n\(r.screen)")

        // 120x40: a matrix of picture tiles; tile rows 4…13 hold the first row's pictures
        let tiles = 4..<14
        var before = ""
        r = t.wait(timeout: 60) { _ in
            let s = Self.colouredScreen(t)
            guard Self.settled(s), Self.pictureColours(s, rows: tiles).count >= 8 else { return false }
            before = s
            return true
        }
        #expect(r.ok, "coloured picture cells fill the tiles (inside tmux: cells, not pixels):\n\(r.screen)")
        #expect(r.screen.contains("01 Camera 01") && r.screen.contains("04 Camera 04"))
        #expect(!r.screen.contains("No picture"), "every camera has its picture:\n\(r.screen)")
        let firstPictures = before.components(separatedBy: "\n")[tiles].joined(separator: "\n")

        t.keys("r")
        r = t.wait(timeout: 60) { _ in
            let s = Self.colouredScreen(t)
            let now = s.components(separatedBy: "\n")
            return Self.settled(s) && now.count > tiles.upperBound && now[tiles].joined(separator: "\n") != firstPictures
                && Self.pictureColours(s, rows: tiles).count >= 8
        }
        #expect(r.ok, "r takes the pictures again and a tile changes:\n\(r.screen)")

        // the preview: name, channel, resolution, the picture's time, which moves by itself
        t.keys("p")
        r = t.wait(for: "refreshed every 1 s")
        #expect(r.ok && r.screen.contains("Channel 1") && r.screen.contains("[ ] 01 Camera 01"), "\(r.screen)")
        let taken = r.screen.components(separatedBy: "taken at ").dropFirst().first?.prefix(8).description ?? ""
        r = t.wait(timeout: 30) { s in
            guard let next = s.components(separatedBy: "taken at ").dropFirst().first?.prefix(8) else { return false }
            return !taken.isEmpty && next.description != taken
        }
        #expect(r.ok, "the preview refreshes every second (was \(taken)):\n\(r.screen)")

        t.keys("v")
        r = t.wait(timeout: 30) { s in
            guard s.contains("● LIVE"), let after = s.components(separatedBy: "sub stream · ").dropFirst().first else { return false }
            return (Int(String(after.prefix(while: { $0.isNumber }))) ?? 0) >= 5
        }
        #expect(r.ok, "v shows live video from the sub stream:\n\(r.screen)")
        #expect(Self.pictureColours(Self.colouredScreen(t), rows: 4..<30).count >= 8)

        t.keys("Escape")
        r = t.wait { $0.contains("Cameras — nvr_localhost") && !$0.contains("LIVE") }
        #expect(r.ok, "Esc closes the preview and its live view:\n\(r.screen)")
        t.keys("q")
        #expect(t.wait(for: "EXIT:0").ok)
    }

    /// NO_COLOR: pictures are ASCII shades with no colour at all.
    @Test func noColorDrawsShades() throws {
        let dir = Scratch("pictures-e2e-mono")
        let env = ["LANG": "C.UTF-8", "XDG_DATA_HOME": dir.path + "/data", "XDG_CONFIG_HOME": dir.path + "/config", "TERM": "tmux-256color",
                   "NO_COLOR": "1"]
        let command = "\(Tmux.quote(BuiltProducts.path("vtrack"))) demo --lang en --channels 2 --folder \(Tmux.quote(dir.path))"
        let t = try Tmux(width: 120, height: 40, command: command, environment: env)
        #expect(t.wait(for: "Demo: a simulated 2-channel NVR").ok)
        t.keys("Enter")
        let r = t.wait(timeout: 60) { s in
            let lines = s.components(separatedBy: "\n")
            return lines.count > 14 && Self.settled(s) && lines[4..<14].joined().contains { "#%@*+=".contains($0) }
        }
        #expect(r.ok, "ASCII shades in the tiles:\n\(r.screen)")
        let coloured = Self.colouredScreen(t)
        #expect(!coloured.contains("48;5;") && !coloured.contains("38;5;"), "no colour with NO_COLOR")
        t.keys("q")
        #expect(t.wait(for: "EXIT:0").ok)
    }
}
