import Common
import Foundation
import Testing
@testable import TUI

/// Every binding of the keymap does something through `update`: from some state where its
/// context is active and the key is allowed, pressing it changes what is on screen, or starts
/// work, or quits. (A binding `update` forgot would fail here.)
@Suite struct KeyCoverageTests {
    /// Every scene, with each focus of its screen and cursors away from the ends.
    static let candidates: [AppState] = {
        var out: [AppState] = []
        for scene in SampleScenes.Scene.allCases where scene != .tooSmall {
            for (w, h) in [(80, 24), (120, 40)] {
                let base = SampleScenes.state(scene, lang: .en, theme: Drive.theme, width: w, height: h)
                var variants = [base]
                var plain = base
                plain.modal = nil
                for f in base.screen.focusOrder { var v = plain; v.focus = f; variants.append(v) }
                for v in variants {
                    out.append(v)
                    var m = v
                    m.sources.savedCursor = 1; m.sources.foundCursor = 1; m.cameras.cursor = 1; m.downloads.cursor = 1
                    m.log.scroll = 2; m.helpScroll = 2
                    m.dates.cursor -= 3
                    out.append(m)
                    var last = m
                    last.cameras.cursor = 3; last.downloads.cursor = 3
                    out.append(last)
                    if v.screen == .cameras, v.modal == nil {
                        var f = v; f.cameras.filtering = true; f.cameras.filter.set("b"); out.append(f)
                    }
                }
            }
        }
        // The downloads screen with every camera running (pause and cancel allowed).
        var running = SampleScenes.state(.downloads, lang: .en, theme: Drive.theme, width: 100, height: 40)
        for i in running.downloads.rows.indices { running.downloads.rows[i].phase = .running }
        out.append(running)
        return out
    }()

    /// What a key press can change that a person notices.
    static func effect(_ before: AppState, _ key: Key) -> (visible: Bool, allowed: Bool) {
        let (after, commands) = update(before, .key(key))
        if after.notice != nil, after.notice?.level != .ok { return (false, false) }
        let changed = after.rendered() != before.rendered()   // text or style (the cursor row)
        return (changed || !commands.isEmpty || after.running != before.running, true)
    }

    @Test(arguments: KeyContext.allCases)
    func everyBindingActs(_ context: KeyContext) {
        for binding in Keymap.bindings(in: context) {
            for key in binding.keys {
                let states = Self.candidates.filter { s in
                    Keymap.binding(for: key, in: s.activeContexts, typing: s.isTyping).map {
                        $0.context == context && $0.action == binding.action
                    } ?? false
                }
                #expect(!states.isEmpty, "\(context): no sample state where \(key.label) means \(binding.action)")
                let acted = states.contains { Self.effect($0, key).visible }
                #expect(acted, "\(context): \(key.label) (\(binding.action)) changes nothing in any of \(states.count) states")
            }
        }
    }
}
