import Common
import Foundation
import Synchronization
import Testing

/// The one retry policy (downloads and store) and the one wake/cancel primitive it waits on.
@Suite struct BackoffTests {
    @Test func delaysGrowAndAreBounded() {
        let b = Backoff(initial: 0.5, factor: 2, maximum: 4, attempts: 5)
        #expect((1...6).map(b.delay) == [0.5, 1, 2, 4, 4, 4])
    }

    @Test func retryTriesAgainUntilAValueComes() {
        var tries = 0
        let value = Backoff(initial: 0.001, maximum: 0.001).retry(for: 600) { () -> String? in
            tries += 1
            return tries == 3 ? "open" : nil
        }
        #expect(value == "open" && tries == 3)
    }

    @Test func retryGivesUpAfterTheTimeWithAtLeastOneTry() {
        var tries = 0
        let value = Backoff(initial: 0.001).retry(for: 0) { () -> Int? in
            tries += 1
            return nil
        }
        #expect(value == nil && tries == 1)
    }

    @Test func anErrorEndsTheTriesAtOnce() {
        struct Broken: Error {}
        var tries = 0
        #expect(throws: Broken.self) {
            _ = try Backoff(initial: 0.001).retry(for: 600) { () throws -> Int? in
                tries += 1
                throw Broken()
            }
        }
        #expect(tries == 1)
    }

    /// A cancel from another thread ends an hour-long wait: the test could only pass by waiting
    /// an hour otherwise.
    @Test func aCancelEndsTheWaitAtOnce() {
        let hour = Backoff(initial: 3600, maximum: 3600)
        let stop = CancelSignal()
        let started = DispatchSemaphore(value: 0)
        let ended = DispatchSemaphore(value: 0)
        let waitedOut = Mutex<Bool?>(nil)
        DispatchQueue.global().async {
            started.signal()
            let passed = hour.wait(before: 1, cancel: stop)
            waitedOut.withLock { $0 = passed }
            ended.signal()
        }
        started.wait()
        stop.cancel()
        ended.wait()
        #expect(waitedOut.withLock { $0 } == false)
        // an already cancelled signal: no wait at all, and retry stops after its one try
        #expect(!hour.wait(before: 1, cancel: stop))
        var tries = 0
        #expect(hour.retry(for: 7200, cancel: stop) { () -> Int? in tries += 1; return nil } == nil)
        #expect(tries == 1)
    }

    @Test func anUncancelledShortWaitRunsOut() {
        #expect(Backoff(initial: 0.001, maximum: 0.001).wait(before: 1, cancel: CancelSignal()))
        #expect(Backoff(initial: 0.001, maximum: 0.001).wait(before: 1, cancel: nil))
        let s = CancelSignal()
        #expect(s.isUsable && !s.isCancelled && !s.wait(seconds: 0))
        s.cancel()
        s.cancel()
        #expect(s.wait(seconds: 3600))
    }
}
