import Testing
@testable import Pictures

@Suite struct TerminalPaletteTests {
    @Test func everyIndexMapsBackToItself() {
        for i in 16...255 {
            #expect(TerminalPalette.index256(TerminalPalette.color256(i)!) == i, "\(i)")
        }
        for (i, c) in TerminalPalette.ansi16.enumerated() { #expect(TerminalPalette.index16(c) == i) }
        #expect(TerminalPalette.color256(15) == nil && TerminalPalette.color256(256) == nil)
    }

    @Test func nearestColours() {
        #expect(TerminalPalette.index256(RGB(250, 2, 3)) == 196)   // red corner of the cube
        #expect(TerminalPalette.index256(RGB(128, 128, 130)) == 244) // grey ramp: 128
        #expect(TerminalPalette.index256(RGB(0, 0, 0)) == 16)
        #expect(TerminalPalette.index16(RGB(250, 10, 10)) == 9)
        #expect(TerminalPalette.index16(RGB(20, 20, 20)) == 0)
    }

    /// What chafa draws in its indexed modes is exactly in these palettes.
    @Test(arguments: [ColorDepth.indexed256, .indexed16])
    func chafasColoursAreInThePalette(depth: ColorDepth) {
        let image = CellRenderer.render(TestPictures.scene(width: 320, height: 240, seed: 5), columns: 80, rows: 30, depth: depth)
        for c in Set(image.cells.flatMap { [$0.fg, $0.bg].compactMap { $0 } }) {
            if depth == .indexed256 {
                #expect(TerminalPalette.color256(TerminalPalette.index256(c)) == c, "\(c)")
            } else {
                #expect(TerminalPalette.ansi16.contains(c), "\(c)")
            }
        }
    }
}

@Suite struct HalfBlockTests {
    @Test(arguments: [ColorDepth.trueColor, .indexed256, .indexed16])
    func quadrantsComeOutInTheirCorners(depth: ColorDepth) {
        let image = CellRenderer.halfBlocks(TestPictures.quadrants(), columns: 40, rows: 15, depth: depth)
        #expect(image.columns == 40 && image.rows == 15)
        let tolerance = depth == .trueColor ? 2 : depth == .indexed256 ? 40 : 120
        #expect(TestPictures.near(image[5, 2].bg, TestPictures.red, tolerance))
        #expect(TestPictures.near(image[34, 2].fg, TestPictures.green, tolerance))
        #expect(TestPictures.near(image[5, 12].bg, TestPictures.blue, tolerance))
        #expect(TestPictures.near(image[34, 12].fg, TestPictures.white, tolerance))
        #expect(image[5, 2].text == " " && image[5, 2].fg == image[5, 2].bg)
    }

    @Test func sameGeometryAsRender() {
        let p = TestPictures.quadrants()
        let fast = CellRenderer.halfBlocks(p, columns: 80, rows: 10, depth: .trueColor)
        let best = CellRenderer.render(p, columns: 80, rows: 10, depth: .trueColor)
        #expect(zip(fast.cells, best.cells).allSatisfy { ($0 == .blank) == ($1 == .blank) })
        #expect(CellRenderer.halfBlocks(p, columns: 16, rows: 6, depth: .none) == CellRenderer.render(p, columns: 16, rows: 6, depth: .none))
    }

    @Test func topAndBottomHalvesOfACell() {
        // Two rows of pixels: red over blue → one cell "▀" red on blue.
        var px = [UInt8]()
        for _ in 0..<2 { px += [200, 0, 0] }
        for _ in 0..<2 { px += [0, 0, 200] }
        let image = CellRenderer.halfBlocks(Picture(width: 2, height: 2, rgb: px), columns: 1, rows: 1, depth: .trueColor)
        #expect(image.cells == [PictureCell(text: "▀", fg: RGB(200, 0, 0), bg: RGB(0, 0, 200))])
    }
}
