/// Turns what the terminal library reads (`wget_wch`: a function-key code, or a character)
/// into `Key`s. Pure, so it can be tested and fuzzed without a terminal; the ncurses backend
/// hands it its `KEY_*` codes (`functionKeys`).
public struct KeyDecoding: Sendable {
    /// Function-key code → key (arrows, Home, PgUp, F1…F12, …).
    public let functionKeys: [Int32: Key]

    public init(functionKeys: [Int32: Key]) { self.functionKeys = functionKeys }

    /// The codes of ncurses as `<curses.h>` defines them (`KEY_DOWN` is 0402, `KEY_F(n)` is
    /// 0410 + n…): what the ncurses backend passes, for tests and the fuzz harness.
    public static let ncursesCodes = KeyDecoding(functionKeys: {
        var keys: [Int32: Key] = [0o402: .down, 0o403: .up, 0o404: .left, 0o405: .right, 0o406: .home, 0o407: .backspace,
                                  0o512: .delete, 0o522: .pageDown, 0o523: .pageUp, 0o527: .enter, 0o541: .backTab, 0o550: .end]
        for n in 1...12 { keys[0o410 + Int32(n)] = .function(n) }
        return keys
    }())

    /// A function key (`wget_wch` returned KEY_CODE_YES); nil for one the app does not use.
    public func special(_ code: UInt32) -> Key? {
        guard code <= UInt32(Int32.max) else { return nil }
        return functionKeys[Int32(code)]
    }

    /// A character (`wget_wch` returned OK); nil for a control character the app does not use
    /// or a code that is no Unicode scalar.
    public static func character(_ code: UInt32) -> Key? {
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
