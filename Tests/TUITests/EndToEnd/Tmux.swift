import Foundation

/// Drives a real program in a detached tmux session: send keys, read the screen, resize.
/// Each session has its own tmux server (`-L`), so tests never touch anyone else's tmux.
final class Tmux {
    let name: String
    let socket: String

    /// True when the `tmux` command runs here.
    static let available: Bool = (try? run(["-V"]).status) == 0

    /// Starts `command` (a shell command line) in a `width`×`height` window. The line is run
    /// by `sh -c`; it is followed by `echo EXIT:<status>` so tests can see how it ended.
    init(width: Int, height: Int, command: String, environment: [String: String] = [:]) throws {
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
    func keys(_ keys: String...) {
        for k in keys { _ = try? Self.run(["-L", socket, "send-keys", "-t", name, k]) }
    }

    /// Types text literally.
    func type(_ text: String) {
        _ = try? Self.run(["-L", socket, "send-keys", "-t", name, "-l", text])
    }

    func resize(width: Int, height: Int) {
        _ = try? Self.run(["-L", socket, "resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The visible screen as text.
    func screen() -> String {
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
    func wait(timeout: Double = 30, _ predicate: (String) -> Bool) -> (screen: String, ok: Bool) {
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
    func wait(for text: String, timeout: Double = 30) -> (screen: String, ok: Bool) {
        wait(timeout: timeout) { $0.contains(text) }
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs tmux and returns its status and output. It uses posix_spawn and waitpid, not
    /// Foundation's Process, and output goes through a file, not a pipe: the tmux server that
    /// `new-session` starts keeps every inherited descriptor open, which would hang both.
    static func run(_ args: [String]) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vtrack-tmux-\(UUID().uuidString)").path
        defer { unlink(file) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of the test process goes to tmux: its server outlives this call and
        // would keep open whatever it inherits (a file another test removes to free a disk).
        // glibc ignores closing a descriptor that is not open.
        for fd in 3..<min(Int32(getdtablesize()), 4096) { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv = (["tmux"] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        // A clean signal mask and default handlers: the test runner's threads block signals,
        // and tmux (and the app it starts) would inherit that.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, "tmux", &actions, &attr, argv, environ)
        guard rc == 0 else { throw NSError(domain: "tmux", code: Int(rc), userInfo: [NSLocalizedDescriptionKey: "cannot start tmux"]) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        let data = FileManager.default.contents(atPath: file) ?? Data()
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), String(decoding: data, as: UTF8.self))
    }
}

/// Paths of this package's built products (next to the test bundle, or `.build/debug`).
enum Products {
    static var folder: URL {
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if FileManager.default.isExecutableFile(atPath: bundleDir.appendingPathComponent("vtrack").path) { return bundleDir }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug")
    }

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}

/// `vtrack-sim` as a separate process, stopped when released.
final class SimProcess {
    let process = Process()
    let port: Int

    init(_ args: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: Products.path("vtrack-sim"))
        process.arguments = ["--port", "0"] + args
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line is `ready http://127.0.0.1:PORT/onvif/device_service`.
        var line = Data()
        let h = out.fileHandleForReading
        while true {
            let b = h.readData(ofLength: 1)
            if b.isEmpty || b == Data("\n".utf8) { break }
            line.append(b)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let r = text.range(of: "127.0.0.1:"), let p = Int(text[r.upperBound...].prefix { $0.isNumber }) else {
            process.terminate()
            throw NSError(domain: "vtrack-sim", code: 1, userInfo: [NSLocalizedDescriptionKey: "vtrack-sim said: \(text)"])
        }
        port = p
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }
}
