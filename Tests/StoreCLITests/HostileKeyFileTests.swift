import Foundation
import Testing
import TestSupport

/// A password key file that other users may read (0644 after a copy or a restore) is set back
/// to 0600, and the command says so once.
@Suite struct HostileKeyFileTests {
    static func mode(_ path: String) -> Int? {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue
    }

    @Test func aSharedKeyFileIsTightenedAndSaidOnce() throws {
        let sim = try SimProcess(["--channels", "1"])
        let env = VTrackHome()
        let add = ["sources", "add", "sim", "--host", "127.0.0.1:\(sim.httpPort)", "--user", "admin", "--password", "admin123",
                   "--video-root", env.videoRoot]
        let first = env.vtrack(add)
        #expect(first.status == 0, "\(first.err)")
        #expect(Self.mode(env.keyFile) == 0o600)
        #expect(first.err.isEmpty, "\(first.err)")

        chmod(env.keyFile, 0o644)
        let again = env.vtrack(add + ["--update"])
        #expect(again.status == 0, "\(again.err)")
        #expect(again.err == "vtrack: The key file \(env.keyFile) (mode 644) was readable by other users; it is now 0600, readable only by you.\n")
        #expect(Self.mode(env.keyFile) == 0o600)

        let third = env.vtrack(add + ["--update"])
        #expect(third.status == 0 && third.err.isEmpty, "said more than once: \(third.err)")
    }
}
