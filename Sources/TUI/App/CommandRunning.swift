/// Runs `update`'s commands away from the UI queue and reports back with events.
/// `EngineCommandRunner` is the real one; tests can use their own.
public protocol CommandRunning: Sendable {
    /// Starts `command` without blocking the caller. `send` may be called any number of
    /// times, from any thread (the UI loop hops back onto its own queue).
    func run(_ command: Command, send: @escaping @Sendable (AppEvent) -> Void)
    /// Called once before the process exits: stop background work, leaving unfinished
    /// downloads resumable. Must return within a few seconds.
    func shutdown()
    /// Called first when the app leaves (quit, SIGINT/SIGTERM/SIGHUP, the terminal gone), before
    /// the terminal is restored: stop whatever moves in the world (PTZ cameras set moving).
    /// Must return within a second or two; `shutdown` follows.
    func stopMotion()
}

extension CommandRunning {
    /// Nothing moves by default.
    public func stopMotion() {}
}
