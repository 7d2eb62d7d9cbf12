import Foundation
import Testing

/// The overlap rule the sync tests judge files by: ties on the start, a file inside another,
/// and a long file reaching past its neighbour are all measured as shared footage.
struct SharedFootageTests {
    static func span(_ a: Double, _ b: Double) -> DateInterval {
        DateInterval(start: Date(timeIntervalSince1970: a), end: Date(timeIntervalSince1970: b))
    }

    @Test func twoFilesOnTheSameKeyFrameShareTheShorterOne() {
        // a job's last second and the next job's first file, both from the key frame at 18 s
        let shared = sharedFootage([Self.span(0, 18), Self.span(18, 19), Self.span(18, 36)])
        #expect(shared.map(\.seconds) == [0, 1])
    }

    @Test func aLongFileIsMeasuredAgainstEveryFileAfterIt() {
        let shared = sharedFootage([Self.span(0, 100), Self.span(10, 20), Self.span(30, 40), Self.span(99, 120)])
        #expect(shared.map(\.seconds) == [10, 10, 1])
        #expect(shared.map(\.with) == [0, 0, 0])
    }

    @Test func filesEndToEndShareNothing() {
        #expect(sharedFootage([Self.span(0, 18), Self.span(18, 36), Self.span(40, 50)]).map(\.seconds) == [0, 0])
    }
}
