import Common
import Foundation
@testable import TUI

/// Helpers that drive `update` like the UI loop does.
enum Drive {
    static let theme = ThemeLoader.builtin("default")!

    /// A fresh app at 80x24 (Vietnam time, fixed clock).
    static func fresh(width: Int = 80, height: Int = 24, lang: Language = .en) -> AppState {
        AppState(lang: lang, theme: theme, width: width, height: height, now: SampleScenes.now, utcOffset: SampleScenes.utcOffset)
    }

    /// Sends keys one by one; returns the last state and every command issued.
    static func press(_ state: AppState, _ keys: Key...) -> (AppState, [Command]) {
        press(state, keys)
    }

    static func press(_ state: AppState, _ keys: [Key]) -> (AppState, [Command]) {
        var s = state
        var all: [Command] = []
        for k in keys {
            let (n, c) = update(s, .key(k))
            s = n
            all += c
        }
        return (s, all)
    }

    /// Types text, one key per character.
    static func type(_ state: AppState, _ text: String) -> AppState {
        press(state, text.map { Key.char($0) }).0
    }

    static func send(_ state: AppState, _ event: AppEvent) -> (AppState, [Command]) {
        update(state, event)
    }

    /// The scene's state with cameras tested (not saved), at 80x24.
    static func tested() -> AppState {
        var s = SampleScenes.state(.cameras, lang: .en, theme: theme)
        s.modal = nil
        return s
    }

    /// The scene's state with a saved selection, on the dates screen.
    static func onDates() -> AppState {
        SampleScenes.state(.dates, lang: .en, theme: theme)
    }
}
