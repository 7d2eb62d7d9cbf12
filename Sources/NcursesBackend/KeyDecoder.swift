import CNcursesw
import TUI

/// Turns what `wget_wch` returns into `Key`s: `TUI.KeyDecoding` with this ncurses' `KEY_*` codes.
enum KeyDecoder {
    static let decoding: KeyDecoding = {
        var keys: [Int32: Key] = [KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right, KEY_HOME: .home,
                                  KEY_END: .end, KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown, KEY_BTAB: .backTab,
                                  KEY_BACKSPACE: .backspace, KEY_DC: .delete, KEY_ENTER: .enter]
        for n in 1...12 { keys[vtrack_key_f(Int32(n))] = .function(n) }
        return KeyDecoding(functionKeys: keys)
    }()

    /// A function key (`wget_wch` returned KEY_CODE_YES).
    static func special(_ code: UInt32) -> Key? { decoding.special(code) }

    /// A character (`wget_wch` returned OK).
    static func character(_ code: UInt32) -> Key? { KeyDecoding.character(code) }
}
