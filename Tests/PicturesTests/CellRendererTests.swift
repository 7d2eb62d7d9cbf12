import Foundation
import Testing
@testable import Pictures

@Suite struct CellRendererTests {
    @Test(arguments: [ColorDepth.trueColor, .indexed256, .indexed16])
    func quadrantsComeOutInTheirCorners(depth: ColorDepth) throws {
        // 4:3 in 40x15 cells: 30 columns (15 rows x 2 x 4/3 = 40; width-bound: 40 cols → 15 rows).
        let image = CellRenderer.render(TestPictures.quadrants(), columns: 40, rows: 15, depth: depth)
        #expect(image.columns == 40 && image.rows == 15 && image.cells.count == 600)
        let tolerance = depth == .trueColor ? 8 : depth == .indexed256 ? 40 : 120
        let colour = { (c: PictureCell) in c.text == "█" ? c.fg : c.bg }
        #expect(TestPictures.near(colour(image[5, 2]), TestPictures.red, tolerance), "\(image[5, 2])")
        #expect(TestPictures.near(colour(image[34, 12]), TestPictures.white, tolerance), "\(image[34, 12])")
        #expect(TestPictures.near(colour(image[34, 2]), TestPictures.green, tolerance))
        #expect(TestPictures.near(colour(image[5, 12]), TestPictures.blue, tolerance))
    }

    @Test func wideAreaIsCentredWithBlankMargins() {
        // 4:3 into 80x10 cells: 10 rows x 2 x 4/3 ≈ 27 columns, centred.
        let image = CellRenderer.render(TestPictures.quadrants(), columns: 80, rows: 10, depth: .trueColor)
        let g = CellGeometry.fit(pictureWidth: 160, pictureHeight: 120, columns: 80, rows: 10)
        #expect(g == CellGeometry(columns: 27, rows: 10, x: 26, y: 0))
        for y in 0..<10 {
            #expect(image[0, y] == .blank && image[25, y] == .blank && image[53, y] == .blank && image[79, y] == .blank)
            #expect(image[26, y] != .blank && image[52, y] != .blank)
        }
    }

    @Test func tallAreaIsCentredVertically() {
        let image = CellRenderer.render(TestPictures.quadrants(width: 200, height: 50), columns: 20, rows: 20, depth: .indexed256)
        // 4:1 in 20 columns → 20 / 4 / 2 = 2.5 → 3 rows, starting at row 8.
        #expect(image[10, 7] == .blank && image[10, 11] == .blank)
        #expect(image[2, 8] != .blank && image[2, 10] != .blank)
    }

    @Test func monochromeIsAsciiShadesWithoutColours() {
        let p = TestPictures.quadrants()
        let image = CellRenderer.render(p, columns: 16, rows: 6, depth: .none)
        #expect(image.cells.allSatisfy { $0.fg == nil && $0.bg == nil && $0.text.unicodeScalars.allSatisfy(\.isASCII) })
        // Blue is dark, white is bright.
        #expect(image[2, 5].text == "-" || image[2, 5].text == ":")
        #expect(image[13, 5].text == "@")
        #expect(CellRenderer.render(Picture(width: 8, height: 4, filledWith: (0, 0, 0)), columns: 4, rows: 1, depth: .none).lines == ["    "])
    }

    @Test func sameInputSameOutputOnManyThreads() async {
        let p = TestPictures.scene(width: 640, height: 360, seed: 3)
        let first = CellRenderer.render(p, columns: 80, rows: 22, depth: .indexed256)
        let all = await withTaskGroup(of: CellImage.self) { group in
            for _ in 0..<6 { group.addTask { CellRenderer.render(p, columns: 80, rows: 22, depth: .indexed256) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(all.allSatisfy { $0 == first })
    }

    @Test func onlyBlockSymbolsAreUsed() {
        let image = CellRenderer.render(TestPictures.scene(width: 320, height: 240, seed: 1), columns: 60, rows: 20, depth: .trueColor)
        let used = Set(image.cells.flatMap(\.text.unicodeScalars))
        #expect(used.allSatisfy { $0 == " " || (0x2580...0x259F).contains($0.value) }, "\(used)")
    }

    @Test(arguments: [ColorDepth.indexed256, .indexed16])
    func indexedColoursComeFromThePalette(depth: ColorDepth) {
        let image = CellRenderer.render(TestPictures.scene(width: 320, height: 240, seed: 2), columns: 60, rows: 20, depth: depth)
        let colours = Set(image.cells.flatMap { [$0.fg, $0.bg].compactMap { $0 } })
        if depth == .indexed16 {
            #expect(colours.count <= 16)
        } else {
            let levels: Set<UInt8> = [0, 0x5F, 0x87, 0xAF, 0xD7, 0xFF]
            let isCube = { (c: RGB) in levels.contains(c.r) && levels.contains(c.g) && levels.contains(c.b) }
            let isGrey = { (c: RGB) in c.r == c.g && c.g == c.b && (c.r >= 8 && (c.r - 8) % 10 == 0) }
            #expect(colours.allSatisfy { isCube($0) || isGrey($0) }, "\(colours.filter { !isCube($0) && !isGrey($0) })")
        }
    }

    @Test func emptyPictureOrAreaGivesBlankCells() {
        let empty = Picture(width: 0, height: 0, rgb: [])
        #expect(CellRenderer.render(empty, columns: 3, rows: 2, depth: .trueColor) == .blank(columns: 3, rows: 2))
        #expect(CellRenderer.render(TestPictures.quadrants(), columns: 0, rows: 5, depth: .trueColor).cells.isEmpty)
        #expect(CellRenderer.render(TestPictures.quadrants(), columns: -3, rows: -1, depth: .none).cells.isEmpty)
        #expect(CellRenderer.render(TestPictures.quadrants(), columns: 1, rows: 1, depth: .trueColor).cells.count == 1)
    }

    @Test(arguments: [ColorDepth.trueColor, .indexed256, .indexed16, .none])
    func goldens(depth: ColorDepth) {
        let image = CellRenderer.render(TestPictures.scene(width: 320, height: 180, seed: 4), columns: 32, rows: 9, depth: depth)
        CellGolden.check(image, named: "scene-32x9-\(depth.rawValue)")
    }
}

/// Golden files of cell images: the glyph lines, then each cell's colours. Set
/// `VTRACK_UPDATE_GOLDENS=1` to rewrite them from the current output (then review the diff).
enum CellGolden {
    static let directory = TestPictures.fixtures.appendingPathComponent("Goldens")

    static func text(_ image: CellImage) -> String {
        func hex(_ c: RGB?) -> String { c.map { String(format: "%02x%02x%02x", $0.r, $0.g, $0.b) } ?? "------" }
        var out = image.lines
        for y in 0..<image.rows {
            out.append((0..<image.columns).map { "\(hex(image[$0, y].fg))/\(hex(image[$0, y].bg))" }.joined(separator: " "))
        }
        return out.joined(separator: "\n")
    }

    static func check(_ image: CellImage, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let got = text(image)
        if ProcessInfo.processInfo.environment["VTRACK_UPDATE_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? (got + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let want = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(name).txt; VTRACK_UPDATE_GOLDENS=1 creates it", sourceLocation: sourceLocation)
            return
        }
        #expect(want == got + "\n", "\(name) differs (VTRACK_UPDATE_GOLDENS=1 rewrites it)", sourceLocation: sourceLocation)
    }
}
