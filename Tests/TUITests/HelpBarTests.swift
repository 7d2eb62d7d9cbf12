import Common
import Foundation
import Testing
@testable import TUI

/// The bottom help bar at the smallest size: the screen's main keys and `?` always show.
@Suite struct HelpBarTests {
    static func keys(_ s: AppState) -> [String] { Chrome.helpBarItems(s).map(\.key) }

    @Test(arguments: SampleScenes.Scene.allCases.filter { $0 != .tooSmall })
    func mainKeysAndHelpFitAt80Columns(_ scene: SampleScenes.Scene) {
        for lang in Language.allCases {
            let s = SampleScenes.state(scene, lang: lang, theme: Drive.theme, width: 80, height: 24)
            let items = Chrome.helpBarItems(s)
            let mainKeys = s.activeContexts.flatMap { Keymap.bindings(in: $0) }
                .filter { $0.primary && $0.short != nil && !(s.isTyping && $0.keys.allSatisfy { $0.printable != nil }) }
                .map { $0.barKeys ?? $0.shortKeysLabel }
            for k in mainKeys { #expect(items.contains { $0.key == k }, "\(scene) \(lang): \(k) missing from the help bar \(Self.keys(s))") }
            // (while a name is typed, ? is a letter of it: F1 is the help key)
            if s.modal == nil { #expect(items.contains { $0.key == "?" || $0.key == "F1" }, "\(scene) \(lang): no ? help in \(Self.keys(s))") }
            let end = items.last.map { $0.x + TextWidth.of($0.key) + 1 + TextWidth.of($0.label) } ?? 0
            #expect(end <= 80, "\(scene) \(lang): the bar is \(end) columns")
            let keymapOrder = s.activeContexts.flatMap { Keymap.bindings(in: $0) }.map { $0.barKeys ?? $0.shortKeysLabel }
            let positions = items.compactMap { item in keymapOrder.firstIndex(of: item.key) }
            #expect(positions == positions.sorted(), "\(scene) \(lang): not in keymap order: \(Self.keys(s))")
        }
    }

    @Test func datesShowDownloadAndWideScreensShowEverything() {
        let narrow = SampleScenes.state(.dates, lang: .vi, theme: Drive.theme, width: 80, height: 24)
        #expect(Self.keys(narrow).contains("d") && Self.keys(narrow).contains("q"))
        let wide = SampleScenes.state(.dates, lang: .en, theme: Drive.theme, width: 200, height: 40)
        let all = Keymap.bindings(in: .dates).filter { $0.short != nil }.count + Keymap.bindings(in: .global).filter { $0.short != nil }.count
        #expect(Chrome.helpBarItems(wide).count == all)
    }

    @Test func saveReportBarNamesItsOwnKeys() {
        let s = SampleScenes.state(.saveReport, lang: .en, theme: Drive.theme)
        #expect(s.modal == .saveReport && s.activeContexts == [.report])
        #expect(Self.keys(s) == ["Enter", "Esc"])
        #expect(Drive.press(s, .char("y")).0.modal == .saveReport, "y is not a key of the report")
        #expect(Drive.press(s, .escape).0.modal == nil)
        #expect(Drive.press(s, .enter).0.screen == .dates)
    }
}
