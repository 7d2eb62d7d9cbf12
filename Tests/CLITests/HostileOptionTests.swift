import Foundation
import Testing
import TestSupport

/// Numeric options that argument-parser reads as valid numbers but no command can use: NaN,
/// infinities, 1e308 (they trapped converting to milliseconds), 0 and negatives (libcurl and
/// poll() read them as "wait forever"). Each is refused by one sentence, exit 64, before any
/// connection, password prompt or database is touched.
@Suite struct HostileOptionTests {
    static let badSeconds = ["nan", "inf", "-inf", "1e308", "0", "-1"]

    /// Commands with `--timeout` (and a target that would be contacted if the check let it by).
    static let timeoutCommands: [[String]] = [
        ["probe", "127.0.0.1:9", "--user", "admin", "--password", "x"],
        ["sources", "add", "cam", "--host", "127.0.0.1", "--port", "9", "--user", "admin", "--password", "x"],
        ["sources", "test", "cam"],
        ["recordings", "cam"],
        ["record", "rtsp://127.0.0.1:9/x", "-o", "never.mp4"],
    ]
    /// The diagnostic commands take no `--db`.
    static func usesDatabase(_ command: [String]) -> Bool { !["probe", "record"].contains(command[0]) }

    func expectRefusal(_ r: ProgramOutput, naming option: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 64, "\(r.status): \(r.err)", sourceLocation: sourceLocation)
        #expect(r.err.split(separator: "\n").count == 1, "\(r.err)", sourceLocation: sourceLocation)
        #expect(r.err.hasPrefix("vtrack: \(option) must be"), "\(r.err)", sourceLocation: sourceLocation)
        #expect(r.out.isEmpty, sourceLocation: sourceLocation)
    }

    @Test(arguments: timeoutCommands)
    func everyTimeoutIsFiniteAndPositive(command: [String]) {
        let env = VTrackHome("opt")
        for value in Self.badSeconds {
            let r = env.vtrack(command + ["--timeout=\(value)"], db: Self.usesDatabase(command))
            expectRefusal(r, naming: "--timeout")
        }
        #expect(!FileManager.default.fileExists(atPath: env.db), "the database was opened")
        #expect(!FileManager.default.fileExists(atPath: env.file("never.mp4.part")))
    }

    @Test func theRefusalIsInVietnameseToo() {
        let env = VTrackHome("opt")
        let r = env.vtrack(["probe", "127.0.0.1:9", "--timeout", "nan", "--lang", "vi"], db: false)
        #expect(r.status == 64)
        #expect(r.err.hasPrefix("vtrack: --timeout phải là số giây"), "\(r.err)")
    }

    @Test func recordDurationAndDiscoverWindowToo() {
        let env = VTrackHome("opt")
        for value in ["nan", "inf", "1e308", "0", "-5"] {
            expectRefusal(env.vtrack(["record", "rtsp://127.0.0.1:9/x", "-o", env.file("d.mp4"), "--duration=\(value)"], db: false),
                          naming: "--duration")
            expectRefusal(env.vtrack(["discover", "--no-multicast", "--host", "127.0.0.1:9", "--timeout=\(value)"], db: false),
                          naming: "--timeout")
        }
    }

    @Test func downloadCountsAreOneSentence() {
        let env = VTrackHome("opt")
        let cases: [(String, String)] = [("--parallel", "0"), ("--parallel", "65"), ("--max-file-size-mb", "0"),
                                         ("--max-file-size-mb", "-3"), ("--replay-sessions", "0"), ("--replay-sessions", "100")]
        for (option, value) in cases {
            expectRefusal(env.vtrack(["download", "cam", "--from=-1h", "\(option)=\(value)"]), naming: option)
        }
        #expect(!FileManager.default.fileExists(atPath: env.db))
    }
}
