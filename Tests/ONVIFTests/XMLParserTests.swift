import Testing
@testable import ONVIF

@Suite struct XMLParserTests {
    @Test func localNamesWhateverThePrefix() throws {
        let x = try XMLDocument.parse("<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"x\"><s:Body><MC1:Uri>\n  rtsp://h/a?x=1&amp;y=2 \n</MC1:Uri><ter:Foo/></s:Body></s:Envelope>")
        #expect(x.name == "Envelope")
        #expect(x.path("Body", "Uri")?.text == "rtsp://h/a?x=1&y=2")
        #expect(x.first("Foo")?.prefix == "ter")
    }

    @Test func survivesTruncationAndGarbage() throws {
        let r = try XMLDocument.parseDetailed(Array("<a><b x='1'>hi<c>there".utf8))
        #expect(r.truncated)
        #expect(r.root.first("c")?.text == "there")
        #expect(r.root.child("b")?.attribute("x") == "1")
        #expect(throws: XMLDocument.ParseError.self) { try XMLDocument.parse("") }
        #expect(throws: XMLDocument.ParseError.self) { try XMLDocument.parse("just text") }
        let odd = try XMLDocument.parse("<a>1 < 2 & 3</b></a>")
        #expect(odd.name == "a")
    }
}
