import Common
import Testing

@Suite struct AuthParametersTests {
    @Test func quotedAndBareValuesWithCommasAndEscapesInsideQuotes() {
        let header = #"Digest realm="a, \"b\"",nonce=abc ,"# + "\t" + #"qop="auth,auth-int", stale=TRUE"#
        let (scheme, p) = AuthParameters.parse(header)
        #expect(scheme == "digest")
        #expect(p["realm"] == #"a, "b""#)
        #expect(p["nonce"] == "abc")
        #expect(p["qop"] == "auth,auth-int")
        #expect(p["stale"] == "TRUE")
    }

    @Test func namesAreCaseInsensitiveAndItemsWithoutEqualsAreSkipped() {
        let (scheme, p) = AuthParameters.parse("BASIC Realm=cam, junk, ,NONCE=\"n\"")
        #expect(scheme == "basic")
        #expect(p == ["realm": "cam", "nonce": "n"])
    }

    @Test func listKeepsOrderAndNamesAsWritten() {
        let items = AuthParameters.list(#" Username="u", URI="/x""#[...])
        #expect(items.map(\.name) == ["Username", "URI"])
        #expect(items.map(\.value) == ["u", "/x"])
    }

    @Test func anUnterminatedQuoteOrEmptyValueDoesNotLoop() {
        #expect(AuthParameters.parse(#"Digest nonce="abc"#).parameters["nonce"] == "abc")
        #expect(AuthParameters.parse("Digest nonce=").parameters["nonce"] == "")
        #expect(AuthParameters.parse("Digest").parameters.isEmpty)
    }
}
