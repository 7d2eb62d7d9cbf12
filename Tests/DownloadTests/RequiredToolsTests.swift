import Testing
import TestSupport

/// `.requires(…)`: run when the tools are there; skip without them; fail without them under CI.
@Suite struct RequiredToolsTests {
    let none: (String) -> String? = { _ in nil }
    let all: (String) -> String? = { "/usr/bin/" + $0 }

    @Test func runsWhenEveryToolIsInstalled() throws {
        #expect(try RequiredTools.check(["ffmpeg", "ffprobe"], environment: ["CI": "true"], find: all))
        #expect(try RequiredTools.check(["ffmpeg", "ffprobe"], environment: [:], find: all))
    }

    @Test func skipsWhenOneIsMissingOutsideCI() throws {
        #expect(try RequiredTools.check(["ffmpeg"], environment: [:], find: none) == false)
        #expect(try RequiredTools.check(["ffmpeg"], environment: ["CI": ""], find: none) == false)
    }

    @Test func failsWhenOneIsMissingUnderCI() {
        let onlyFFmpeg: (String) -> String? = { $0 == "ffmpeg" ? "/usr/bin/ffmpeg" : nil }
        #expect(throws: RequiredTools.Missing.self) {
            try RequiredTools.check(["ffmpeg", "ffprobe"], environment: ["CI": "true"], find: onlyFFmpeg)
        }
        do {
            _ = try RequiredTools.check(["ffmpeg", "ffprobe"], environment: ["CI": "1"], find: onlyFFmpeg)
        } catch let e as RequiredTools.Missing {
            #expect(e.tools == ["ffprobe"])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
