import Testing
@testable import Common

@Suite struct RedactionTests {
    @Test func hidesPasswordInURI() {
        #expect(Redact.uri("rtsp://admin:s3cret@10.0.0.5:554/x") == "rtsp://admin:***@10.0.0.5:554/x")
        #expect(Redact.uri("open http://u:p@h/a and rtsp://h2/b") == "open http://u:***@h/a and rtsp://h2/b")
        #expect(Redact.uri("rtsp://user@h/x") == "rtsp://user@h/x")
    }

    @Test func hidesKnownSecrets() {
        #expect(Redact.secrets("login p@ss/w?rd% failed", ["p@ss/w?rd%"]) == "login *** failed")
    }
}

@Suite struct TimeTests {
    @Test func roundTripsISO() throws {
        let d = try #require(UTC.parse("2026-11-25T14:17:16Z"))
        #expect(UTC.iso(d) == "2026-11-25T14:17:16Z")
        #expect(UTC.compact(d) == "20261125T141716Z")
    }

    @Test func lenientForms() throws {
        #expect(UTC.iso(try #require(UTC.parse(" 2024-08-17-12:30:45Z\n"))) == "2024-08-17T12:30:45Z")
        #expect(UTC.iso(try #require(UTC.parse("2024-08-17T12:30:45+07:00"))) == "2024-08-17T05:30:45Z")
        #expect(UTC.iso(try #require(UTC.parse("2024-08-17T00:61:16Z"))) == "2024-08-17T01:01:16Z")
        #expect(UTC.iso(try #require(UTC.parse("20240817T123045Z"))) == "2024-08-17T12:30:45Z")
        #expect(UTC.iso(try #require(UTC.parse("1970-01-01T00:03:15Z"))) == "1970-01-01T00:03:15Z")
        #expect(UTC.parse("garbage") == nil)
    }
}
