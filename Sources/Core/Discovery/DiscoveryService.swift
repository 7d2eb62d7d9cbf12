import Dispatch
import Foundation
import ONVIF
import Synchronization

// The discovery types a front needs, so it can use them through Core.
public typealias DiscoveredDevice = ONVIF.DiscoveredDevice
public typealias DiscoveryEvent = ONVIF.DiscoveryEvent
public typealias DiscoveryResult = ONVIF.DiscoveryResult
public typealias DiscoveryOptions = ONVIF.DiscoveryOptions
public typealias DiscoveryNote = ONVIF.DiscoveryNote
public typealias DiscoveryError = ONVIF.DiscoveryError
public typealias DiscoveryHint = ONVIF.DiscoveryHint
public typealias ProbeForm = ONVIF.ProbeForm
public typealias IPv4Address = ONVIF.IPv4Address

/// WS-Discovery for a front (the TUI): each sweep blocks a background thread of its own (a
/// thread started by the caller, so it shares the caller's network namespace), a listener
/// follows Hello/Bye, and every `DiscoveryEvent` is delivered on the front's queue.
///
/// ```swift
/// let discovery = DiscoveryService(queue: ui) { event in
///     state = update(state, .discovery(event))       // on `ui`
/// }
/// discovery.sweep()      // .found / .updated as devices answer, then .sweepFinished
/// …                      // .found (Hello) and .left (Bye) keep coming while it listens
/// discovery.stop()
/// ```
public final class DiscoveryService: Sendable {
    private let options: DiscoveryOptions
    private let listens: Bool
    private let sink: DiscoveryEventSink
    private let state = Mutex(State())

    private struct State {
        var sweeping = false
        var listener: DiscoveryListener?
        var stopped = false
    }

    /// - Parameters:
    ///   - options: how sweeps probe (window, interfaces, unicast hosts).
    ///   - listen: also follow Hello/Bye from the first sweep until `stop()`.
    ///   - queue: where `handler` runs (the UI queue).
    public init(options: DiscoveryOptions = DiscoveryOptions(), listen: Bool = true, queue: DispatchQueue,
                handler: @escaping @Sendable (DiscoveryEvent) -> Void) {
        self.options = options
        self.listens = listen
        self.sink = DiscoveryEventSink(queue: queue, handler: handler)
    }

    /// True while a sweep runs.
    public var isSweeping: Bool { state.withLock { $0.sweeping } }

    /// Starts a sweep in the background (and, the first time, the Hello/Bye listener); returns at
    /// once. A call while a sweep runs does nothing. Failures arrive as `.sweepFailed` and
    /// `.listenerFailed`.
    public func sweep() {
        let go: Bool = state.withLock {
            guard !$0.sweeping else { return false }
            $0.sweeping = true
            $0.stopped = false
            return true
        }
        guard go else { return }
        let thread = Thread { [self] in
            if listens, state.withLock({ $0.listener == nil && !$0.stopped }) {
                let listener = DiscoveryListener(interfaces: options.interfaces, events: sink)
                do throws(DiscoveryError) {
                    try listener.start()
                } catch {
                    sink.send(.listenerFailed(error))
                }
                if listener.isRunning {
                    let kept = state.withLock { s -> Bool in
                        guard !s.stopped else { return false }
                        s.listener = listener
                        return true
                    }
                    if !kept { listener.stop() } // stop() came first
                }
            }
            do throws(DiscoveryError) {
                _ = try WSDiscovery.sweep(options, events: sink)
            } catch {
                sink.send(.sweepFailed(error))
            }
            state.withLock { $0.sweeping = false }
        }
        thread.name = "vtrack.discovery.sweep"
        thread.start()
    }

    /// Stops listening (a running sweep still finishes and reports).
    public func stop() {
        let listener = state.withLock { s -> DiscoveryListener? in
            s.stopped = true
            defer { s.listener = nil }
            return s.listener
        }
        listener?.stop()
    }

    deinit { stop() }
}
