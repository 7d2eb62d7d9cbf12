import Foundation
@testable import ONVIF
import Testing

@Suite struct ClockOffsetTests {
    let sent = Date(timeIntervalSince1970: 1_000)

    @Test func offsetIsTakenAtTheMiddleOfTheExchangePlusHalfASecond() {
        // request left at 1000, answer back at 1002: the device said 1100 at our 1001, and its
        // whole seconds mean 1100.5 on average
        let ahead = ClockOffset.measured(deviceTime: Date(timeIntervalSince1970: 1_100), sent: sent,
                                         answered: Date(timeIntervalSince1970: 1_002))
        #expect(ahead == 99.5)
        let behind = ClockOffset.measured(deviceTime: Date(timeIntervalSince1970: 900), sent: sent,
                                          answered: Date(timeIntervalSince1970: 1_000))
        #expect(behind == -99.5)
    }

    @Test func offsetsUnderASecondAreKeptAsZero() {
        #expect(ClockOffset.kept(0.5) == 0)
        #expect(ClockOffset.kept(-0.99) == 0)
        #expect(ClockOffset.kept(1) == 1)
        #expect(ClockOffset.kept(-3_600.5) == -3_600.5)
        // a device that agrees with us to the second (answer at 1000.5, said 1000) reads 0
        let same = ClockOffset.measured(deviceTime: sent, sent: sent, answered: Date(timeIntervalSince1970: 1_001))
        #expect(ClockOffset.kept(same) == 0)
    }
}
