import CNcursesw
import TUI

/// Turns what `wget_wch` returns into `Key`s.
enum KeyDecoder {
    /// A function key (`wget_wch` returned KEY_CODE_YES).
    static func special(_ code: UInt32) -> Key? {
        let c = Int32(code)
        switch c {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        default:
            for n in 1...12 where c == vtrack_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    /// A character (`wget_wch` returned OK).
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(UnicodeScalar(UInt8(96 + code))))
        case 0..<32: return nil
        default:
            guard let scalar = UnicodeScalar(code) else { return nil }
            return .char(Character(scalar))
        }
    }
}
