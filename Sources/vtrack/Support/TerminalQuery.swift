import Foundation
import Glibc
import Pictures

/// Asks the terminal what it can draw: its primary device attributes (DA1, `ESC [ c`), whose
/// answer lists 4 when it draws sixels. Used by `--graphics auto` when the environment alone
/// cannot tell (xterm with sixels compiled in, mlterm or Windows Terminal behind a generic TERM).
enum TerminalQuery {
    /// True when the terminal on stdin/stdout answers DA1 with sixel (4) within `timeout`
    /// seconds. False without a terminal, or when it does not answer: nothing is lost then, the
    /// app draws with cells. The terminal's modes are restored before returning.
    static func answersSixel(timeout: Double = 0.25) -> Bool {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return false }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return false }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else { return false }
        defer { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        let query: [UInt8] = [0x1B, 0x5B, 0x63]  // ESC [ c
        guard query.withUnsafeBytes({ write(STDOUT_FILENO, $0.baseAddress, 3) }) == 3 else { return false }
        var answer: [UInt8] = []
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        while answer.count < 256 {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { break }
            var pfd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ms = Int32(max(1, (deadline - now) / 1_000_000))
            guard poll(&pfd, 1, ms) > 0 else { break }
            var byte: UInt8 = 0
            guard read(STDIN_FILENO, &byte, 1) == 1 else { break }
            answer.append(byte)
            if byte == UInt8(ascii: "c"), answer.contains(UInt8(ascii: "?")) { break }
        }
        return GraphicsMode.answerListsSixel(String(decoding: answer, as: UTF8.self))
    }
}
