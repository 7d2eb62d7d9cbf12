import Core
import Testing
@testable import TUI

/// Hold-to-move on a fake clock (seconds): a terminal sends a press, then auto-repeats while
/// the key is held, and never a key-up; ticks come every 0.1 s.
@Suite struct HoldToMoveTests {
    static let left = PTZVelocity(pan: -0.6)
    static let right = PTZVelocity(pan: 0.6)

    /// What a run of keys and ticks asks for, each with its time.
    struct Run {
        var hold = HoldToMove()
        var sent: [(Double, HoldToMove.Request)] = []
        var now = 0.0

        /// Keys at `times`, with 0.1 s ticks from the first key until `until`.
        mutating func play(keys: [(Double, PTZVelocity)], until end: Double) {
            var events: [(Double, PTZVelocity?)] = keys.map { ($0.0, $0.1) }
            var t = (keys.first?.0 ?? 0) + 0.1
            while t <= end + 1e-9 { events.append((t, nil)); t += 0.1 }
            // keys before ticks at the same instant (the order a loop would see them in is either)
            events.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 != nil && $1.1 == nil) }
            for (time, key) in events {
                now = time
                let r = key.map { hold.press($0, at: time) } ?? hold.tick(at: time)
                if let r { sent.append((time, r)) }
            }
        }

        var moves: [Double] { sent.compactMap { if case .move = $0.1 { return $0.0 } else { return nil } } }
        var stops: [Double] { sent.compactMap { $0.1 == .stop ? $0.0 : nil } }
    }

    @Test func onePressIsOneMoveThenOneStop() {
        var r = Run()
        r.play(keys: [(10.0, Self.left)], until: 12)
        #expect(r.sent.count == 2)
        #expect(r.sent.first?.1 == .move(Self.left, timeout: 0.4), "a ContinuousMove with a 0.4 s Timeout at once")
        #expect(r.sent.first?.0 == 10.0)
        // the Stop once the keyboard would have repeated and did not (0.5 s), on the next tick
        guard let stop = r.stops.first else { Issue.record("no stop"); return }
        #expect(stop >= 10.5 && stop <= 10.61, "stop at \(stop)")
        #expect(!r.hold.isMoving)
    }

    @Test func aKeyHeldWithRepeatsAt30PerSecondRenewsAtMost4TimesASecondAndStopsOnce() {
        var r = Run()
        // a press, the keyboard's 0.5 s delay, then 30 repeats a second until 2 s after the press
        var keys: [(Double, PTZVelocity)] = [(0, Self.left)]
        var t = 0.5
        while t <= 2.0 { keys.append((t, Self.left)); t += 1.0 / 30 }
        r.play(keys: keys, until: 4)
        #expect(r.moves.count <= 10 && r.moves.count >= 5, "moves at \(r.moves)")
        #expect(r.stops.count == 1, "one stop: \(r.stops)")
        let lastKey = keys.last!.0
        guard let stop = r.stops.first else { return }
        #expect(stop > lastKey && stop - lastKey <= 0.36, "the stop comes within a tick of 0.25 s after the last repeat (\(stop) vs \(lastKey))")
        #expect(r.sent.last?.1 == .stop)
        // between two requests, never more than the Timeout: the camera does not stop while held
        let times = r.moves
        for (a, b) in zip(times, times.dropFirst()) where a >= 0.5 {
            #expect(b - a >= 0.25 - 1e-9, "renewals at least 0.25 s apart: \(a) → \(b)")
            #expect(b - a < 0.4, "renewed before its 0.4 s Timeout ran out: \(a) → \(b)")
        }
        // no more than 5 requests in any second
        for start in stride(from: 0.0, through: 2.0, by: 0.05) {
            #expect(r.sent.filter { $0.0 >= start && $0.0 < start + 1 }.count <= 5, "a flood around \(start)")
        }
    }

    @Test func anotherDirectionMovesAtOnce() {
        var h = HoldToMove()
        #expect(h.press(Self.left, at: 0) == .move(Self.left, timeout: 0.4))
        #expect(h.press(Self.left, at: 0.03) == nil, "a repeat right after: no new request")
        #expect(h.press(Self.right, at: 0.06) == .move(Self.right, timeout: 0.4), "another way: at once, not rate-limited")
        #expect(h.velocity == Self.right)
        // another speed is another velocity: at once too
        let faster = PTZVelocity(pan: 1)
        #expect(h.press(faster, at: 0.09) == .move(faster, timeout: 0.4))
        #expect(h.tick(at: 0.3) == nil, "no repeat yet, but the keyboard's first delay has not passed")
        #expect(h.tick(at: 0.6) == .stop)
        #expect(h.tick(at: 0.7) == nil, "one stop only")
    }

    @Test func repeatsThatStopMeanTheKeyWasLetGo() {
        var h = HoldToMove()
        _ = h.press(Self.left, at: 0)
        #expect(h.press(Self.left, at: 0.5) == .move(Self.left, timeout: 0.4), "the first repeat renews (0.5 s after the press)")
        #expect(h.press(Self.left, at: 0.55) == nil)
        #expect(h.tick(at: 0.7) == nil, "0.15 s after the last repeat: still held")
        #expect(h.tick(at: 0.8) == .stop, "0.25 s after the last repeat: let go")
        #expect(!h.isMoving)
        // pressed again later: a new move
        #expect(h.press(Self.left, at: 2) == .move(Self.left, timeout: 0.4))
    }

    @Test func releaseStopsOnlyWhatMoves() {
        var h = HoldToMove()
        #expect(h.release() == nil, "nothing moves: nothing to stop")
        _ = h.press(PTZVelocity(zoom: 0.6), at: 1)
        #expect(h.release() == .stop)
        #expect(h.release() == nil && h.tick(at: 5) == nil)
        #expect(h.press(PTZVelocity(), at: 6) == nil, "a zero velocity is no move")
    }

    @Test func slowRepeatsStillRenewBeforeTheTimeout() {
        // a keyboard repeating 10 times a second, after a 0.25 s delay
        var r = Run()
        var keys: [(Double, PTZVelocity)] = [(0, Self.right)]
        var t = 0.25
        while t <= 3 { keys.append((t, Self.right)); t += 0.1 }
        r.play(keys: keys, until: 4)
        #expect(r.stops.count == 1 && r.stops[0] > 3)
        for (a, b) in zip(r.moves, r.moves.dropFirst()) { #expect(b - a < 0.4, "\(a) → \(b)") }
    }
}
