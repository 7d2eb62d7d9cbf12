import Foundation
import Streaming
import Testing

/// What the fixes of fuzz crashes must keep doing right, beyond not trapping.
@Suite struct FixedCrashTests {
    /// Fuzz/crashes/rtsp/folded-header-after-duplicate-name.bin: a folded line used to rebuild the
    /// field with `set`, which dropped an earlier field of the same name and moved this one.
    @Test func aFoldedHeaderLineContinuesItsOwnFieldInPlace() throws {
        let head = "RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\nWWW-Authenticate: Basic realm=\"a\"\r\n"
            + "WWW-Authenticate: Digest realm=\"b\",\r\n nonce=\"n\"\r\nServer: x\r\n folded\r\n"
        let m = try #require(WireReading.rtspHead(head))
        #expect(m.headers.all("WWW-Authenticate") == ["Basic realm=\"a\"", "Digest realm=\"b\", nonce=\"n\""])
        #expect(m.headers["Server"] == "x folded")
        #expect(m.cseq == 2)
    }
}
