import Testing
@testable import Pictures

@Suite struct GraphicsModeTests {
    @Test func explicitChoicesStay() {
        for mode in [GraphicsMode.cells, .sixel, .kitty, .none] {
            #expect(GraphicsMode.resolve(mode, environment: ["TMUX": "/tmp/tmux", "TERM": "xterm-kitty"]) == mode)
        }
    }

    @Test(arguments: [
        ["KITTY_WINDOW_ID": "1", "TERM": "xterm-256color"],
        ["TERM": "xterm-kitty"],
        ["TERM_PROGRAM": "WezTerm", "TERM": "xterm-256color"],
        ["TERM_PROGRAM": "ghostty", "TERM": "xterm-ghostty"],
    ])
    func kittyTerminals(env: [String: String]) {
        #expect(GraphicsMode.resolve(.auto, environment: env) == .kitty)
    }

    @Test(arguments: ["mlterm", "foot", "foot-extra", "contour", "yaft-256color", "xterm-sixel"])
    func sixelTerminals(term: String) {
        #expect(GraphicsMode.resolve(.auto, environment: ["TERM": term]) == .sixel)
    }

    @Test func sixelFromTheTerminalsAnswer() {
        #expect(GraphicsMode.resolve(.auto, environment: ["TERM": "xterm-256color"], answeredSixel: true) == .sixel)
        #expect(GraphicsMode.resolve(.auto, environment: ["TERM": "xterm-256color"]) == .cells)
        #expect(GraphicsMode.answerListsSixel("\u{1B}[?62;4;9;22c"))
        #expect(GraphicsMode.answerListsSixel("\u{1B}[?63;1;2;4c"))
        #expect(!GraphicsMode.answerListsSixel("\u{1B}[?62;22;44c"))
        #expect(!GraphicsMode.answerListsSixel("\u{1B}[?1;2c"))
        #expect(!GraphicsMode.answerListsSixel(""))
    }

    @Test(arguments: [
        ["TMUX": "/tmp/tmux-0/default,1,0", "TERM": "xterm-kitty", "KITTY_WINDOW_ID": "1"],
        ["STY": "1234.pts-0", "TERM": "foot"],
        ["TERM": "tmux-256color", "TERM_PROGRAM": "WezTerm"],
        ["TERM": "screen.xterm-256color", "KITTY_WINDOW_ID": "3"],
    ])
    func multiplexersAlwaysGetCells(env: [String: String]) {
        #expect(GraphicsMode.resolve(.auto, environment: env, answeredSixel: true) == .cells)
    }

    @Test func plainTerminalsGetCells() {
        #expect(GraphicsMode.resolve(.auto, environment: [:]) == .cells)
        #expect(GraphicsMode.resolve(.auto, environment: ["TERM": "linux"]) == .cells)
    }
}

@Suite struct ColorDepthTests {
    @Test func noColorWinsWhateverItsValue() {
        #expect(ColorDepth.detect(environment: ["NO_COLOR": "", "COLORTERM": "truecolor"]) == ColorDepth.none)
        #expect(ColorDepth.detect(environment: ["NO_COLOR": "1", "TERM": "xterm-256color"]) == ColorDepth.none)
    }

    @Test func trueColorFromColorterm() {
        #expect(ColorDepth.detect(environment: ["COLORTERM": "truecolor", "TERM": "xterm"]) == .trueColor)
        #expect(ColorDepth.detect(environment: ["COLORTERM": "24BIT"]) == .trueColor)
        #expect(ColorDepth.detect(environment: ["COLORTERM": "yes", "TERM": "xterm"]) == .indexed16)
    }

    @Test func indexedFromTermOrTheTerminalsColours() {
        #expect(ColorDepth.detect(environment: ["TERM": "tmux-256color"]) == .indexed256)
        #expect(ColorDepth.detect(environment: ["TERM": "xterm"], terminalColors: 256) == .indexed256)
        #expect(ColorDepth.detect(environment: ["TERM": "xterm"], terminalColors: 8) == .indexed16)
        #expect(ColorDepth.detect(environment: [:]) == .indexed16)
    }
}

@Suite struct CellGeometryTests {
    @Test func fitsByWidthOrHeight() {
        // 16:9 in 160x45 cells (1:2): 160 columns → 45 rows exactly.
        #expect(CellGeometry.fit(pictureWidth: 1920, pictureHeight: 1080, columns: 160, rows: 45)
                == CellGeometry(columns: 160, rows: 45, x: 0, y: 0))
        #expect(CellGeometry.fit(pictureWidth: 1920, pictureHeight: 1080, columns: 160, rows: 30)
                == CellGeometry(columns: 107, rows: 30, x: 26, y: 0))
        #expect(CellGeometry.fit(pictureWidth: 1920, pictureHeight: 1080, columns: 40, rows: 45)
                == CellGeometry(columns: 40, rows: 11, x: 0, y: 17))
        // Pixel cells of 10x20 are the same 1:2.
        #expect(CellGeometry.fit(pictureWidth: 640, pictureHeight: 360, columns: 80, rows: 24, cellWidth: 10, cellHeight: 20)
                == CellGeometry(columns: 80, rows: 23, x: 0, y: 0))
    }

    @Test func degenerateInputs() {
        #expect(CellGeometry.fit(pictureWidth: 0, pictureHeight: 10, columns: 10, rows: 10).columns == 0)
        #expect(CellGeometry.fit(pictureWidth: 10, pictureHeight: 10, columns: 0, rows: 10).rows == 0)
        let thin = CellGeometry.fit(pictureWidth: 8000, pictureHeight: 1, columns: 10, rows: 10)
        #expect(thin.columns == 10 && thin.rows == 1 && thin.y == 4)
    }
}
