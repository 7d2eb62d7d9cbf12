import Foundation
import Testing
import TestSupport

/// Device and stream addresses typed with a password in them and a port that cannot be:
/// refused by one sentence that says the port is out of range, with the password redacted
/// (exit 64), from every command that takes an address.
@Suite struct HostileAddressTests {
    static let secret = "Hunter-Pass-77"

    func expectRedactedRefusal(_ r: ProgramOutput, _ words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 64, "\(r.status): \(r.err)", sourceLocation: sourceLocation)
        #expect(r.err.split(separator: "\n").count == 1, "\(r.err)", sourceLocation: sourceLocation)
        #expect(r.err.contains(words), "\(r.err)", sourceLocation: sourceLocation)
        #expect(!(r.out + r.err).contains(Self.secret), "the password was shown: \(r.err)", sourceLocation: sourceLocation)
    }

    @Test func probeSaysThePortIsOutOfRangeWithoutThePassword() {
        let env = VTrackHome("addr")
        for host in ["http://admin:\(Self.secret)@127.0.0.1:99999/", "admin:\(Self.secret)@127.0.0.1:0"] {
            let r = env.vtrack(["probe", host, "--user", "admin", "--password", "x"], db: false)
            expectRedactedRefusal(r, "is out of range: a port is a number from 1 to 65535")
            #expect(r.err.contains("admin:***@"), "\(r.err)")
        }
        let odd = env.vtrack(["probe", "http://admin:\(Self.secret)@ca mera/", "--user", "admin", "--password", "x"], db: false)
        expectRedactedRefusal(odd, "is not a device address")
    }

    @Test func sourcesAddSaysSoToo() {
        let env = VTrackHome("addr")
        let r = env.vtrack(["sources", "add", "cam", "--host", "http://admin:\(Self.secret)@127.0.0.1:99999/",
                            "--user", "admin", "--password-stdin"], stdin: "x\n")
        expectRedactedRefusal(r, "The port 99999 in “http://admin:***@127.0.0.1:99999/” is out of range")
        let vi = env.vtrack(["sources", "add", "cam", "--host", "admin:\(Self.secret)@127.0.0.1:70000",
                             "--user", "admin", "--password-stdin", "--lang", "vi"], stdin: "x\n")
        expectRedactedRefusal(vi, "Cổng 70000")
    }

    @Test func recordNeverShowsThePasswordOfABadURL() {
        let env = VTrackHome("addr")
        let r = env.vtrack(["record", "rtsp://admin:\(Self.secret)@127.0.0.1:99999/live", "-o", env.file("x.mp4")], db: false)
        expectRedactedRefusal(r, "is not valid")
    }
}
