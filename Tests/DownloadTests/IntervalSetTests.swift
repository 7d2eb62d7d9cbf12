import Foundation
import Testing
@testable import Core

@Suite struct IntervalSetTests {
    func iv(_ a: Double, _ b: Double) -> DateInterval { DateInterval(start: Date(timeIntervalSince1970: a), end: Date(timeIntervalSince1970: b)) }

    @Test func normalizeMergesAndSorts() {
        #expect(IntervalSet.normalize([iv(5, 7), iv(0, 2), iv(1, 3), iv(3, 4), iv(9, 9)]) == [iv(0, 4), iv(5, 7)])
    }

    @Test func subtractLeavesTheMissingParts() {
        #expect(IntervalSet.subtract([iv(0, 10), iv(20, 30)], [iv(2, 4), iv(9, 21), iv(29.8, 31)], minimum: 0.5) == [iv(0, 2), iv(4, 9), iv(21, 29.8)])
        #expect(IntervalSet.subtract([iv(0, 10)], [iv(0, 9.7)], minimum: 0.5) == [])
    }

    @Test func measureAndGaps() {
        let cov = [iv(0, 10), iv(20, 30)]
        #expect(IntervalSet.measure(cov) == 20)
        #expect(IntervalSet.measure(cov, before: Date(timeIntervalSince1970: 25)) == 15)
        #expect(IntervalSet.gaps(in: iv(-5, 40), covered: cov) == [iv(-5, 0), iv(10, 20), iv(30, 40)])
        #expect(IntervalSet.clamp(cov, to: iv(5, 25)) == [iv(5, 10), iv(20, 25)])
    }

    @Test func fileNamesUseWholeUTCSeconds() {
        let s = Date(timeIntervalSince1970: 1_767_225_600.96)
        #expect(DownloadFileName.final(cameraFolder: "Front Door", start: s, end: s.addingTimeInterval(3599.1))
            == "Front Door_20260101T000000Z_20260101T010000Z.mp4")
    }

    /// The database keeps a file's times to the millisecond; the name must agree with the row
    /// (with a device clock offset, picture times land anywhere within a second).
    @Test func fileNamesAgreeWithTheMillisecondsTheDatabaseKeeps() {
        // stored as 00:00:00.000 → named 000000
        #expect(DownloadFileName.stamp(Date(timeIntervalSince1970: 1_767_225_599.9996)) == "20260101T000000Z")
        // stored as 23:59:59.999 → named 235959
        #expect(DownloadFileName.stamp(Date(timeIntervalSince1970: 1_767_225_599.9994)) == "20251231T235959Z")
    }
}
