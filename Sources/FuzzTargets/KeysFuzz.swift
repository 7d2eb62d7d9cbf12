import Common
import Foundation
import TUI

/// Terminal input as the app gets it: what `wget_wch` returns (a function-key code or a
/// character, any 32-bit value) decoded into keys (`KeyDecoding`, with ncurses' codes), run
/// through the app's `update` from one of its screens (typing into forms and fields,
/// Vietnamese, emoji, resizes), then drawn.
///
/// Input: 1 byte scene, 1 byte language, then 5-byte records: a kind byte (bit 0: function
/// key; 0xFE: a resize to the next two bytes) and a 32-bit code, big-endian.
public enum KeysFuzz {
    static let theme = (try? Theme.parse("", name: "fuzz")) ?? Theme(name: "fuzz")
    static let decoding = KeyDecoding.ncursesCodes

    public static func run(_ data: Data) {
        var input = FuzzInput(data)
        let scenes = SampleScenes.Scene.allCases
        let scene = scenes[Int(input.byte()) % scenes.count]
        let lang: Language = input.byte() & 1 == 0 ? .en : .vi
        var state = SampleScenes.state(scene, lang: lang, theme: theme)
        var at = SampleScenes.now
        var keys = 0
        while !input.isAtEnd {
            let kind = input.byte()
            let code = UInt32(input.u16()) << 16 | UInt32(input.u16())
            let event: AppEvent
            if kind == 0xFE {
                event = .resize(width: Int(code >> 24) % 200, height: Int(code >> 16 & 0xFF) % 80)
            } else if let key = kind & 1 == 1 ? decoding.special(code) : KeyDecoding.character(code) {
                event = .key(key)
                keys += 1
            } else {
                continue
            }
            at = at.addingTimeInterval(0.25)
            state = step(state, event, at: at).0
            if keys % 64 == 63 { _ = state.rendered() }
        }
        _ = state.rendered()
    }
}
