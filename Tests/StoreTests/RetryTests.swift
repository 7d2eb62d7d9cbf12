import Foundation
@testable import Store
import Testing

@Suite struct RetryTests {
    @Test func triesAgainUntilAValueComes() {
        var tries = 0
        let value = Retry.until(seconds: 600, maxPause: 1_000) { () -> String? in
            tries += 1
            return tries == 3 ? "open" : nil
        }
        #expect(value == "open" && tries == 3)
    }

    @Test func givesUpAfterTheTimeWithAtLeastOneTry() {
        var tries = 0
        let value = Retry.until(seconds: 0, maxPause: 1_000) { () -> Int? in
            tries += 1
            return nil
        }
        #expect(value == nil && tries == 1)
    }

    @Test func anErrorEndsTheTriesAtOnce() {
        struct Broken: Error {}
        var tries = 0
        #expect(throws: Broken.self) {
            _ = try Retry.until(seconds: 600, maxPause: 1_000) { () throws -> Int? in
                tries += 1
                throw Broken()
            }
        }
        #expect(tries == 1)
    }
}
