import Synchronization

/// The `holdAfterBytes` switch: once the RTSP server has sent that many bytes of replay media in
/// all (every connection counted, so a client that reconnects or restarts does not start over),
/// every replay stream is held — the connections stay open, no media comes — until `release()`.
/// Then the stream goes on until the next point. A test kills or stops its client while the
/// download is provably held at a known point, whatever the machine's speed.
public final class ReplayHold: Sendable {
    private struct State {
        var points: [Int]
        var next = 0
        var sent = 0
        var held = false
        var waiting: [@Sendable () -> Void] = []
    }

    private let state: Mutex<State>
    private let holdHandlers = Mutex<[@Sendable (_ number: Int, _ bytes: Int) -> Void]>([])

    init(points: [Int]) {
        state = Mutex(State(points: points.sorted()))
    }

    /// Called (on a server thread) each time the streams are held: the hold's number (1, 2, …)
    /// and the replay bytes sent so far.
    public func onHold(_ handler: @escaping @Sendable (_ number: Int, _ bytes: Int) -> Void) {
        holdHandlers.withLock { $0.append(handler) }
    }

    /// Holds: how many times the streams have been held so far (the current hold included).
    public var holds: Int { state.withLock { $0.next + ($0.held ? 1 : 0) } }

    /// Whether the streams are held now.
    public var isHeld: Bool { state.withLock { $0.held } }

    /// Lets the held streams go on (to the next point, if any). Nothing happens when none is held.
    public func release() {
        let (wake, fired) = state.withLock { s -> ([@Sendable () -> Void], (Int, Int)?) in
            guard s.held else { return ([], nil) }
            s.held = false
            s.next += 1
            let w = s.waiting
            s.waiting = []
            return (w, Self.reached(&s))
        }
        for w in wake { w() }
        if let f = fired { announce(f.0, f.1) }
    }

    /// Counts bytes of replay media sent; holds once the next point is reached.
    func sent(_ bytes: Int) {
        let fired = state.withLock { s -> (Int, Int)? in
            s.sent += bytes
            return Self.reached(&s)
        }
        if let f = fired { announce(f.0, f.1) }
    }

    /// True (and `wake` kept, called on release) when the streams are held now.
    func shouldWait(_ wake: @escaping @Sendable () -> Void) -> Bool {
        state.withLock { s in
            guard s.held else { return false }
            s.waiting.append(wake)
            return true
        }
    }

    private static func reached(_ s: inout State) -> (Int, Int)? {
        guard !s.held, s.next < s.points.count, s.sent >= s.points[s.next] else { return nil }
        s.held = true
        return (s.next + 1, s.sent)
    }

    private func announce(_ number: Int, _ bytes: Int) {
        for h in holdHandlers.withLock({ $0 }) { h(number, bytes) }
    }
}
