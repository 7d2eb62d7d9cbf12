import Common
import Testing

/// The shared client-side Digest code (HTTP and RTSP), against the RFC's own examples.
@Suite struct DigestChallengeTests {
    static let nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"
    static let opaque = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"
    static let cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"

    static func rfc7616Challenge(_ algorithm: String) -> String {
        "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=\(algorithm), nonce=\"\(nonce)\", opaque=\"\(opaque)\""
    }

    /// RFC 7616 §3.9.1: user Mufasa, password "Circle of Life", GET /dir/index.html.
    @Test(arguments: [("MD5", "8ca523f5e9506fed4657c9700eebdbec"),
                      ("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")])
    func rfc7616Examples(algorithm: String, response: String) throws {
        let c = try #require(DigestChallenge(header: Self.rfc7616Challenge(algorithm)))
        #expect(c.realm == "http-auth@example.org" && c.qop == "auth" && c.opaque == Self.opaque && !c.stale)
        let h = c.authorization(method: "GET", uri: "/dir/index.html", user: "Mufasa", password: "Circle of Life",
                                nc: 1, cnonce: Self.cnonce)
        let p = AuthParameters.parse(h)
        #expect(p.scheme == "digest")
        #expect(p.parameters["response"] == response)
        #expect(p.parameters["username"] == "Mufasa" && p.parameters["uri"] == "/dir/index.html")
        #expect(p.parameters["nc"] == "00000001" && p.parameters["cnonce"] == Self.cnonce && p.parameters["opaque"] == Self.opaque)
        #expect(p.parameters["algorithm"] == algorithm)
        // qop, nc and algorithm go unquoted (some firmware refuses them quoted, F8)
        #expect(h.contains(", qop=auth,") && h.contains(", nc=00000001,") && h.contains(", algorithm=\(algorithm)"))
    }

    /// RFC 2617 §3.5 (MD5 without an algorithm parameter): the response the RFC prints.
    @Test func rfc2617Example() throws {
        let c = try #require(DigestChallenge(header: "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""))
        #expect(c.algorithm == .md5 && c.algorithmToken == nil)
        let h = c.authorization(method: "GET", uri: "/dir/index.html", user: "Mufasa", password: "Circle Of Life", nc: 1, cnonce: "0a4f113b")
        #expect(AuthParameters.parse(h).parameters["response"] == "6629fae49393a05397450978507c4ef1")
        #expect(!h.contains("algorithm="))  // not named by the device: not named back (Hikvision F5390)
    }

    @Test func userNameWithQuoteAndBackslashIsEscaped() throws {
        let c = try #require(DigestChallenge(header: "Digest realm=\"r\\\"x\", nonce=\"n\", qop=auth"))
        #expect(c.realm == "r\"x")
        let user = "a\"b\\c"
        let h = c.authorization(method: "GET", uri: "/", user: user, password: "p", nc: 1, cnonce: "c")
        #expect(h.hasPrefix("Digest username=\"a\\\"b\\\\c\", realm=\"r\\\"x\""))
        // read back, the values are the originals
        let p = AuthParameters.parse(h).parameters
        #expect(p["username"] == user && p["realm"] == "r\"x")
        #expect(p["response"] == c.response(method: "GET", uri: "/", user: user, password: "p", nc: 1, cnonce: "c"))
    }

    @Test func algorithmsAndUnsupportedOnes() {
        #expect(DigestAlgorithm(token: "md5-Sess") == DigestAlgorithm(function: .md5, isSession: true))
        #expect(DigestAlgorithm(token: "SHA-256-sess") == DigestAlgorithm(function: .sha256, isSession: true))
        #expect(DigestAlgorithm(token: "SHA-512-256") == nil)
        #expect(DigestChallenge(header: "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256") == nil)
        #expect(DigestChallenge(header: "Digest realm=\"r\"") == nil)  // no nonce
        #expect(DigestAlgorithm.sha256.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(DigestAlgorithm.md5.hash("abc") == "900150983cd24fb0d6963f7d28e17f72")
    }

    @Test func strongestChallengeIsTheFirstSupportedDigestThenBasic() {
        let sha = "Digest realm=\"r\", nonce=\"a\", algorithm=SHA-256"
        let md5 = "Digest realm=\"r\", nonce=\"b\", algorithm=MD5"
        #expect(AuthChallenge.strongest(["Basic realm=\"r\"", sha, md5])?.nonce == "a")
        #expect(AuthChallenge.strongest(["Digest realm=\"r\", nonce=\"x\", algorithm=SHA-512-256", md5])?.nonce == "b")
        #expect(AuthChallenge.strongest(["Basic realm=\"r\""]) == .basic)
        #expect(AuthChallenge.strongest(["Bearer x"]) == nil)
        #expect(AuthChallenge.strongest(["Digest realm=r, nonce=z, stale=TRUE"])?.isStale == true)
        #expect(AuthChallenge.basic.authorization(method: "GET", uri: "/", user: "u", password: "p", nc: 1) == "Basic dTpw")
    }
}
