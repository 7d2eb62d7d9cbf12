/// What the simulator has seen, for tests: how often each operation was asked, how many logins
/// failed, whether the account is locked.
public struct SimulatorStats: Sendable, Equatable {
    /// Operation name (e.g. `GetStreamUri`) → requests received.
    public var requests: [String: Int] = [:]
    /// Requests that carried credentials of a kind the device checks, and wrong ones.
    public var failedLogins = 0
    /// Requests refused because the clock check failed (right password, wrong time).
    public var clockRejections = 0
    /// The account is locked (`lockAfterFailures` reached).
    public var locked = false
    public var soap11Requests = 0
    public var soap12Requests = 0
    /// SOAP 1.2 requests refused for (not) having `action=` in the Content-Type.
    public var actionParameterRefusals = 0

    /// Channel → requests for its snapshot URI, whatever the answer (a refused login, a fault).
    public var snapshotRequests: [Int: Int] = [:]
    /// Channel → pictures served (200 `image/jpeg`, the oversized one included).
    public var snapshotsServed: [Int: Int] = [:]

    public init() {}

    /// Pictures served for one channel.
    public func snapshots(channel: Int) -> Int { snapshotsServed[channel] ?? 0 }

    /// Pictures served for every channel.
    public var totalSnapshots: Int { snapshotsServed.values.reduce(0, +) }

    /// Requests for one operation.
    public func count(_ operation: String) -> Int { requests[operation] ?? 0 }

    /// All SOAP requests.
    public var totalRequests: Int { requests.values.reduce(0, +) }
}
