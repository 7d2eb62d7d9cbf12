import Common
import Foundation
import Pictures
import Testing
@testable import TUI

/// Goldens of the grid with pictures and of the preview, in cells mode, at 80x24 and 200x60
/// (120x40 is in `ScreenSnapshotTests`), in Vietnamese and English, with the deterministic test
/// pictures of `SampleScenes`. The text goldens hold the symbols; a second golden per screen
/// holds the colours of picture cells (a sample of them), so a colour bug fails too.
@Suite struct PictureSnapshotTests {
    static let scenes: [SampleScenes.Scene] = [.cameraPictures, .preview, .previewPTZ]
    static let sizes = [(80, 24), (200, 60)]

    @Test(arguments: scenes)
    func picturesMatchTheirGoldens(_ scene: SampleScenes.Scene) {
        let theme = ThemeLoader.builtin("default")!
        for lang in Language.allCases {
            for (w, h) in Self.sizes {
                let state = SampleScenes.state(scene, lang: lang, theme: theme, width: w, height: h)
                let buffer = state.rendered()
                let name = "\(scene.rawValue)-\(lang.rawValue)-\(w)x\(h)"
                // the 80x24 text is ScreenSnapshotTests' (every scene, same name)
                if (w, h) != (80, 24) { GoldenFile.check(buffer.plainText, named: name) }
                if lang == .en { GoldenFile.check(Self.colourMap(buffer), named: name + "-colours") }
            }
        }
    }

    /// The colours of picture cells as text: every 4th column of every 2nd row that has a
    /// 24-bit colour, as `x:glyph fg/bg` (hex), one line per row.
    static func colourMap(_ buf: CellBuffer) -> String {
        var lines: [String] = []
        for y in stride(from: 0, to: buf.height, by: 2) {
            var items: [String] = []
            for x in stride(from: 0, to: buf.width, by: 4) {
                let c = buf[x, y]
                guard case .rgb = c.style.fg, case .rgb = c.style.bg else { continue }
                items.append("\(x):\(c.text)\(c.style.fg.hex.dropFirst())/\(c.style.bg.hex.dropFirst())")
            }
            if !items.isEmpty { lines.append("y\(y) " + items.joined(separator: " ")) }
        }
        return lines.isEmpty ? "(no colour cells)" : lines.joined(separator: "\n")
    }

    @Test func monochromeDrawsShadesWithoutColours() {
        let mono = ThemeLoader.builtin("monochrome")!
        var s = SampleScenes.state(.preview, lang: .en, theme: mono, width: 100, height: 30)
        s.pictureSettings.depth = .none
        let buf = s.rendered()
        for y in 0..<buf.height {
            for x in 0..<buf.width {
                let st = buf[x, y].style
                #expect(st.fg == .default && st.bg == .default, "a colour at \(x),\(y) with NO_COLOR")
            }
        }
    }

    @Test func theCellDrawingOfAPictureIsMadeOnceNotEveryFrame() {
        let s = SampleScenes.state(.cameraPictures, lang: .en, theme: Drive.theme, width: 200, height: 60)
        let shown = s.pictures[SampleScenes.cameras[0].id].shown!
        var buf = CellBuffer(width: 0, height: 0)
        render(s, into: &buf)
        #expect(shown.cachedDrawings == 1)
        let first = buf
        for n in 0..<20 {
            var t = s
            t.frame = n   // spinner ticks redraw the whole grid
            render(t, into: &buf)
        }
        #expect(shown.cachedDrawings == 1, "the same size and depth: drawn from the cache")
        #expect(buf.lines() != [] && first.width == 200)
        // another depth is another drawing
        var other = s
        other.pictureSettings.depth = .indexed16
        render(other, into: &buf)
        #expect(shown.cachedDrawings == 2)
    }

    @Test func everyLayoutPutsTilesInsideTheGridAndPicturesWhereTheySay() {
        for (w, h) in [(80, 24), (80, 40), (100, 30), (119, 39), (120, 40), (160, 45), (200, 60), (300, 90)] {
            let layout = CameraGridLayout(width: w, height: h)
            let main = LayoutMetrics(width: w, height: h).main.inset(1)
            #expect(layout.kind == ((w >= 120 && h >= 40) ? .matrix : .list), "\(w)x\(h)")
            for n in 0..<(layout.columns * layout.rows) {
                guard let r = layout.tile(n, cursor: 0) else { Issue.record("tile \(n) missing at \(w)x\(h)"); continue }
                #expect(r.x >= main.x && r.maxX <= main.maxX && r.y >= main.y && r.maxY <= main.maxY, "\(w)x\(h) tile \(n): \(r)")
                if let p = layout.picture { #expect(!p.intersects(r), "\(w)x\(h): the picture covers tile \(n)") }
            }
            if layout.kind == .list { #expect(layout.picture != nil, "\(w)x\(h): the focused camera's picture is shown") }
            if layout.kind == .matrix {
                #expect(layout.pictureRows >= 3 && layout.pictureColumns >= 30, "\(w)x\(h): \(layout.pictureColumns)x\(layout.pictureRows)")
            }
        }
        #expect(CameraGridLayout(width: 120, height: 40).columns * CameraGridLayout(width: 120, height: 40).rows == 6)
        #expect(CameraGridLayout(width: 200, height: 60).columns * CameraGridLayout(width: 200, height: 60).rows == 15)
    }

    @Test func theMatrixScrollsWithTheCursor() {
        var s = SampleScenes.state(.cameraPictures, lang: .en, theme: Drive.theme, width: 120, height: 40)
        #expect(s.rendered().plainText.contains("↓ 1 more rows"))
        #expect(!s.rendered().plainText.contains("Camera 08"))
        s = Drive.press(s, .down, .down, .down).0
        let text = s.rendered().plainText
        #expect(text.contains("Camera 08") && !text.contains("Cổng trước"), "\(text)")
    }

    @Test func pixelModeLeavesBlankCellsAndPlacesThePictures() {
        var s = SampleScenes.state(.cameraPictures, lang: .en, theme: Drive.theme, width: 120, height: 40)
        s.pictureSettings.graphics = .kitty
        let buf = s.rendered()
        #expect(buf.placements.count == 5, "the loaded pictures on screen: 6 tiles, one still loading")
        let layout = s.cameraLayout
        #expect(buf.placements.first?.rect == Rect(x: layout.tiles.x, y: layout.tiles.y, width: layout.pictureColumns, height: layout.pictureRows))
        for p in buf.placements {
            for y in p.rect.y..<p.rect.maxY { for x in p.rect.x..<(p.rect.maxX - 1) { #expect(buf[x, y].text == " ") } }
        }
        // a dialog over them: no pixel pictures (they would cover it)
        s.modal = .help
        #expect(s.rendered().placements.isEmpty)
    }
}
