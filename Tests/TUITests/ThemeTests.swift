import Foundation
import Testing
@testable import TUI

@Suite struct ThemeTests {
    static let themesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")

    @Test(arguments: ["default", "light", "high-contrast", "monochrome"])
    func builtinThemeIsTheFileInThemes(_ name: String) throws {
        let file = try String(contentsOf: Self.themesDir.appendingPathComponent(name + ".theme"), encoding: .utf8)
        #expect(ThemeLoader.builtinText(name) == file.trimmingCharacters(in: .newlines),
                "Themes/\(name).theme and BuiltinThemes.swift differ: copy the file's text into BuiltinThemes.swift")
        let theme = try Theme.parse(file, name: name)
        // Every key is written out in each shipped file.
        for key in ThemeKey.allCases {
            #expect(file.contains("\n" + key.rawValue + " "), "\(name).theme lacks \(key.rawValue)")
        }
        #expect(theme.name == name)
    }

    @Test func monochromeUsesOnlyAttributes() {
        let m = ThemeLoader.builtin("monochrome")!
        #expect(m.isMonochrome)
        #expect(m[.selected].attrs.contains(.reverse))
        #expect(!ThemeLoader.builtin("default")!.isMonochrome)
    }

    @Test func formatColoursBackgroundsAttributesEmptyAndComments() throws {
        let t = try Theme.parse("""
        # comment
        text =
        error = #FF0000 bold   # trailing comment
        selected = #ffffff on #005f87 reverse underline
        input = default on #303030
        """, name: "t")
        #expect(t[.text] == .plain)
        #expect(t[.error] == Style(fg: .rgb(255, 0, 0), attrs: .bold))
        #expect(t[.selected] == Style(fg: .rgb(255, 255, 255), bg: .rgb(0, 0x5f, 0x87), attrs: [.reverse, .underline]))
        #expect(t[.input] == Style(fg: .default, bg: .rgb(0x30, 0x30, 0x30)))
        #expect(t[.muted] == t[.text], "a missing key takes the text style")
    }

    @Test func errorsNameTheLine() {
        #expect(throws: ThemeError.unknownKey(name: "t", line: 2, key: "bordr")) { try Theme.parse("text =\nbordr = bold", name: "t") }
        #expect(throws: ThemeError.badValue(name: "t", line: 1, word: "#12345")) { try Theme.parse("text = #12345", name: "t") }
        #expect(throws: ThemeError.badLine(name: "t", line: 1, text: "text")) { try Theme.parse("text", name: "t") }
        let e = ThemeError.badValue(name: "t", line: 3, word: "blink")
        #expect(e.message.en.contains("line 3") && e.message.vi.contains("dòng 3"))
    }

    @Test func noColorDropsColoursAndDefaultsToMonochrome() throws {
        let noColor = ["NO_COLOR": "1"]
        let t = try ThemeLoader.load(nil, environment: noColor)
        #expect(t.isMonochrome && t.name == "monochrome")
        let light = try ThemeLoader.load("light", environment: noColor)
        #expect(light.isMonochrome)
        // What colour alone marked in a colour theme must still show: an attribute marks it.
        for name in ThemeLoader.builtinNames {
            let t = try ThemeLoader.load(name, environment: noColor)
            for key in [ThemeKey.selected, .input_focus, .button_focus, .calendar_range, .status_bar] {
                #expect(!t[key].attrs.isEmpty, "\(name) under NO_COLOR: \(key) is invisible")
            }
        }
        #expect(ThemeLoader.builtin("default")!.fitting(colors: 0).name == "monochrome", "a terminal without colours")
        #expect(ThemeLoader.builtin("light")!.fitting(colors: 256).name == "light")
        #expect(try !ThemeLoader.load("light", environment: ["NO_COLOR": ""]).isMonochrome, "an empty NO_COLOR does not count")
        #expect(throws: ThemeError.self) { try ThemeLoader.load("nope", environment: [:]) }
    }

    @Test func userThemeFileByPathAndByConfigFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vtrack-theme-\(UUID().uuidString)")
        let themes = dir.appendingPathComponent("vtrack/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "text = #112233\n".write(to: themes.appendingPathComponent("mine.theme"), atomically: true, encoding: .utf8)
        let byName = try ThemeLoader.load("mine", environment: ["XDG_CONFIG_HOME": dir.path])
        #expect(byName[.text].fg == .rgb(0x11, 0x22, 0x33))
        let byPath = try ThemeLoader.load(themes.appendingPathComponent("mine.theme").path, environment: [:])
        #expect(byPath.name == "mine")
    }

    @Test func fileTextRoundTrips() throws {
        for name in ThemeLoader.builtinNames {
            let t = ThemeLoader.builtin(name)!
            #expect(try Theme.parse(t.fileText(), name: name) == t)
        }
    }
}

@Suite struct TerminalSettingsTests {
    @Test func readsThemeAndLanguageIgnoringTheRest() {
        let s = TerminalSettings.parse("# my settings\ntheme = light   # bright room\nlang = VI\ncolour = red\nbroken line\n")
        #expect(s == TerminalSettings(theme: "light", lang: .vi))
        #expect(TerminalSettings.parse("") == TerminalSettings())
        #expect(TerminalSettings.path(environment: ["XDG_CONFIG_HOME": "/x"]) == "/x/vtrack/tui.conf")
        #expect(TerminalSettings.path(environment: ["HOME": "/home/t"]) == "/home/t/.config/vtrack/tui.conf")
    }

    @Test func readsGraphicsAndPreviewRefreshKeptInRange() {
        let s = TerminalSettings.parse("graphics = Cells\npreview_refresh = 2.5\n")
        #expect(s.graphics == .cells && s.previewRefresh == 2.5)
        #expect(TerminalSettings.parse("preview_refresh = 0\n").previewRefresh == 0.2)
        #expect(TerminalSettings.parse("preview_refresh = 5s\n").previewRefresh == 5)
        #expect(TerminalSettings.parse("preview_refresh = 1e9\n").previewRefresh == 60)
        #expect(TerminalSettings.parse("preview_refresh = soon\ngraphics = hologram\n") == TerminalSettings())
        #expect(PictureSettings(previewRefresh: 2.5).refreshTicks == 25 && PictureSettings(previewRefresh: 0.2).refreshTicks == 2)
        #expect(PictureSettings(graphics: .auto).graphics == .cells, "auto is resolved before the app runs")
    }
}

@Suite struct HTMLExportTests {
    @Test func oneSpanPerCellWithThemeColoursAndEscapes() {
        var b = CellBuffer(width: 4, height: 1)
        b.write("<摄", x: 0, y: 0, style: Style(fg: .rgb(255, 0, 0), attrs: .bold))
        let html = HTMLExport.page(b, title: "t&t")
        #expect(html.components(separatedBy: "<span").count - 1 == 3, "a wide glyph is one (double) span")
        #expect(html.contains("&lt;") && html.contains("t&amp;t") && html.contains("#ff0000") && html.contains("c w b"))
    }
}
