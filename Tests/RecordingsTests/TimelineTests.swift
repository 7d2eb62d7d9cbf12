import Common
import Foundation
import Simulator
import Testing

/// The simulator's recording timeline: deterministic from the seed, with nightly gaps.
@Suite struct TimelineTests {
    let start = UTC.parse("2024-05-01T00:00:00Z")!
    var week: DateInterval { DateInterval(start: start, end: start.addingTimeInterval(7 * 86_400)) }
    var later: Date { start.addingTimeInterval(30 * 86_400) }

    @Test func sameSeedSameGaps() {
        let a = RecordingTimeline(channel: 1, seed: 42, start: start)
        let b = RecordingTimeline(channel: 1, seed: 42, start: start)
        #expect(a.footage(in: week, now: later) == b.footage(in: week, now: later))
        let otherSeed = RecordingTimeline(channel: 1, seed: 43, start: start)
        let otherChannel = RecordingTimeline(channel: 2, seed: 42, start: start)
        #expect(a.footage(in: week, now: later) != otherSeed.footage(in: week, now: later))
        #expect(a.footage(in: week, now: later) != otherChannel.footage(in: week, now: later))
    }

    @Test func everyNightHasAnOffHoursGap() {
        let t = RecordingTimeline(channel: 3, seed: 42, start: start)
        for day in 0..<7 {
            // 03:00 UTC is inside the nightly off-hours (01:00±30 min to 05:00±30 min)
            let threeAM = start.addingTimeInterval(Double(day) * 86_400 + 3 * 3600)
            #expect(!t.hasFootage(at: threeAM, now: later))
            #expect(t.hasFootage(at: start.addingTimeInterval(Double(day) * 86_400 + 6 * 3600 + 1), now: later)
                    || t.hasFootage(at: start.addingTimeInterval(Double(day) * 86_400 + 6.9 * 3600), now: later))
        }
        let pieces = t.footage(in: week, now: later)
        #expect(pieces.count >= 7)
        for p in pieces {
            #expect(p.start.timeIntervalSince1970 == p.start.timeIntervalSince1970.rounded())
            #expect(p.end.timeIntervalSince1970 == p.end.timeIntervalSince1970.rounded())
        }
    }

    @Test func nothingBeforeTheStartOrAfterNow() {
        let t = RecordingTimeline(channel: 1, seed: 1, start: start)
        let now = start.addingTimeInterval(86_400 + 7 * 3600)
        let pieces = t.footage(in: DateInterval(start: start.addingTimeInterval(-86_400), end: later), now: now)
        #expect(pieces.first!.start >= start)
        #expect(pieces.last!.end <= now)
        #expect(t.footage(in: DateInterval(start: later, end: later.addingTimeInterval(10)), now: now).isEmpty)
    }

    @Test func motionScheduleRecordsShortClipsOnly() {
        let t = RecordingTimeline(channel: 2, seed: 42, start: start, schedule: .motion)
        let pieces = t.footage(in: week, now: later)
        let hours = pieces.reduce(0) { $0 + $1.duration } / 3600
        // about an hour a day: far less than the continuous schedule's ~18 h
        #expect(hours > 7 * 0.3 && hours < 7 * 3)
        #expect(pieces.count > 7 * 10)
        #expect(pieces.allSatisfy { $0.duration <= 3600 })
        #expect(pieces == RecordingTimeline(channel: 2, seed: 42, start: start, schedule: .motion).footage(in: week, now: later))
        let continuous = RecordingTimeline(channel: 2, seed: 42, start: start).footage(in: week, now: later)
        #expect(continuous.reduce(0) { $0 + $1.duration } / 3600 > 7 * 15)
    }
}
