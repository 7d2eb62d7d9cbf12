import Foundation

/// What a program that ran to completion left behind.
public struct ProgramOutput: Sendable {
    /// Its exit status, or 128 + the signal that ended it.
    public var status: Int32
    /// Its standard output.
    public var out: String
    /// Its standard error.
    public var err: String
}

/// Starts programs with posix_spawn and waits for them with waitpid.
///
/// Not Foundation's `Process`: it is not safe to use from many test threads at once on Linux,
/// and a child it starts from a test thread inherits that thread's blocked signals (SIGTERM
/// would never stop it). Here every child gets a clean signal mask and default handlers, no
/// descriptor of the test process beyond 0–2 (a server it starts, such as tmux's, would keep
/// open a file another test removes to free a disk), and its output goes to files, not pipes
/// (a grandchild that keeps a pipe open would hang the reader).
public enum Spawn {
    /// Runs `program args…` to completion. `program` is a path, or a name looked up in `$PATH`;
    /// `environment` replaces the test process's when given; `stdin` is the text on its
    /// standard input (else /dev/null). A program that cannot start gives status -1.
    public static func run(_ program: String, _ args: [String], environment: [String: String]? = nil,
                           stdin: String? = nil) -> ProgramOutput {
        let dir = Scratch("spawn")
        let input = stdin.map { text -> String in
            _ = FileManager.default.createFile(atPath: dir.file("in"), contents: Data(text.utf8))
            return dir.file("in")
        }
        guard let pid = start(program, args, environment: environment, stdin: input,
                              stdout: dir.file("out"), stderr: dir.file("err")) else {
            return ProgramOutput(status: -1, out: "", err: "cannot run \(program)")
        }
        let status = wait(pid)
        let out = (try? String(contentsOfFile: dir.file("out"), encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: dir.file("err"), encoding: .utf8)) ?? ""
        return ProgramOutput(status: status, out: out, err: err)
    }

    /// Starts `program args…` with standard input from the file `stdin` (else /dev/null) and
    /// standard output and error into the files `stdout` and `stderr` (the same path for both
    /// merges them); returns its pid, nil when it cannot start. Wait for it with `wait`.
    public static func start(_ program: String, _ args: [String], environment: [String: String]? = nil,
                             stdin: String? = nil, stdout: String, stderr: String) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if stderr == stdout {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        // glibc ignores closing a descriptor that is not open.
        for fd in 3..<min(Int32(getdtablesize()), 4096) { posix_spawn_file_actions_addclose(&actions, fd) }

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

        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = environment ?? ProcessInfo.processInfo.environment
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, program, &actions, &attr, argv, envp)
        return rc == 0 ? pid : nil
    }

    /// Waits for `pid` to end; its exit status, or 128 + the signal that ended it; -1 when it
    /// cannot be waited for (already reaped, not our child), so no check reads that as success.
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        var r: pid_t
        repeat { r = waitpid(pid, &status, 0) } while r < 0 && errno == EINTR
        return r == pid ? decode(status) : -1
    }

    /// The exit status of `pid` if it has ended (reaping it), nil while it runs.
    public static func exited(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        var r: pid_t
        repeat { r = waitpid(pid, &status, WNOHANG) } while r < 0 && errno == EINTR
        return r == pid ? decode(status) : nil
    }

    private static func decode(_ status: Int32) -> Int32 {
        status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
