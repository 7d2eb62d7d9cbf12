import Testing
@testable import TUI

@Suite struct TextWidthTests {
    @Test func asciiIsOneCellAndControlIsZero() {
        #expect(TextWidth.of("a" as Character) == 1)
        #expect(TextWidth.of("\u{7}" as Character) == 0)
        #expect(TextWidth.of("Front Door") == 10)
    }

    @Test func vietnameseIsOneCellPerLetterInNFCAndNFD() {
        let nfc = "Bàn đóng gói"                                    // precomposed
        let nfd = "Ba\u{0300}n \u{0111}o\u{0301}ng go\u{0301}i"     // base letters + combining marks
        #expect(nfc.unicodeScalars.count != nfd.unicodeScalars.count)
        #expect(TextWidth.of(nfc) == 12)
        #expect(TextWidth.of(nfd) == 12)
        // Two combining marks on one letter (ệ = e + dot below + circumflex).
        #expect(TextWidth.of("e\u{0323}\u{0302}" as Character) == 1)
        #expect(TextWidth.of("Nguyễn Văn Việt") == 15)
    }

    @Test func cjkIsTwoCells() {
        #expect(TextWidth.of("摄像头" as String) == 6)
        #expect(TextWidth.of("カメラ1") == 7)
    }

    @Test func truncateAndFitCountCellsNotCharacters() {
        #expect(TextWidth.truncate("摄像头前门", to: 5) == "摄像…")
        #expect(TextWidth.of(TextWidth.fit("摄像头", 7)) == 7)
        #expect(TextWidth.fit("Kho hàng", 10, align: .right) == "  Kho hàng")
        #expect(TextWidth.truncate("Cổng trước", to: 6) == "Cổng …")
    }

    @Test func wrapBreaksAtSpacesAndCutsLongWords() {
        #expect(TextWidth.wrap("một hai ba bốn", width: 7) == ["một hai", "ba bốn"])
        #expect(TextWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }
}

@Suite struct CellBufferTests {
    @Test func wideGlyphTakesTwoCellsWithAContinuation() {
        var b = CellBuffer(width: 6, height: 1)
        let end = b.write("a摄b", x: 0, y: 0, style: .plain)
        #expect(end == 4)
        #expect(b[1, 0].text == "摄" && b[1, 0].isWide)
        #expect(b[2, 0].isContinuation)
        #expect(b[3, 0].text == "b")
        #expect(b.text(row: 0) == "a摄b  ")
    }

    @Test func wideGlyphThatDoesNotFitBecomesASpace() {
        var b = CellBuffer(width: 4, height: 1)
        b.write("abc摄", x: 0, y: 0, style: .plain)
        #expect(b.text(row: 0) == "abc ")
        #expect(!b[3, 0].isWide)
        var c = CellBuffer(width: 10, height: 1)
        c.write("ab摄", x: 0, y: 0, style: .plain, limit: 3)
        #expect(c.text(row: 0).hasPrefix("ab "))
    }

    @Test func overwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var b = CellBuffer(width: 6, height: 1)
        b.write("摄像", x: 0, y: 0, style: .plain)
        b.write("x", x: 1, y: 0, style: .plain)       // the right half of 摄
        #expect(b.text(row: 0) == " x像  ")
        b.write("y", x: 2, y: 0, style: .plain)       // the left half of 像
        #expect(b.text(row: 0) == " xy   ")
        #expect(!b.cells.contains { $0.isContinuation })
    }

    @Test func combiningMarksStayInTheirLettersCell() {
        var b = CellBuffer(width: 8, height: 1)
        let end = b.write("Vie\u{0323}\u{0302}t", x: 0, y: 0, style: .plain)
        #expect(end == 4)
        #expect(b[2, 0].text == "e\u{0323}\u{0302}")
        #expect(b[3, 0].text == "t")
    }

    @Test func controlCharactersBecomeSpaces() {
        var b = CellBuffer(width: 5, height: 1)
        b.write("a\tb\u{1b}", x: 0, y: 0, style: .plain)
        #expect(b.text(row: 0) == "a b  ")
    }

    @Test func changesListOnlyDifferingCellsAndNeverContinuations() {
        var a = CellBuffer(width: 8, height: 2)
        a.write("hello", x: 0, y: 0, style: .plain)
        #expect(a.changes(from: nil).count == 16)
        var b = a
        b.write("j", x: 0, y: 0, style: .plain)
        b.write("摄", x: 3, y: 1, style: .plain)
        let ch = b.changes(from: a)
        #expect(ch.map { [$0.x, $0.y] } == [[0, 0], [3, 1]])
        // Replacing the wide glyph with a narrow one repaints the freed cell too.
        var c = b
        c.write("z", x: 3, y: 1, style: .plain)
        #expect(c.changes(from: b).map { [$0.x, $0.y] } == [[3, 1], [4, 1]])
        // A style change is a change.
        var d = a
        d.write("h", x: 0, y: 0, style: Style(attrs: .bold))
        #expect(d.changes(from: a).count == 1)
        // A different size repaints everything.
        let e = CellBuffer(width: 9, height: 2)
        #expect(e.changes(from: a).count == 18)
    }
}

@Suite struct PaletteTests {
    @Test func mapsToXterm256AndAnsi() {
        #expect(Palette.index(for: .default, colors: 256) == -1)
        #expect(Palette.index(for: .rgb(0, 0, 0), colors: 256) == 16)
        #expect(Palette.index(for: .rgb(255, 255, 255), colors: 256) == 231)
        #expect(Palette.index(for: .rgb(0x5f, 0xaf, 0xff), colors: 256) == 16 + 36 * 1 + 6 * 3 + 5)
        #expect(Palette.index(for: .rgb(0x30, 0x30, 0x30), colors: 256) == 236)
        #expect(Palette.index(for: .rgb(250, 0, 0), colors: 8) == 1)
        #expect(Palette.index(for: .rgb(250, 0, 0), colors: 16) == 9)
    }
}
