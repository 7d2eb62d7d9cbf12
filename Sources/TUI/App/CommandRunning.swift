/// Runs `update`'s commands away from the UI queue and reports back with events.
/// `EngineCommandRunner` is the real one; tests can use their own.
public protocol CommandRunning: Sendable {
    /// Starts `command` without blocking the caller. `send` may be called any number of
    /// times, from any thread (the UI loop hops back onto its own queue).
    func run(_ command: Command, send: @escaping @Sendable (AppEvent) -> Void)
    /// Called once before the process exits: stop background work, leaving unfinished
    /// downloads resumable. Must return within a few seconds.
    func shutdown()
}
