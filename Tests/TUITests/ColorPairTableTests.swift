import Common
import Testing
@testable import TUI

/// The colour-pair bookkeeping of the ncurses backend: pairs are recycled only when no cell on
/// screen uses them, and never fall back to the default pair for coloured cells.
@Suite struct ColorPairTableTests {
    @Test func samePairForSameColoursNewForOthers() {
        var t = ColorPairTable(capacity: 10)
        let a = t.use(fg: 1, bg: 2, replacing: nil)
        #expect(a == .init(pair: 1, define: true))
        #expect(t.use(fg: 1, bg: 2, replacing: nil) == .init(pair: 1, define: false))
        #expect(t.use(fg: 2, bg: 1, replacing: nil) == .init(pair: 2, define: true))
        #expect(t.use(fg: -1, bg: -1, replacing: nil) == .init(pair: 0, define: false), "default colours: pair 0")
        #expect(t.use(fg: -1, bg: 5, replacing: nil).pair == 3, "a default side still gets a pair")
    }

    @Test func aFullTableRecyclesOnlyPairsNoCellUses() {
        // pairs 1...3; a screen of 3 cells
        var t = ColorPairTable(capacity: 4)
        var screen: [Int32] = [0, 0, 0]
        func draw(_ i: Int, _ fg: Int, _ bg: Int) -> ColorPairTable.Grant {
            let g = t.use(fg: fg, bg: bg, replacing: screen[i])
            screen[i] = g.pair
            return g
        }
        _ = draw(0, 10, 20); _ = draw(1, 11, 21); _ = draw(2, 12, 22)
        #expect(screen == [1, 2, 3] && t.defined == 3)
        // cell 1 gets new colours: pair 2 is off screen, so it is the one redefined
        let g = draw(1, 13, 23)
        #expect(g == .init(pair: 2, define: true) && t.recycled == 1)
        #expect(screen == [1, 2, 3])
        // the old colours again on cell 2: pair 3 (12/22) is released, but pair 2 is 13/23 now;
        // 11/21 is no longer defined, so pair 3 (now off screen) is recycled for it
        let h = draw(2, 11, 21)
        #expect(h == .init(pair: 3, define: true))
        // cell 0's new colours: its own pair 1 is the one let go, and recycled
        let k = draw(0, 13, 22)
        #expect(k == .init(pair: 1, define: true) && t.recycled == 3 && t.approximated == 0)
        #expect(t.inUse == 3 && screen == [1, 2, 3])
    }

    @Test func whenEveryPairIsOnScreenTheClosestIsUsedNotTheDefault() {
        var t = ColorPairTable(capacity: 3)
        _ = t.use(fg: 10, bg: 10, replacing: nil)
        _ = t.use(fg: 200, bg: 200, replacing: nil)
        let g = t.use(fg: 12, bg: 11, replacing: nil)
        #expect(g == .init(pair: 1, define: false) && t.approximated == 1)
    }

    @Test func aClearedScreenFreesEveryPair() {
        var t = ColorPairTable(capacity: 3)
        _ = t.use(fg: 1, bg: 1, replacing: nil)
        _ = t.use(fg: 2, bg: 2, replacing: nil)
        t.screenCleared()
        #expect(t.inUse == 0)
        #expect(t.use(fg: 3, bg: 3, replacing: nil).define)
        #expect(t.approximated == 0 && t.recycled == 1)
    }

    /// A live view: new colours every frame for a long time never run out of pairs and never
    /// draw a coloured cell with the default pair.
    @Test func aLongLiveViewKeepsRecycling() {
        let cells = 40 * 12
        var t = ColorPairTable(capacity: 1024)
        var screen = [Int32](repeating: 0, count: cells)
        for frame in 0..<200 {
            for i in 0..<cells {
                let g = t.use(fg: (i + frame * 7) % 256, bg: (i * 3 + frame) % 256, replacing: screen[i])
                #expect(g.pair != 0)
                screen[i] = g.pair
            }
        }
        #expect(t.defined <= 1023 && t.approximated == 0 && t.recycled > 0)
    }

    /// How many pairs a 200x60 screen of pictures needs (256 colours and true colour), in the
    /// grid and in the preview (the figure is printed for the report; it must fit in ncurses'
    /// 65 536 extended pairs of xterm-256color/tmux-256color).
    @Test(arguments: [SampleScenes.Scene.cameraPictures, .preview])
    func pairsNeededAt200x60(_ scene: SampleScenes.Scene) {
        for (colors, depth) in [(256, ColorDepthName.c256), (0x100_0000, .direct)] {
            var s = SampleScenes.state(scene, lang: .en, theme: Drive.theme, width: 200, height: 60)
            s.pictureSettings.depth = depth == .direct ? .trueColor : .indexed256
            let buf = s.rendered()
            var t = ColorPairTable(capacity: 65_536)
            for y in 0..<buf.height {
                for x in 0..<buf.width {
                    let st = buf[x, y].style
                    _ = t.use(fg: Palette.index(for: st.fg, colors: colors), bg: Palette.index(for: st.bg, colors: colors), replacing: nil)
                }
            }
            print("colour pairs for \(scene.rawValue) at 200x60, \(depth.rawValue): \(t.defined)")
            #expect(t.defined < 65_536 && t.approximated == 0)
        }
    }

    enum ColorDepthName: String { case c256 = "256 colours", direct = "true colour" }
}
