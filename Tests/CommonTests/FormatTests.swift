import Common
import Testing

/// The numbers the terminal app and `vtrack download` both show.
@Suite struct FormatTests {
    @Test func sizes() {
        #expect(Format.bytes(950_000) == "950 KB")
        #expect(Format.bytes(120_500_000) == "120.5 MB")
        #expect(Format.bytes(1_210_000_000) == "1.21 GB")
        #expect(Format.gigabytes(51.24) == "51.2 GB" && Format.gigabytes(nil) == "–")
    }

    @Test func speedsAndRealTime() {
        #expect(Format.speed(12_340_000) == "12.3 MB/s" && Format.speed(0) == "–")
        #expect(Format.realtime(170.4) == "×170" && Format.realtime(1.54) == "×1.5" && Format.realtime(0) == "–")
    }

    @Test func durationsAndPercent() {
        #expect(Format.duration(42) == "0:42" && Format.duration(725) == "12:05" && Format.duration(3723) == "1:02:03")
        #expect(Format.duration(nil) == "–" && Format.duration(-1) == "–")
        #expect(Format.percent(0.456) == " 45%" && Format.percent(1) == "100%" && Format.percent(2) == "100%")
        #expect(Format.etaWord.vi == "còn " && Format.etaWord.en == "ETA ")
    }
}
