import Common
import Testing
@testable import TUI

/// Text snapshots of every screen at 80x24 and 120x40, in Vietnamese and English.
@Suite struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (120, 40)]

    @Test(arguments: SampleScenes.Scene.allCases)
    func everyScreenMatchesItsGolden(_ scene: SampleScenes.Scene) {
        let theme = ThemeLoader.builtin("default")!
        for lang in Language.allCases {
            for (w, h) in Self.sizes {
                let state = SampleScenes.state(scene, lang: lang, theme: theme, width: w, height: h)
                let text = state.rendered().plainText
                GoldenFile.check(text, named: "\(scene.rawValue)-\(lang.rawValue)-\(w)x\(h)")
            }
        }
    }
}
