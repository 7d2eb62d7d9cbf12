import ArgumentParser
import Common
import Foundation

/// Where a subcommand gets a device password, in this order: `--password` (visible to other users
/// in the process list), `--password-stdin` (first line of standard input), the `VTRACK_PASSWORD`
/// environment variable, or an interactive prompt without echo when standard input is a terminal.
public struct PasswordOptions: ParsableArguments, Sendable {
    @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
    public var passwordStdin = false

    @Option(name: .customLong("password"),
            help: ArgumentHelp("The password. Visible to other users of this machine (process list, shell history): prefer VTRACK_PASSWORD, --password-stdin or the prompt.", valueName: "password"))
    public var password: String?

    public init() {}

    /// The password, or nil when the device needs none (no user given).
    /// - Throws: a user-facing error when a user was given and no password source is available.
    public func resolve(user: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        guard let user, !user.isEmpty else { return nil }
        if let password { return password }
        if passwordStdin {
            guard let line = readLine(strippingNewline: true) else {
                throw PlainError(vi: "Không đọc được mật khẩu từ đầu vào chuẩn: hãy truyền mật khẩu vào --password-stdin (ví dụ: echo \"$PW\" | vtrack …).",
                                 en: "No password on standard input: pipe it into --password-stdin (for example: echo \"$PW\" | vtrack …).")
            }
            return line
        }
        if let env = environment["VTRACK_PASSWORD"] { return env }
        if isatty(STDIN_FILENO) == 1 { return PasswordInput.prompt("Password for \(user): ") }
        throw PlainError(vi: "Chưa có mật khẩu cho “\(user)”: hãy đặt VTRACK_PASSWORD, dùng --password-stdin, hoặc chạy trong terminal để được hỏi.",
                         en: "No password for “\(user)”: set VTRACK_PASSWORD, use --password-stdin, or run in a terminal to be asked.")
    }
}

/// Reading a password from the terminal without echo.
public enum PasswordInput {
    /// Prints `prompt` on stderr and reads one line with echo off.
    public static func prompt(_ prompt: String) -> String {
        var old = termios()
        let haveTerminal = tcgetattr(STDIN_FILENO, &old) == 0
        if haveTerminal {
            var silent = old
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        }
        // echo is off before the prompt shows: nothing typed after it can be echoed or flushed
        FileHandle.standardError.write(Data(prompt.utf8))
        let line = readLine(strippingNewline: true) ?? ""
        if haveTerminal {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &old)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return line
    }
}
