import Dispatch

/// A change seen while discovering, streamed to a front (the TUI) as it happens.
public enum DiscoveryEvent: Sendable {
    /// A device answered a probe or said Hello for the first time.
    case found(DiscoveredDevice)
    /// A known device answered again and its merged record changed (new address, XAddr, scopes…).
    case updated(DiscoveredDevice)
    /// A device said Bye (its endpoint reference, and the last record if it was known).
    case left(endpointReference: String, last: DiscoveredDevice?)
    /// A malformed datagram was received and counted.
    case malformed(DiscoveryNote)
    /// A sweep ended (its full result).
    case sweepFinished(DiscoveryResult)
    /// A sweep could not run (no usable interface, no socket…): nothing was probed.
    case sweepFailed(DiscoveryError)
    /// The Hello/Bye listener could not start (port 3702 taken, no multicast…): sweeps still work,
    /// devices that join later are not seen until the next sweep.
    case listenerFailed(DiscoveryError)
}

/// Where a sweep or listener streams its `DiscoveryEvent`s: a handler called on a queue
/// (the TUI passes its serial UI queue).
public struct DiscoveryEventSink: Sendable {
    public let queue: DispatchQueue
    public let handler: @Sendable (DiscoveryEvent) -> Void

    public init(queue: DispatchQueue, handler: @escaping @Sendable (DiscoveryEvent) -> Void) {
        self.queue = queue
        self.handler = handler
    }

    /// Delivers `event` to the handler on the queue.
    public func send(_ event: DiscoveryEvent) {
        let h = handler
        queue.async { h(event) }
    }
}
