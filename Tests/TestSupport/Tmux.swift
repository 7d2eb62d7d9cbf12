import Foundation

/// Drives a real program in a detached tmux session: send keys, read the screen, resize.
/// Each session has its own tmux server (`-L`), so tests never touch anyone else's tmux.
public final class Tmux {
    /// The session name.
    public let name: String
    /// The tmux server socket name (`-L`).
    public let socket: String

    /// True when the `tmux` command runs here.
    public static let available: Bool = (try? run(["-V"]).status) == 0

    /// Starts `command` (a shell command line) in a `width`×`height` window. The line is run
    /// by `sh -c`; it is followed by `echo EXIT:<status>` so tests can see how it ended.
    public init(width: Int, height: Int, command: String, environment: [String: String] = [:]) throws {
        let id = UUID().uuidString.prefix(8)
        name = "vt\(id)"
        socket = "vtrack-tui-test-\(id)"
        let env = environment.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let line = "env \(env) \(command); echo EXIT:$?; sleep 600"
        let r = try Self.run(["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", line])
        guard r.status == 0 else { throw NSError(domain: "tmux", code: Int(r.status), userInfo: [NSLocalizedDescriptionKey: r.output]) }
    }

    deinit { _ = try? Self.run(["-L", socket, "kill-server"]) }

    /// Sends tmux key names (`Enter`, `Escape`, `C-t`, `Space`, `Up`, `BTab`, single characters).
    public func keys(_ keys: String...) {
        for k in keys { _ = try? Self.run(["-L", socket, "send-keys", "-t", name, k]) }
    }

    /// Types text literally.
    public func type(_ text: String) {
        _ = try? Self.run(["-L", socket, "send-keys", "-t", name, "-l", text])
    }

    /// Resizes the window.
    public func resize(width: Int, height: Int) {
        _ = try? Self.run(["-L", socket, "resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The visible screen as text.
    public func screen() -> String {
        (try? Self.run(["-L", socket, "capture-pane", "-p", "-t", name]).output) ?? ""
    }

    /// Polls the screen until `predicate` holds (at most `timeout` seconds, a bound, not a
    /// measurement); returns the last screen seen and whether it matched.
    ///
    /// A capture can land in the middle of a redraw (after a resize the app repaints the whole
    /// window and tmux may show half of it), so a match counts once the screen has settled:
    /// the next capture, 80 ms later, is the same. A screen that keeps changing (a spinner, a
    /// progress bar) is accepted after a few matching captures in a row.
    @discardableResult
    public func wait(timeout: Double = 30, _ predicate: (String) -> Bool) -> (screen: String, ok: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        var matchesInARow = 0
        while Date() < deadline {
            let now = screen()
            if predicate(now) {
                matchesInARow += 1
                if now == last || matchesInARow >= 4 { return (now, true) }
                last = now
                usleep(80_000)
                continue
            }
            matchesInARow = 0
            last = now
            usleep(50_000)
        }
        return (last, matchesInARow > 0)
    }

    /// Waits for text to appear on screen.
    @discardableResult
    public func wait(for text: String, timeout: Double = 30) -> (screen: String, ok: Bool) {
        wait(timeout: timeout) { $0.contains(text) }
    }

    /// `s` quoted for `sh`.
    public static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs tmux and returns its status and output (standard output and error together). It
    /// goes through `Spawn`: the tmux server that `new-session` starts keeps every inherited
    /// descriptor open, and it (and the app it starts) would inherit the test thread's blocked
    /// signals.
    public static func run(_ args: [String]) throws -> (status: Int32, output: String) {
        let dir = Scratch("tmux")
        guard let pid = Spawn.start("tmux", args, environment: nil, stdout: dir.file("out"), stderr: dir.file("out")) else {
            throw NSError(domain: "tmux", code: 1, userInfo: [NSLocalizedDescriptionKey: "cannot start tmux"])
        }
        let status = Spawn.wait(pid)
        let data = FileManager.default.contents(atPath: dir.file("out")) ?? Data()
        return (status, String(decoding: data, as: UTF8.self))
    }
}
