import Foundation
import ONVIF
import Simulator
import Testing
import TestSupport

/// The simulator's time scale: recordings that start behind now and grow faster than real time,
/// while the device's clock keeps real time.
@Suite struct RecordingClockTests {
    @Test func growsAtItsScaleUntilItReachesNow() {
        let origin = Date(timeIntervalSince1970: 1_800_000_000)
        let clock = RecordingClock(scale: 60, behind: 3600, origin: origin)
        #expect(clock.now(real: origin) == origin.addingTimeInterval(-3600))
        #expect(clock.now(real: origin.addingTimeInterval(10)) == origin.addingTimeInterval(-3000))
        // caught up after 3600 / 59 s, then real time
        #expect(clock.now(real: origin.addingTimeInterval(120)) == origin.addingTimeInterval(120))
        #expect(clock.lag(real: origin.addingTimeInterval(30)) == 3600 - 30 * 59)
        let when = clock.realTime(whenRecorded: origin.addingTimeInterval(-1800))
        #expect(abs(when.timeIntervalSince(origin) - 30) < 1e-6)
        #expect(clock.realTime(whenRecorded: origin.addingTimeInterval(500)) == origin.addingTimeInterval(500))
        #expect(RecordingClock().lag() == 0)
    }

    /// Search answers end where the recordings end; GetSystemDateAndTime is the real clock.
    @Test func searchAnswersWithTheRecordingsEndAndTheClockStaysReal() throws {
        let clock = RecordingClock(scale: 30, behind: 7200)
        let fx = try SimFixture { c in
            c.channels = 1
            c.recordingClock = clock
        }
        let client = fx.client()
        let device = try client.systemDateAndTime()
        #expect(abs(device.timeIntervalSinceNow) < 5)
        let recordings = try client.findRecordings()
        let latest = try #require(recordings.first?.latest)
        // the recordings end about two hours ago and grow 30 s a second
        let expected = clock.now()
        #expect(abs(latest.timeIntervalSince(expected)) < 90, "latest \(latest), clock \(expected)")
        #expect(latest < Date().addingTimeInterval(-6000))
        #expect(eventually { clock.now() > latest.addingTimeInterval(60) })
        let later = try #require(try client.findRecordings().first?.latest)
        #expect(later > latest.addingTimeInterval(59))
        // replay serves footage up to there and no further
        #expect(fx.sim.recordings.footage(recordingToken: recordings[0].token, from: later.addingTimeInterval(-600), to: Date())
            .last.map { $0.end <= clock.now() } ?? true)
    }
}
