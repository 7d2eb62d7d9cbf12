import Testing
import Common

/// An error with no sentence of its own whose text carries a URI with a password, as a
/// library error describing a failed request might.
private struct LeakyError: Error, CustomStringConvertible {
    var description: String { "request to rtsp://admin:Secr3t-pw@10.0.0.5:554/Streaming/101 failed (http://op:Other9@nvr/onvif)" }
}

@Suite struct UnexpectedErrorTests {
    @Test func thePasswordNeverAppearsInEitherLanguage() {
        let sentence = Localized.unexpected(LeakyError())
        for lang in Language.allCases {
            let text = sentence.text(lang)
            #expect(!text.contains("Secr3t-pw"), "\(text)")
            #expect(!text.contains("Other9"), "\(text)")
            #expect(text.contains("rtsp://admin:***@10.0.0.5:554/Streaming/101"), "\(text)")
        }
    }

    @Test func itIsOneSentenceInEachLanguage() {
        let sentence = Localized.unexpected(LeakyError())
        #expect(sentence.en.hasPrefix("Unexpected error: "))
        #expect(sentence.vi.hasPrefix("Lỗi không mong đợi: "))
        #expect(!sentence.en.contains("\n") && !sentence.vi.contains("\n"))
    }
}
