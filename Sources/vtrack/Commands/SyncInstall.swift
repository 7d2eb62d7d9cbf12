import ArgumentParser
import Common
import Core
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `vtrack sync --install-service [--user]`: writes `vtrack-sync.service` (and, with `--once`,
/// `vtrack-sync.timer` that starts it every `--interval`) with this binary, its database, key
/// file and folders, and prints the two commands that enable it. It never runs systemctl.
enum SyncInstall {
    static func install(_ cmd: Sync) throws {
        let env = ProcessInfo.processInfo.environment
        let db = cmd.store.databaseFile
        let repo = try cmd.store.open()
        let config = try CLI.attempt { try repo.read { try $0.processingConfig() } }
        let dir = cmd.unitDir.map { StoreLocations.absolute($0) } ?? defaultDirectory(user: cmd.user, environment: env)
        let units = SyncInstall.units(cmd, binary: binaryPath(), database: db, keyFile: repo.locations.keyFile,
                                      videoRoot: config.videoRoot, userName: cmd.user ? nil : currentUserName(), environment: env)
        try CLI.attempt {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for (name, text) in units {
                let path = (dir as NSString).appendingPathComponent(name)
                do {
                    try text.write(toFile: path, atomically: true, encoding: .utf8)
                } catch {
                    throw SyncError.serviceFileFailed(path: path, errno: EACCES)
                }
            }
        }
        let ctl = cmd.user ? "systemctl --user" : "systemctl"
        let unit = cmd.once ? "vtrack-sync.timer" : "vtrack-sync.service"
        let written = units.map { (dir as NSString).appendingPathComponent($0.name) }.joined(separator: ", ")
        if cmd.json {
            CLI.printJSON(["files": units.map { (dir as NSString).appendingPathComponent($0.name) },
                           "commands": ["\(ctl) daemon-reload", "\(ctl) enable --now \(unit)"]])
            return
        }
        print(Localized(vi: "Đã ghi \(written). Bật bằng:", en: "Wrote \(written). Enable it with:").text())
        print("  \(ctl) daemon-reload")
        print("  \(ctl) enable --now \(unit)")
    }

    /// The unit files' names and texts.
    static func units(_ cmd: Sync, binary: String, database: String, keyFile: String, videoRoot: String, userName: String?,
                      environment env: [String: String]) -> [(name: String, text: String)] {
        var args = ["sync", "--db", database]
        if cmd.once { args.append("--once") } else { args += ["--interval", cmd.interval.text] }
        args += ["--lag", cmd.lag.text, "--since", cmd.since.text]
        if cmd.parallel != 2 { args += ["--parallel", "\(cmd.parallel)"] }
        if cmd.replaySessions != 1 { args += ["--replay-sessions", "\(cmd.replaySessions)"] }
        if cmd.maxFileSizeMB != 500 { args += ["--max-file-size-mb", "\(cmd.maxFileSizeMB)"] }
        if let d = cmd.maxDays { args += ["--max-days", "\(d)"] }
        if let m = cmd.minFree {
            switch m {
            case .bytes(let b): args += ["--min-free", "\(b)"]
            case .fraction(let f): args += ["--min-free", "\(f * 100)%"]
            }
        }
        if cmd.noRetention { args.append("--no-retention") }
        if let lang = cmd.global.language { args += ["--lang", lang.rawValue] }
        args += cmd.sources
        let exec = ([binary] + args).map(quoted).joined(separator: " ")
        let configHome = ((keyFile as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        let dbDir = (database as NSString).deletingLastPathComponent
        var service = """
            # Written by `vtrack sync --install-service` (\(UTC.iso(Date()))).
            # Database: \(database)
            # Camera folders: \(videoRoot)
            [Unit]
            Description=VTrack unattended sync of camera recordings
            Wants=network-online.target
            After=network-online.target

            [Service]

            """
        if cmd.once {
            service += "Type=oneshot\n"
        } else {
            service += "Type=simple\nExecReload=/bin/kill -HUP $MAINPID\nRestart=on-failure\nRestartSec=30\n"
        }
        if let userName { service += "User=\(userName)\n" }
        service += """
            Environment=\(quoted("XDG_CONFIG_HOME=\(configHome)"))
            Environment=LANG=\(env["LANG"] ?? "C.UTF-8")
            ExecStart=\(exec)
            KillSignal=SIGTERM
            TimeoutStopSec=120
            ProtectSystem=strict
            ReadWritePaths=\(quoted(dbDir)) \(quoted(videoRoot))

            """
        if !cmd.once {
            service += "\n[Install]\nWantedBy=\(userName == nil ? "default.target" : "multi-user.target")\n"
        }
        var out = [(name: "vtrack-sync.service", text: service)]
        if cmd.once {
            let timer = """
                # Written by `vtrack sync --install-service --once`: one sync pass every \(cmd.interval.text).
                [Unit]
                Description=VTrack unattended sync of camera recordings, every \(cmd.interval.text)

                [Timer]
                OnBootSec=2min
                OnUnitInactiveSec=\(Int(cmd.interval.seconds))s
                Persistent=true

                [Install]
                WantedBy=timers.target

                """
            out.append((name: "vtrack-sync.timer", text: timer))
        }
        return out
    }

    /// Quoted for a systemd command line when it holds spaces or quotes.
    static func quoted(_ s: String) -> String {
        if s.allSatisfy({ !$0.isWhitespace && $0 != "\"" && $0 != "'" && $0 != "\\" && $0 != "%" && $0 != "$" }) { return s }
        let escaped = s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "%", with: "%%").replacingOccurrences(of: "$", with: "$$")
        return "\"\(escaped)\""
    }

    static func defaultDirectory(user: Bool, environment env: [String: String]) -> String {
        guard user else { return "/etc/systemd/system" }
        let config = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.config")
        return config + "/systemd/user"
    }

    /// This program's absolute path (`/proc/self/exe`).
    static func binaryPath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? StoreLocations.absolute(CommandLine.arguments[0])
    }

    static func currentUserName() -> String? {
        guard let pw = getpwuid(getuid()), let name = pw.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}
